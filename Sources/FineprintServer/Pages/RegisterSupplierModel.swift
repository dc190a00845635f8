import FineprintRegister
import Foundation

/// A supplier's page (view: register-supplier.mustache): country, parent group, alliance class, the
/// components it backs, its contracts, exit plans and drills, and its watched terms.
struct RegisterSupplierModel: PageModel {
    static let template = "register-supplier"

    struct PartRow {
        var name: String
        var link: String
        var layer: String
        var systems: String
    }

    struct WatchedRow {
        var source: String
        var scope: String
        var linked: String
    }

    var title: String
    var name: String
    var id: String
    var facts: [Fact]
    var components: [PartRow]
    var contracts: [ContractRow]
    var exitPlans: RecordTable
    var drills: RecordTable
    var watchedSources: [WatchedRow]
    var changes: [RegisterComponentModel.ChangeRow]
    var edit: RegisterEditPanel?
    /// The country, parent and alliance class form, filled with what is recorded (nil: read only).
    var supplierForm: SupplierFormFields?

    struct SupplierFormFields {
        var action: String
        var country: String
        var parent: String
        var classes: [RegisterEditPanel.Option]
    }

    init(_ supplier: Supplier, _ view: RegisterView, canEdit: Bool = false) {
        let register = view.register
        title = supplier.name
        name = supplier.name
        id = supplier.id
        let group = register.groupOf(supplier)
        facts = [
            Fact("Legal name", supplier.legalName ?? supplier.name), Fact("LEI", supplier.lei ?? "not recorded"),
            Fact("Headquarters country", supplier.headquartersCountry ?? "not curated"),
            Fact("Country in the BOM", supplier.bomCountry ?? "—"),
            Fact(
                "Ultimate parent",
                supplier.ultimateParent.map { register.suppliers[group]?.name ?? $0 } ?? "itself",
                link: supplier.ultimateParent != nil && register.suppliers[group] != nil
                    ? RegisterLinks.supplier(group) : nil
            ),
            Fact("Alliance class", register.countries.allianceClass(of: register.countryOfGroup(supplier)).rawValue),
        ]
        if supplier.isInHouse { facts.append(Fact("In-house", "the buyer's own work")) }
        if let notes = supplier.notes { facts.append(Fact("Notes", notes)) }
        components = register.components.values.filter { $0.supplierId == supplier.id }
            .sorted { ($0.layer, $0.imported.name) < ($1.layer, $1.imported.name) }
            .map { part in
                PartRow(
                    name: part.imported.name,
                    link: RegisterLinks.component(part.id),
                    layer: part.layer.rawValue,
                    systems: register.systems(containing: part.id).map(\.name).joined(separator: ", ")
                )
            }
        contracts = register.contracts.values.filter { $0.supplier == supplier.id }.sorted { $0.id < $1.id }
            .map(ContractRow.init)
        exitPlans = .exitPlans(register.exitPlans.filter { $0.supplier == supplier.id })
        drills = .drills(register.drills.filter { $0.supplier == supplier.id })
        let links = register.watchLinks.filter { $0.supplier == supplier.id }
        watchedSources = links.map { link in
            WatchedRow(
                source: view.watched[link.source]?.name ?? link.source,
                scope: "every component of the supplier",
                linked: RegisterFormat.day(link.linkedAt)
            )
        }
        changes = links.flatMap { view.changes(of: $0.source, via: "supplier") }
            .sorted { $0.recordedAt > $1.recordedAt }.map(RegisterComponentModel.change)
        guard canEdit else { return }
        edit = RegisterEditPanel.supplier(supplier)
        supplierForm = SupplierFormFields(
            action: RegisterLinks.supplier(supplier.id),
            country: supplier.headquartersCountry ?? "",
            parent: supplier.ultimateParent ?? "",
            classes: [RegisterEditPanel.Option(value: "", label: "leave as it is")]
                + AllianceClass.allCases.filter { $0 != .unknown }.map {
                    RegisterEditPanel.Option(value: $0.rawValue, label: $0.rawValue)
                }
        )
    }
}
