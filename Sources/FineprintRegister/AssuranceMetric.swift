import Foundation

/// Metric 4: the share of AI deployments with independent safety testing and monitoring.
///
/// An AI deployment is a system with at least one model component. It passes when (a) a passed
/// test by a tester at least as independent as the settings ask, within the window, is dated after
/// the last change of the model's version (a version named on the record must be the current one),
/// and (b) monitoring is in place. No test record at all, or monitoring not recorded, is unknown; a
/// model changed since its last test fails.
public struct AssuranceMetric: Hashable, Codable, Sendable {
    public struct Deployment: Hashable, Codable, Sendable {
        public var system: String
        public var sector: Sector
        public var tested: Verdict
        public var monitored: Verdict
        public var verdict: Verdict
        public var lastIndependentTest: Date?
    }

    public var numerator: Int
    public var denominator: Int
    public var unknowns: Int
    public var share: Double?
    public var bySector: [String: Ratio]
    public var deployments: [Deployment]

    public init(_ register: Register, settings: MetricSettings) {
        deployments = register.systems.values.sorted { $0.id < $1.id }.compactMap { system in
            Self.deployment(system, register, settings)
        }
        let ratio = Ratio(deployments.map(\.verdict))
        numerator = ratio.numerator
        denominator = ratio.denominator
        unknowns = ratio.unknowns
        share = ratio.share
        bySector = Dictionary(grouping: deployments, by: \.sector.rawValue).mapValues { Ratio($0.map(\.verdict)) }
    }

    static func deployment(_ system: RegisterSystem, _ register: Register, _ settings: MetricSettings) -> Deployment? {
        let models = register.components(of: system).filter { $0.layer == .model }
        guard !models.isEmpty else { return nil }
        let records = register.assurance.filter { $0.system == system.id }
        let tested = testVerdict(records, models: models, settings)
        let monitored: Verdict = system.monitored.map { $0 ? .pass : .fail } ?? .unknown
        return Deployment(
            system: system.id,
            sector: system.sector,
            tested: tested.verdict,
            monitored: monitored,
            verdict: tested.verdict.and(monitored),
            lastIndependentTest: tested.last
        )
    }

    static func testVerdict(
        _ records: [AssuranceRecord],
        models: [RegisterComponent],
        _ settings: MetricSettings
    ) -> (verdict: Verdict, last: Date?) {
        guard !records.isEmpty else { return (.unknown, nil) }
        let since = settings.monthsBefore(settings.testWithinMonths)
        let lastChange = models.compactMap(\.versionChangedAt).max() ?? .distantPast
        let counted = records.filter { record in
            record.passed && record.independence >= settings.minimumIndependence && record.testedAt >= since
                && record.testedAt <= settings.asOf && record.testedAt >= lastChange
                && versionMatches(record, models)
        }
        let last = counted.map(\.testedAt).max()
        return (last == nil ? .fail : .pass, last)
    }

    /// A record that names a model version must name the version now deployed.
    private static func versionMatches(_ record: AssuranceRecord, _ models: [RegisterComponent]) -> Bool {
        guard let version = record.modelVersion else { return true }
        let candidates = record.component.map { key in models.filter { $0.id == key } } ?? models
        return candidates.contains { $0.imported.version == version }
    }
}
