import FineprintCore

/// The explained score every report shows first: coverage and hazards side by side, then what cost
/// and what earned points, in the taxonomy's and kill-list's words. Compare and the award sheet
/// use it too, so every place a score is explained says the same.
public struct ScoreExplanation: Sendable {
    /// Lines shown of each list before the rest are summed up in one line.
    static let shown = 10

    public var score: Int
    public var coverage: Int?
    public var hazardCost: Double?
    public var lost: [ScoreContribution]
    public var earned: [ScoreContribution]

    public init(_ analysis: Analysis) {
        self.init(
            score: analysis.score,
            coverage: analysis.coverage,
            hazardCost: analysis.hazardCost,
            breakdown: analysis.scoreBreakdown
        )
    }

    /// The explanation from a score's parts as an analysis holds them (nil breakdown: stored before breakdowns).
    public init(score: Int, coverage: Int?, hazardCost: Double?, breakdown: [ScoreContribution]?) {
        self.score = score
        self.coverage = coverage
        self.hazardCost = hazardCost
        let items = breakdown ?? []
        lost = items.filter { $0.points < 0 }
        earned = items.filter { $0.points > 0 }
    }

    /// "coverage 55/100 · hazards and moves −13.5 points", or nil for an analysis stored before breakdowns.
    public var headline: String? {
        guard let coverage, let hazardCost else { return nil }
        return "protections covered \(coverage)/100 · hazards and moves \(Self.points(-hazardCost)) points"
    }

    /// The first lines of a list and, when longer, what the rest add up to.
    static func summarised(
        _ items: [ScoreContribution]
    ) -> (shown: [ScoreContribution], rest: (count: Int, points: Double)?) {
        guard items.count > shown else { return (items, nil) }
        let rest = items.dropFirst(shown)
        return (Array(items.prefix(shown)), (rest.count, rest.reduce(0) { $0 + $1.points }))
    }

    /// The score explained in one line: the headline, then the largest losses and gains ("62/100:
    /// protections covered 70/100 · hazards and moves −8 points; cost: Audit rights missing −6.2;
    /// earned: Data location +10").
    public func oneLine(each: Int = 2) -> String {
        var parts = ["\(score)/100" + (headline.map { ": " + $0 } ?? "")]
        func listed(_ items: [ScoreContribution]) -> String {
            var shown = items.prefix(each).map { "\($0.reason) \(Self.points($0.points))" }
            if items.count > each { shown.append("\(items.count - each) more") }
            return shown.joined(separator: ", ")
        }
        if !lost.isEmpty { parts.append("cost: " + listed(lost.sorted { $0.points < $1.points })) }
        if !earned.isEmpty { parts.append("earned: " + listed(earned.sorted { $0.points > $1.points })) }
        return parts.joined(separator: "; ")
    }

    /// Signed points with one decimal: "+4.2", "−6", "−0.5".
    public static func points(_ x: Double) -> String {
        let tenths = Int((abs(x) * 10).rounded())
        let sign = x < 0 && tenths > 0 ? "−" : x > 0 && tenths > 0 ? "+" : ""
        return sign + String(tenths / 10) + (tenths % 10 == 0 ? "" : "." + String(tenths % 10))
    }
}
