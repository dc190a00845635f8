import FineprintCore

/// The explained score every report shows first: coverage and hazards side by side, then what cost
/// and what earned points, in the taxonomy's and kill-list's words.
struct ScoreExplanation {
    /// Lines shown of each list before the rest are summed up in one line.
    static let shown = 10

    var score: Int
    var coverage: Int?
    var hazardCost: Double?
    var lost: [ScoreContribution]
    var earned: [ScoreContribution]

    init(_ analysis: Analysis) {
        score = analysis.score
        coverage = analysis.coverage
        hazardCost = analysis.hazardCost
        let items = analysis.scoreBreakdown ?? []
        lost = items.filter { $0.points < 0 }
        earned = items.filter { $0.points > 0 }
    }

    /// "coverage 55/100 · hazards and moves −13.5 points", or nil for an analysis stored before breakdowns.
    var headline: String? {
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

    /// Signed points with one decimal: "+4.2", "−6", "−0.5".
    static func points(_ x: Double) -> String {
        let tenths = Int((abs(x) * 10).rounded())
        let sign = x < 0 && tenths > 0 ? "−" : x > 0 && tenths > 0 ? "+" : ""
        return sign + String(tenths / 10) + (tenths % 10 == 0 ? "" : "." + String(tenths % 10))
    }
}
