import Foundation

/// One organisation's whole register, as the store loads and saves it. Pure data: importing,
/// metrics, policies and export are functions over it.
public struct Register: Hashable, Codable, Sendable {
    public var systems: [String: RegisterSystem]
    public var components: [String: RegisterComponent]
    public var suppliers: [String: Supplier]
    public var edges: Set<DependencyEdge>
    /// Tiers by system, then component.
    public var tiers: [String: [String: TierAssignment]]
    public var contracts: [String: ContractLink]
    public var facts: [ControlFact]
    public var exitPlans: [ExitPlan]
    public var drills: [ExitDrill]
    public var assurance: [AssuranceRecord]
    public var incidents: [Incident]
    public var countries: CountryTable
    /// Watched sources of suppliers' terms tied to suppliers or components (see `WatchLink`).
    public var watchLinks: [WatchLink]

    public init(
        systems: [String: RegisterSystem] = [:],
        components: [String: RegisterComponent] = [:],
        suppliers: [String: Supplier] = [:],
        edges: Set<DependencyEdge> = [],
        tiers: [String: [String: TierAssignment]] = [:],
        contracts: [String: ContractLink] = [:],
        facts: [ControlFact] = [],
        exitPlans: [ExitPlan] = [],
        drills: [ExitDrill] = [],
        assurance: [AssuranceRecord] = [],
        incidents: [Incident] = [],
        countries: CountryTable = CountryTable(),
        watchLinks: [WatchLink] = []
    ) {
        self.systems = systems
        self.components = components
        self.suppliers = suppliers
        self.edges = edges
        self.tiers = tiers
        self.contracts = contracts
        self.facts = facts
        self.exitPlans = exitPlans
        self.drills = drills
        self.assurance = assurance
        self.incidents = incidents
        self.countries = countries
        self.watchLinks = watchLinks
    }

    /// The tier of a component for a system, if a person set one.
    public func tier(system: String, component: String) -> TierAssignment? {
        tiers[system]?[component]
    }

    /// Every tier set, by system then component.
    public var tierList: [TierAssignment] {
        tiers.keys.sorted().flatMap { system in
            (tiers[system] ?? [:]).keys.sorted().compactMap { tiers[system]?[$0] }
        }
    }

    /// Sets (or replaces) the tier of one system–component pair.
    public mutating func setTier(_ assignment: TierAssignment) {
        tiers[assignment.system, default: [:]][assignment.component] = assignment
    }

    /// The supplier behind a component, when the register knows it.
    public func supplier(of component: RegisterComponent) -> Supplier? {
        component.supplierId.flatMap { suppliers[$0] }
    }

    public func facts(component: String, control: Control) -> [ControlFact] {
        facts.filter { $0.component == component && $0.control == control }
    }

    /// The systems a component belongs to.
    public func systems(containing component: String) -> [RegisterSystem] {
        systems.values.filter { $0.components.contains(component) }.sorted { $0.id < $1.id }
    }

    /// The components of a system, in key order (unknown keys are skipped).
    public func components(of system: RegisterSystem) -> [RegisterComponent] {
        system.components.sorted().compactMap { components[$0] }
    }
}

/// How the register names things that arrive without an id of ours.
public enum SupplierKey {
    /// A supplier's id from its name: lower-cased, runs of other characters made one hyphen.
    public static func id(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "unnamed" : out
    }
}

public enum ComponentKey {
    /// The stable key a component merges on: its purl as given (trimmed), else supplier + name
    /// (+ version), lower-cased, so the same part from the same supplier is one component.
    public static func key(purl: String?, supplier: String?, name: String, version: String?) -> String {
        if let purl = purl?.trimmingCharacters(in: .whitespaces), !purl.isEmpty { return purl }
        let who = supplier.map(SupplierKey.id) ?? "unknown-supplier"
        let what = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let version = version?.trimmingCharacters(in: .whitespaces), !version.isEmpty else {
            return "\(who)/\(what)"
        }
        return "\(who)/\(what)@\(version)"
    }
}

extension Register {
    /// Adds another register's entities to this one (the other's win where both have the same key).
    public mutating func add(_ other: Register) {
        systems.merge(other.systems) { _, new in new }
        components.merge(other.components) { _, new in new }
        suppliers.merge(other.suppliers) { _, new in new }
        contracts.merge(other.contracts) { _, new in new }
        edges.formUnion(other.edges)
        for tier in other.tierList { setTier(tier) }
        facts += other.facts
        exitPlans += other.exitPlans
        drills += other.drills
        assurance += other.assurance
        incidents += other.incidents
        for link in other.watchLinks { linkWatch(link) }
        countries = CountryTable(
            domestic: countries.domestic.union(other.countries.domestic),
            eu: countries.eu.union(other.countries.eu),
            allied: countries.allied.union(other.countries.allied)
        )
    }
}
