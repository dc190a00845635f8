import Foundation

/// Pass, fail, or not known; an unknown never counts as a pass.
public enum Verdict: String, Hashable, Codable, Sendable {
    case pass, fail, unknown

    /// Both must pass; a fail anywhere fails; otherwise unknown.
    func and(_ other: Verdict) -> Verdict {
        if self == .fail || other == .fail { return .fail }
        if self == .pass && other == .pass { return .pass }
        return .unknown
    }
}

/// A count of what passed out of what was judged, with the unknowns shown beside them (they are in
/// the denominator, never in the numerator).
public struct Ratio: Hashable, Codable, Sendable {
    public var numerator: Int
    public var denominator: Int
    public var unknowns: Int
    /// numerator ÷ denominator, nil when there is nothing to judge.
    public var share: Double?

    public init(_ verdicts: [Verdict]) {
        numerator = verdicts.filter { $0 == .pass }.count
        denominator = verdicts.count
        unknowns = verdicts.filter { $0 == .unknown }.count
        share = denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}

/// A distribution of durations in hours.
public struct Durations: Hashable, Codable, Sendable {
    public var count: Int
    public var meanHours: Double?
    public var medianHours: Double?
    public var p90Hours: Double?
    public var maxHours: Double?

    public init(hours: [Double]) {
        let sorted = hours.sorted()
        count = sorted.count
        meanHours = sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count)
        medianHours = Self.median(sorted)
        p90Hours = Self.nearestRank(sorted, 0.9)
        maxHours = sorted.last
    }

    /// The middle value, or the mean of the two middle values.
    static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The nearest-rank percentile: the smallest value with at least `p` of the values at or below it.
    static func nearestRank(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count, rank) - 1)]
    }
}

/// What the metrics take as given: the date they are computed for and the knobs the research
/// file leaves to the buyer.
public struct MetricSettings: Hashable, Codable, Sendable {
    public var asOf: Date
    /// How recent an independent test must be (metric 4).
    public var testWithinMonths: Int
    /// The least independence that counts as independent (metric 4).
    public var minimumIndependence: Independence
    /// The rolling window of incidents (metric 5).
    public var incidentWindowMonths: Int

    public init(
        asOf: Date,
        testWithinMonths: Int = 12,
        minimumIndependence: Independence = .independentUnit,
        incidentWindowMonths: Int = 12
    ) {
        self.asOf = asOf
        self.testWithinMonths = testWithinMonths
        self.minimumIndependence = minimumIndependence
        self.incidentWindowMonths = incidentWindowMonths
    }

    func monthsBefore(_ months: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: -months, to: asOf) ?? asOf
    }
}
