import Foundation

/// The five metrics of the register, computed together for one date.
public struct RegisterMetrics: Hashable, Codable, Sendable {
    /// Raised whenever a metric's definition changes, so snapshots are compared like for like.
    public static let definitionVersion = 1

    public var asOf: Date
    public var definitionVersion: Int
    public var keyControlAndAuditLogs: KeyControlMetric
    public var exitTime: ExitTimeMetric
    public var supplierDiversity: DiversityMetric
    public var independentTesting: AssuranceMetric
    public var incidentResponse: IncidentMetric

    public init(_ register: Register, settings: MetricSettings) {
        asOf = settings.asOf
        definitionVersion = Self.definitionVersion
        keyControlAndAuditLogs = KeyControlMetric(register)
        exitTime = ExitTimeMetric(register)
        supplierDiversity = DiversityMetric(register)
        independentTesting = AssuranceMetric(register, settings: settings)
        incidentResponse = IncidentMetric(register, settings: settings)
    }

    /// Whether two computations say the same, whatever their dates (a snapshot is kept only on change).
    public func sameValues(as other: RegisterMetrics) -> Bool {
        var a = self
        var b = other
        a.asOf = .distantPast
        b.asOf = .distantPast
        return a == b
    }
}

/// The metrics as of one moment, as the store keeps them.
public struct MetricSnapshot: Hashable, Codable, Sendable {
    public var organisation: String
    public var takenAt: Date
    public var metrics: RegisterMetrics

    public init(organisation: String, takenAt: Date, metrics: RegisterMetrics) {
        self.organisation = organisation
        self.takenAt = takenAt
        self.metrics = metrics
    }
}
