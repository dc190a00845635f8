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
                for (i, p) in curve.enumerated() where ok[i] && value(p, lambda) > value(curve[best], lambda) {
                    best = i
                }
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

extension EvidenceThresholds {
    /// Nested estimate of every provision's evidence precision and recall: for each fold, the thresholds are
    /// chosen (as `choose` does) on the other folds' documents and applied to that fold's; shown sentences,
    /// hits and clauses are pooled over the folds. `counts` should come from document decisions that are
    /// themselves nested, so that no document is judged by anything fitted on it.
    static func nested(
        _ counts: [EvidenceCounts],
        documents: Int,
        folds: Int,
        precisionFloor: Double,
        provisionFloor: Double
    ) -> [(precision: Double?, recall: Double)] {
        var totals = [(shown: Int, hits: Int, found: Int, clauses: Int)](repeating: (0, 0, 0, 0), count: counts.count)
        for fold in 0..<folds {
            let train = (0..<documents).filter { $0 % folds != fold }
            let test = (0..<documents).filter { $0 % folds == fold }
            let picks = choose(
                counts.map { $0.curve(over: train) },
                precisionFloor: precisionFloor,
                provisionFloor: provisionFloor
            )
            for (c, pick) in picks.enumerated() {
                let s = counts[c].sums(pick, over: test)
                totals[c] = (
                    totals[c].shown + s.shown, totals[c].hits + s.hits, totals[c].found + s.found,
                    totals[c].clauses + s.clauses
                )
            }
        }
        return totals.map { t in
            (
                t.shown > 0 ? Double(t.hits) / Double(t.shown) : nil,
                t.clauses > 0 ? Double(t.found) / Double(t.clauses) : 0
            )
        }
    }

    /// Macro average of the precisions that exist, and of the recalls.
    static func macro(_ figures: [(precision: Double?, recall: Double)]) -> (precision: Double, recall: Double) {
        let precisions = figures.compactMap(\.precision)
        return (
            precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count),
            figures.isEmpty ? 0 : figures.map(\.recall).reduce(0, +) / Double(figures.count)
        )
    }

    /// The macro precision floor to choose the shipped thresholds with: the smallest of `target`,
    /// `target` + 0.005, … (up to 0.8) whose *nested* macro precision reaches `target`. Choosing on the
    /// same documents the thresholds are judged on is optimistic, and the nested estimate says by how
    /// much; so the floor is raised until the honest estimate meets the target. Returns the floor and
    /// the nested figures at it (the most precise tried when none meets the target).
    static func floorMeeting(
        target: Double,
        counts: [EvidenceCounts],
        documents: Int,
        folds: Int,
        provisionFloor: Double
    ) -> (floor: Double, nested: [(precision: Double?, recall: Double)]) {
        var best: (floor: Double, nested: [(precision: Double?, recall: Double)], precision: Double)?
        for step in 0...40 {
            let floor = target + Double(step) * 0.005
            let figures = nested(
                counts,
                documents: documents,
                folds: folds,
                precisionFloor: floor,
                provisionFloor: provisionFloor
            )
            let precision = macro(figures).precision
            if precision >= target { return (floor, figures) }
            if best == nil || precision > best!.precision { best = (floor, figures, precision) }
        }
        return (best!.floor, best!.nested)
    }
}
