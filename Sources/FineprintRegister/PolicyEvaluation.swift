import Foundation

/// One policy broken by one system (and, where it applies, one component).
public struct PolicyViolation: Hashable, Codable, Sendable {
    public var policy: String
    public var title: String
    public var severity: PolicySeverity
    public var system: String
    public var component: String?
    public var message: String
}

/// Applies policies to the register's facts, system by system.
public enum PolicyEvaluation {
    public static func evaluate(
        _ policies: [Policy],
        on register: Register,
        system only: String? = nil,
        settings: MetricSettings
    ) -> [PolicyViolation] {
        let systems = register.systems.values.filter { only == nil || $0.id == only }.sorted { $0.id < $1.id }
        var violations: [PolicyViolation] = []
        for system in systems {
            for policy in policies {
                let found = findings(policy, system, register, settings)
                violations += found.map { component, message in
                    PolicyViolation(
                        policy: policy.id,
                        title: policy.title,
                        severity: policy.severity,
                        system: system.id,
                        component: component,
                        message: message
                    )
                }
            }
        }
        return violations.sorted { ($0.severity, $1.system) > ($1.severity, $0.system) }
    }

    typealias Finding = (component: String?, message: String)

    static func findings(
        _ policy: Policy,
        _ system: RegisterSystem,
        _ register: Register,
        _ settings: MetricSettings
    )
        -> [Finding]
    {
        let parts = register.components(of: system)
        let tier1 = parts.filter { register.tier(system: system.id, component: $0.id)?.tier == .mustControl }
        // Exit plans and contract terms are asked of suppliers, not of the buyer's own work.
        let bought = tier1.filter { register.supplier(of: $0)?.isInHouse != true }
        switch policy.condition {
        case .tier1KeysNotInCustody:
            let layers = Set(policy.layers ?? [.keyManagement])
            return tier1.filter { layers.contains($0.layer) }.compactMap { part in
                let verdict = register.verdict(component: part.id, control: .keyControl)
                return verdict == .pass ? nil : (part.id, "key custody by the buyer is \(shown(verdict))")
            }
        case .singleCloudProvider:
            return singleCloud(policy, system, parts, register)
        case .modelWithoutIndependentTest:
            return untestedModel(policy, system, parts, register, settings)
        case .supplierAllianceNotAllowed:
            return alliance(policy, system, parts, register)
        case .tier1WithoutExitPlan:
            return bought.compactMap { part in
                guard let supplier = part.supplierId else { return (part.id, "no supplier recorded, so no exit plan") }
                let planned = register.exitPlans.contains { $0.supplier == supplier }
                return planned ? nil : (part.id, "supplier \(supplier) has no exit plan")
            }
        case .tier1ControlNotEvidenced:
            return bought.compactMap { part in
                let missing = (policy.controls ?? []).compactMap { control -> String? in
                    let verdict = register.verdict(component: part.id, control: control)
                    return verdict == .pass ? nil : "\(control.rawValue) \(verdict == .fail ? "not given" : "unknown")"
                }
                return missing.isEmpty ? nil : (part.id, "not shown to hold: " + missing.joined(separator: ", "))
            }
        }
    }

    static func shown(_ verdict: Verdict) -> String {
        verdict == .fail ? "not shown (the evidence says otherwise)" : "unknown (no evidence recorded)"
    }

    private static func singleCloud(
        _ policy: Policy,
        _ system: RegisterSystem,
        _ parts: [RegisterComponent],
        _ register: Register
    )
        -> [Finding]
    {
        guard (policy.criticality ?? [.critical]).contains(system.criticality) else { return [] }
        let clouds = parts.filter { $0.layer == .cloud }
        let groups = Set(clouds.compactMap { register.supplier(of: $0).map(register.groupOf) })
        let unknown = clouds.filter { register.supplier(of: $0) == nil }.count
        let minimum = policy.minimum ?? 2
        guard groups.count < minimum else { return [] }
        let who =
            groups.isEmpty ? "no known cloud provider" : "cloud from \(groups.sorted().joined(separator: ", ")) only"
        return [
            (nil, "\(who) (\(minimum) provider groups asked" + (unknown > 0 ? ", \(unknown) without a supplier)" : ")"))
        ]
    }

    private static func untestedModel(
        _ policy: Policy,
        _ system: RegisterSystem,
        _ parts: [RegisterComponent],
        _ register: Register,
        _ settings: MetricSettings
    ) -> [Finding] {
        let models = parts.filter { $0.layer == .model }
        guard !models.isEmpty else { return [] }
        var asked = settings
        asked.testWithinMonths = policy.months ?? 12
        asked.minimumIndependence = policy.minimumIndependence ?? settings.minimumIndependence
        let records = register.assurance.filter { $0.system == system.id }
        let result = AssuranceMetric.testVerdict(records, models: models, asked)
        guard result.verdict != .pass else { return [] }
        return [(nil, "no passed independent test of the current model in \(asked.testWithinMonths) months")]
    }

    private static func alliance(
        _ policy: Policy,
        _ system: RegisterSystem,
        _ parts: [RegisterComponent],
        _ register: Register
    )
        -> [Finding]
    {
        let allowed = Set(policy.allowed ?? [])
        let limit = policy.tier ?? 1
        return parts.compactMap { part in
            guard let tier = register.tier(system: system.id, component: part.id)?.tier, tier.rawValue == limit else {
                return nil
            }
            let supplier = register.supplier(of: part)
            let country = supplier.flatMap { register.countryOfGroup($0) }
            let group = supplier.map { register.suppliers[register.groupOf($0)] ?? $0 }
            let classes = [country, group?.country].compactMap { $0 }.map(register.countries.allianceClass)
            let worst = classes.isEmpty ? AllianceClass.unknown : classes.first { !allowed.contains($0) } ?? classes[0]
            guard !allowed.contains(worst) else { return nil }
            let name = supplier?.name ?? "an unknown supplier"
            return (part.id, "tier \(tier.rawValue) from \(name), alliance class \(worst.rawValue)")
        }
    }
}
