import FineprintRegister
import Foundation

/// The JSON bodies of the register's API (described in openapi.json under `Register…`).
enum RegisterAPI {
    struct ComponentSummary: Encodable {
        var key: String
        var name: String
        var version: String?
        var layer: Layer
        var supplier: String?
        var systems: [String]

        init(_ part: RegisterComponent, _ register: Register) {
            key = part.id
            name = part.imported.name
            version = part.imported.version
            layer = part.layer
            supplier = part.supplierId
            systems = register.systems(containing: part.id).map(\.id)
        }
    }

    struct SystemSummary: Encodable {
        var id: String
        var name: String
        var sector: Sector
        var criticality: Criticality
        var owner: String?
        var components: Int
        var keyControlAndAuditLogs: Verdict?
        var failures: Int
        var warnings: Int

        init(_ system: RegisterSystem, _ view: RegisterView) {
            id = system.id
            name = system.name
            sector = system.sector
            criticality = system.criticality
            owner = system.owner
            components = system.components.count
            keyControlAndAuditLogs =
                view.metrics.keyControlAndAuditLogs.systems.first { $0.system == system.id }?.verdict
            let own = view.violations.filter { $0.system == system.id }
            failures = own.filter { $0.severity == .fail }.count
            warnings = own.filter { $0.severity == .warn }.count
        }
    }

    struct SupplierSummary: Encodable {
        var id: String
        var name: String
        var country: String?
        var ultimateParent: String?
        var allianceClass: AllianceClass
        var inHouse: Bool
        var components: Int

        init(_ supplier: Supplier, _ view: RegisterView) {
            let register = view.register
            id = supplier.id
            name = supplier.name
            country = supplier.country
            ultimateParent = supplier.ultimateParent
            allianceClass = register.countries.allianceClass(of: register.countryOfGroup(supplier))
            inHouse = supplier.isInHouse
            components = view.componentCounts[supplier.id] ?? 0
        }
    }

    struct Systems: Encodable {
        var organisation: String
        var systems: [SystemSummary]
    }

    struct SystemDetail: Encodable {
        var organisation: String
        var system: SystemSummary
        var requiredProfile: String?
        var monitored: Bool?
        var components: [ComponentSummary]
        var edges: [DependencyEdge]
        var tiers: [TierAssignment]
        var violations: [PolicyViolation]
    }

    struct Components: Encodable {
        var organisation: String
        var components: [ComponentSummary]
    }

    struct ComponentDetail: Encodable {
        var organisation: String
        var component: ComponentSummary
        var kind: String
        var purl: String?
        var substitutability: Substitutability
        var tiers: [TierAssignment]
        var verdicts: [String: Verdict]
        var facts: [ControlFact]
        var contracts: [ContractLink]
        var dependsOn: [String]
        var usedBy: [String]
        var exitPlans: [ExitPlan]
        var drills: [ExitDrill]
        var incidents: [Incident]
        var watchedChanges: [WatchedTermsChange]
    }

    struct Suppliers: Encodable {
        var organisation: String
        var suppliers: [SupplierSummary]
    }

    struct SupplierDetail: Encodable {
        var organisation: String
        var supplier: SupplierSummary
        var legalName: String?
        var lei: String?
        var components: [ComponentSummary]
        var contracts: [ContractLink]
        var exitPlans: [ExitPlan]
        var drills: [ExitDrill]
        var watchLinks: [WatchLink]
        var watchedChanges: [WatchedTermsChange]
    }

    struct Metrics: Encodable {
        var organisation: String
        var metrics: RegisterMetrics
    }

    struct Violations: Encodable {
        var organisation: String
        var asOf: Date
        var violations: [PolicyViolation]
    }
}
