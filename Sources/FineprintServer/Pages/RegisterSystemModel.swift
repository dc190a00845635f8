import FineprintRegister
import Foundation

/// A system's page (view: register-system.mustache): what it is, its dependency graph, its
/// components with their tiers, and the policies it breaks.
struct RegisterSystemModel: PageModel {
    static let template = "register-system"

    struct ComponentRow {
        var name: String
        var link: String
        var layer: String
        var supplier: String
        var supplierLink: String?
        var tier: String
        var tierClass: String
        var rationale: String
        var substitutability: String
    }

    var title: String
    var id: String
    var name: String
    var facts: [Fact]
    var graph: String
    var edgeCount: Int
    var components: [ComponentRow]
    var keyReasons: [String]
    var keyVerdict: String
    var violations: [SystemViolations.Item]
    var edit: RegisterEditPanel?

    init(_ system: RegisterSystem, _ view: RegisterView, canEdit: Bool = false) {
        let register = view.register
        title = system.name
        id = system.id
        name = system.name
        facts =
            [
                Fact("Sector", system.sector.rawValue), Fact("Criticality", system.criticality.rawValue),
                Fact("Owner", system.owner ?? "not recorded"),
                Fact("Tier profile", system.requiredProfile ?? "not set"),
                Fact("Monitored in production", system.monitored.map { $0 ? "yes" : "no" } ?? "not recorded"),
            ] + (system.notes.map { [Fact("Notes", $0)] } ?? [])
        let drawing = DependencyGraphSVG(system: system, register: register, link: RegisterLinks.component)
        graph = drawing.render()
        edgeCount = drawing.layout.edges.filter(\.recorded).count
        components = register.components(of: system).sorted {
            ($0.layer, $0.imported.name) < ($1.layer, $1.imported.name)
        }
        .map { Self.row($0, system, register) }
        let result = view.metrics.keyControlAndAuditLogs.systems.first { $0.system == system.id }
        keyVerdict = result?.verdict.rawValue ?? "–"
        keyReasons = result?.reasons ?? []
        violations = view.violations.filter { $0.system == system.id }.map { SystemViolations.item($0, register) }
        edit = canEdit ? RegisterEditPanel.system(system, register) : nil
    }

    static func row(_ part: RegisterComponent, _ system: RegisterSystem, _ register: Register) -> ComponentRow {
        let tier = register.tier(system: system.id, component: part.id)
        let supplier = register.supplier(of: part)
        return ComponentRow(
            name: part.imported.name,
            link: RegisterLinks.component(part.id),
            layer: part.layer.rawValue,
            supplier: supplier?.name ?? part.imported.supplier ?? "unknown",
            supplierLink: supplier.map { RegisterLinks.supplier($0.id) },
            tier: RegisterFormat.tier(tier?.tier),
            tierClass: "tier-\(tier.map { String($0.tier.rawValue) } ?? "unset")",
            rationale: tier?.rationale ?? "",
            substitutability: part.substitutability.rawValue
        )
    }
}

/// A labelled fact of a page's header list.
struct Fact {
    var label: String
    var value: String
    var link: String?

    init(_ label: String, _ value: String, link: String? = nil) {
        self.label = label
        self.value = value
        self.link = link
    }
}
