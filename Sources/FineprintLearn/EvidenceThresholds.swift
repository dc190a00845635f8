/// Chooses every provision's evidence threshold together: the figures that matter are macro averages,
/// so a provision whose evidence is cheap to make precise can buy recall for one where it is not.
/// Maximises macro evidence recall subject to macro evidence precision staying at or above a floor, by
/// a Lagrangian search: for a price λ each provision takes the threshold maximising recall + λ·precision,
/// and the smallest λ whose choices meet the floor wins.
enum EvidenceThresholds {
    /// Evidence precision and recall at one candidate threshold (nil precision: nothing shown).
    struct Point: Sendable, Hashable {
        var threshold: Double
        var precision: Double?
        var recall: Double
    }

    /// For each provision, the index of the chosen point in its list.
    static func choose(_ curves: [[Point]], precisionFloor: Double) -> [Int] {
        guard !curves.isEmpty else { return [] }
        var fallback: [Int] = []
        for step in 0...2000 {
            // A small price even at the start, so that equal recall goes to the more precise threshold.
            let lambda = 0.001 + Double(step) * 0.01
            let picks = curves.map { curve in
                var best = 0
                for (i, p) in curve.enumerated() where value(p, lambda) > value(curve[best], lambda) { best = i }
                return best
            }
            fallback = picks
            let precisions = zip(curves, picks).compactMap { $0[$1].precision }
            let mean = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
            if mean >= precisionFloor { return picks }
        }
        return fallback
    }

    static func value(_ p: Point, _ lambda: Double) -> Double { p.recall + lambda * (p.precision ?? 0) }
}
