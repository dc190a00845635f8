import Foundation

/// A declared source beside its health, as the sources listing and the review page show it.
public struct SignalSourceStatus: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: String
    public var enabled: Bool
    public var lastSuccess: Date?
    public var lastAttempt: Date?
    public var failingSince: Date?
    public var consecutiveFailures: Int
    public var lastError: String?
    /// No new item for longer than the expected update period.
    public var stale: Bool

    public static func rows(catalog: SignalSourceCatalog, health: [SourceHealth], now: Date) -> [SignalSourceStatus] {
        let byId = Dictionary(health.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        return catalog.sources.map { s in
            let h = byId[s.id]
            return SignalSourceStatus(
                id: s.id,
                name: s.name,
                kind: s.kind.rawValue,
                enabled: s.enabled,
                lastSuccess: h?.lastSuccess,
                lastAttempt: h?.lastAttempt,
                failingSince: h?.failingSince,
                consecutiveFailures: h?.consecutiveFailures ?? 0,
                lastError: h?.lastError,
                stale: h?.isStale(expectedUpdateDays: s.expectedUpdateDays, now: now) ?? false
            )
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, kind, enabled, stale
        case lastSuccess = "last_success"
        case lastAttempt = "last_attempt"
        case failingSince = "failing_since"
        case consecutiveFailures = "consecutive_failures"
        case lastError = "last_error"
    }
}
