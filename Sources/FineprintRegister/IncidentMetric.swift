import Foundation

/// Metric 5: time to detect and to contain model or data incidents, over a rolling window.
///
/// TTD = detected − occurred, where the occurrence is known; TTC = contained − detected, where the
/// incident is contained. Median and 90th percentile (nearest rank) in hours, overall and by kind.
/// An incident with either time unknown is one of the unknowns.
public struct IncidentMetric: Hashable, Codable, Sendable {
    public struct KindResult: Hashable, Codable, Sendable {
        public var incidents: Int
        public var detect: Durations
        public var contain: Durations
    }

    /// Incidents with both clocks known.
    public var numerator: Int
    /// Model and data incidents detected in the window.
    public var denominator: Int
    public var unknowns: Int
    public var detect: Durations
    public var contain: Durations
    public var byKind: [String: KindResult]
    public var windowMonths: Int

    public init(_ register: Register, settings: MetricSettings) {
        let since = settings.monthsBefore(settings.incidentWindowMonths)
        let counted = register.incidents.filter { incident in
            [.model, .data].contains(incident.kind) && incident.detectedAt >= since
                && incident.detectedAt <= settings.asOf
        }
        let result = Self.measure(counted)
        denominator = counted.count
        numerator = counted.filter { $0.occurredAt != nil && $0.containedAt != nil }.count
        unknowns = denominator - numerator
        detect = result.detect
        contain = result.contain
        byKind = Dictionary(grouping: counted, by: \.kind.rawValue).mapValues(Self.measure)
        windowMonths = settings.incidentWindowMonths
    }

    static func measure(_ incidents: [Incident]) -> KindResult {
        let detect = incidents.compactMap { incident in
            incident.occurredAt.map { incident.detectedAt.timeIntervalSince($0) / 3600 }
        }
        let contain = incidents.compactMap { incident in
            incident.containedAt.map { $0.timeIntervalSince(incident.detectedAt) / 3600 }
        }
        return KindResult(
            incidents: incidents.count,
            detect: Durations(hours: detect),
            contain: Durations(hours: contain)
        )
    }
}
