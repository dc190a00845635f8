import FineprintRegister
import Foundation

/// The forms an analyst edits the register with, as the system, component and supplier pages show
/// them (view: register-edit.mustache, a partial). Nil on a page means the reader may not change it.
struct RegisterEditPanel {
    struct Option {
        var value: String
        var label: String
    }

    /// The form that sets a tier: a fixed component with a choice of systems, or the reverse.
    struct TierTarget {
        var system: String?
        var component: String?
        var choices: [Option]
        var choiceField: String
        var choiceLabel: String
    }

    /// Systems a record may be about; `system` fixed when the page is a system's.
    var system: String?
    var systems: [Option]
    var component: String?
    var tier: TierTarget?
    /// The supplier whose exit drill the page records; nil: no known supplier.
    var drillSupplier: String?
    var drillSupplierName: String?
    var assurance: Bool
    var incident: Bool
    var tiers = Tier.allCases.map { Option(value: String($0.rawValue), label: RegisterFormat.tier($0)) }
    var drillKinds = DrillKind.allCases.map { Option(value: $0.rawValue, label: $0.rawValue) }
    var independence = Independence.allCases.reversed().map { Option(value: $0.rawValue, label: $0.rawValue) }
    var incidentKinds = IncidentKind.allCases.map { Option(value: $0.rawValue, label: $0.rawValue) }

    /// A component's page: tier per system, its supplier's drill, a test of it, an incident with it.
    static func component(_ part: RegisterComponent, _ register: Register) -> RegisterEditPanel {
        let systems = register.systems(containing: part.id).map { Option(value: $0.id, label: $0.name) }
        let supplier = register.supplier(of: part)
        return RegisterEditPanel(
            system: nil,
            systems: systems,
            component: part.id,
            tier: systems.isEmpty
                ? nil
                : TierTarget(component: part.id, choices: systems, choiceField: "system", choiceLabel: "System"),
            drillSupplier: supplier?.id,
            drillSupplierName: supplier?.name,
            assurance: !systems.isEmpty,
            incident: true
        )
    }

    /// A system's page: tier per component, a test of the system, an incident in it.
    static func system(_ system: RegisterSystem, _ register: Register) -> RegisterEditPanel {
        let parts = register.components(of: system).map { Option(value: $0.id, label: $0.imported.name) }
        return RegisterEditPanel(
            system: system.id,
            systems: [],
            component: nil,
            tier: parts.isEmpty
                ? nil
                : TierTarget(system: system.id, choices: parts, choiceField: "component", choiceLabel: "Component"),
            assurance: true,
            incident: true
        )
    }

    /// A supplier's page: its exit drill (the country, parent and class form is the page's own).
    static func supplier(_ supplier: Supplier) -> RegisterEditPanel {
        RegisterEditPanel(
            systems: [],
            drillSupplier: supplier.id,
            drillSupplierName: supplier.name,
            assurance: false,
            incident: false
        )
    }
}
