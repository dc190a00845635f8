import Foundation

/// Metric 2: the mean time to exit a key vendor without service loss, from timed drills only.
///
/// Key vendors are the suppliers behind a tier-1 component or a component of a critical system, or
/// behind a component rated not substitutable or highly complex to substitute. A vendor's exit time
/// is completed − started of its latest passed drill with no service loss (a tabletop exercise moves
/// nothing, so it is not an exit time). Untested vendors are the
/// unknowns: listed with the contractual bound of their exit plan, never averaged in.
public struct ExitTimeMetric: Hashable, Codable, Sendable {
    public struct Vendor: Hashable, Codable, Sendable {
        public var supplier: String
        /// The lowest tier of its components (1 is the most demanding); nil when none is set.
        public var tier: Int?
        public var exitHours: Double?
        public var drilledAt: Date?
        /// The exit plan's notice plus transition, shown for an untested vendor.
        public var contractualBoundDays: Int?
        public var tested: Bool
    }

    /// Tested key vendors.
    public var numerator: Int
    /// Key vendors.
    public var denominator: Int
    /// Key vendors never tested.
    public var unknowns: Int
    public var shareNeverTested: Double?
    public var meanHours: Double?
    public var medianHours: Double?
    public var maxHours: Double?
    /// Components behind which no supplier is known (so no vendor can be judged).
    public var componentsWithoutSupplier: Int
    public var byTier: [String: Ratio]
    public var vendors: [Vendor]

    public init(_ register: Register) {
        let (keyVendors, orphans) = Self.keyVendors(register)
        vendors = keyVendors.keys.sorted().map { id in Self.vendor(id, tier: keyVendors[id] ?? nil, register) }
        let hours = vendors.compactMap(\.exitHours)
        let times = Durations(hours: hours)
        numerator = hours.count
        denominator = vendors.count
        unknowns = vendors.count - hours.count
        shareNeverTested = vendors.isEmpty ? nil : Double(unknowns) / Double(vendors.count)
        meanHours = times.meanHours
        medianHours = times.medianHours
        maxHours = times.maxHours
        componentsWithoutSupplier = orphans
        byTier = Dictionary(grouping: vendors) { $0.tier.map(String.init) ?? "unset" }
            .mapValues { group in Ratio(group.map { $0.tested ? .pass : .unknown }) }
    }

    /// Key vendor ids with their lowest tier, and how many key components have no supplier.
    static func keyVendors(_ register: Register) -> (vendors: [String: Int?], orphans: Int) {
        var vendors: [String: Int?] = [:]
        var orphans = 0
        for component in register.components.values {
            let systems = register.systems(containing: component.id)
            let tiers = systems.compactMap { register.tier(system: $0.id, component: component.id)?.tier.rawValue }
            let isKey =
                tiers.contains(1) || systems.contains { $0.criticality == .critical }
                || [.notSubstitutable, .highlyComplex].contains(component.substitutability)
            guard isKey else { continue }
            guard let supplier = component.supplierId else {
                orphans += 1
                continue
            }
            // The buyer's own work is not a vendor to exit from.
            if register.suppliers[supplier]?.isInHouse == true { continue }
            let lowest = tiers.min()
            let known = vendors[supplier] ?? nil
            vendors[supplier] = [known, lowest].compactMap { $0 }.min()
        }
        return (vendors, orphans)
    }

    static func vendor(_ id: String, tier: Int?, _ register: Register) -> Vendor {
        let clean = register.drills.filter {
            $0.supplier == id && $0.kind != .tabletop && $0.passed && $0.serviceLossMinutes == 0
                && $0.completedAt != nil
        }
        let latest = clean.max { ($0.completedAt ?? .distantPast) < ($1.completedAt ?? .distantPast) }
        let hours = latest.flatMap { drill in drill.completedAt.map { $0.timeIntervalSince(drill.startedAt) / 3600 } }
        return Vendor(
            supplier: id,
            tier: tier,
            exitHours: hours,
            drilledAt: latest?.completedAt,
            contractualBoundDays: register.exitPlans.last { $0.supplier == id }?.contractualBoundDays,
            tested: hours != nil
        )
    }
}
