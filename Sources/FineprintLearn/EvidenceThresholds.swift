/// Chooses every provision's evidence threshold together: the figures that matter are macro averages,
/// so a provision whose evidence is cheap to make precise can buy recall for one where it is not.
/// Maximises macro evidence recall subject to macro evidence precision staying at or above a floor, by
/// a Lagrangian search: for a price λ each provision takes the threshold maximising recall + λ·precision,
/// and the smallest λ whose choices meet the floor wins. No provision may buy recall below its own
/// floor (`provisionFloor`): a reader shown mostly wrong sentences for one provision is not helped by
/// another's precision (exit assistance fell to 0.09 under the macro floor alone).
enum EvidenceThresholds {
    /// Evidence precision and recall at one candidate threshold (nil precision: nothing shown).
    struct Point: Sendable, Hashable {
        var threshold: Double
        var precision: Double?
        var recall: Double
    }

    /// For each provision, the index of the chosen point in its list.
    static func choose(_ curves: [[Point]], precisionFloor: Double, provisionFloor: Double = 0) -> [Int] {
        guard !curves.isEmpty else { return [] }
        // Per provision, the points at or above its own floor; when none is, the most precise point.
        let allowed: [[Bool]] = curves.map { curve in
            let ok = curve.map { ($0.precision ?? 0) >= provisionFloor }
            if ok.contains(true) { return ok }
            let best = curve.indices.max { (curve[$0].precision ?? 0) < (curve[$1].precision ?? 0) } ?? 0
            return curve.indices.map { $0 == best }
        }
        var fallback: [Int] = []
        for step in 0...2000 {
            // A small price even at the start, so that equal recall goes to the more precise threshold.
            let lambda = 0.001 + Double(step) * 0.01
            let picks = zip(curves, allowed).map { curve, ok in
                var best = ok.firstIndex(of: true) ?? 0
                for (i, p) in curve.enumerated() where ok[i] && value(p, lambda) > value(curve[best], lambda) { best = i }
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
