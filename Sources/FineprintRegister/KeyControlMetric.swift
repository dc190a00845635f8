/// Metric 1: the share of critical systems with sovereign key control and audit logs.
///
/// A system passes when every tier-1 key-management component is in the buyer's custody (the
/// `key-control` fact passes) and its audit-logging components keep the logs under the buyer's
/// control (the `logging` fact passes). A system with no key-management or audit-logging component
/// recorded, or with one whose tier or facts are unknown, is unknown; key management held only at
/// tier 2 or 3 fails, since the keys are then not must-control.
public struct KeyControlMetric: Hashable, Codable, Sendable {
    public struct SystemResult: Hashable, Codable, Sendable {
        public var system: String
        public var sector: Sector
        public var criticality: Criticality
        public var keyControl: Verdict
        public var auditLogs: Verdict
        public var verdict: Verdict
        public var reasons: [String]
    }

    public var numerator: Int
    public var denominator: Int
    public var unknowns: Int
    public var share: Double?
    /// Each half on its own, over the same critical systems.
    public var keyControl: Ratio
    public var auditLogs: Ratio
    /// Important (not critical) systems, shown apart.
    public var important: Ratio
    public var bySector: [String: Ratio]
    public var systems: [SystemResult]

    public init(_ register: Register) {
        let results = register.systems.values.sorted { $0.id < $1.id }.map { Self.judge($0, in: register) }
        let critical = results.filter { $0.criticality == .critical }
        let overall = Ratio(critical.map(\.verdict))
        numerator = overall.numerator
        denominator = overall.denominator
        unknowns = overall.unknowns
        share = overall.share
        keyControl = Ratio(critical.map(\.keyControl))
        auditLogs = Ratio(critical.map(\.auditLogs))
        important = Ratio(results.filter { $0.criticality == .important }.map(\.verdict))
        bySector = Dictionary(grouping: critical, by: \.sector.rawValue).mapValues { Ratio($0.map(\.verdict)) }
        systems = results
    }

    static func judge(_ system: RegisterSystem, in register: Register) -> SystemResult {
        var reasons: [String] = []
        let parts = register.components(of: system)
        let keys = keyHalf(system, parts.filter { $0.layer == .keyManagement }, register, &reasons)
        let logs = logHalf(parts.filter { $0.layer == .auditLogging }, register, &reasons)
        return SystemResult(
            system: system.id,
            sector: system.sector,
            criticality: system.criticality,
            keyControl: keys,
            auditLogs: logs,
            verdict: keys.and(logs),
            reasons: reasons
        )
    }

    private static func keyHalf(
        _ system: RegisterSystem,
        _ parts: [RegisterComponent],
        _ register: Register,
        _ reasons: inout [String]
    ) -> Verdict {
        guard !parts.isEmpty else {
            reasons.append("no key-management component recorded")
            return .unknown
        }
        var verdicts: [Verdict] = []
        for part in parts {
            guard let tier = register.tier(system: system.id, component: part.id)?.tier else {
                reasons.append("\(part.id): no tier set")
                verdicts.append(.unknown)
                continue
            }
            guard tier == .mustControl else { continue }
            let verdict = register.verdict(component: part.id, control: .keyControl)
            if verdict != .pass { reasons.append("\(part.id): key control \(verdict.rawValue)") }
            verdicts.append(verdict)
        }
        guard !verdicts.isEmpty else {
            reasons.append("no tier-1 key management: keys are not must-control")
            return .fail
        }
        return verdicts.reduce(.pass) { $0.and($1) }
    }

    private static func logHalf(
        _ parts: [RegisterComponent],
        _ register: Register,
        _ reasons: inout [String]
    ) -> Verdict {
        guard !parts.isEmpty else {
            reasons.append("no audit-logging component recorded")
            return .unknown
        }
        return parts.map { part in
            let verdict = register.verdict(component: part.id, control: .logging)
            if verdict != .pass { reasons.append("\(part.id): buyer-controlled logging \(verdict.rawValue)") }
            return verdict
        }.reduce(.pass) { $0.and($1) }
    }
}
