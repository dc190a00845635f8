/// One provision's evidence at every candidate threshold of its evidence stage, counted per document —
/// sentences shown, shown sentences inside a labelled clause, labelled clauses found — so that the
/// precision–recall curve over any set of documents (all of them, or the folds a nested estimate
/// trains on) is a sum.
struct EvidenceCounts {
    /// The thresholds tried, on the evidence stage's logit.
    static let thresholds: [Double] = stride(from: -60, through: 40, by: 1).map { Double($0) / 10 }

    /// `shown[t][d]`, `hits[t][d]`, `found[t][d]` at `thresholds[t]`; `clauses[d]` labelled in document d.
    private(set) var shown: [[Int]]
    private(set) var hits: [[Int]]
    private(set) var found: [[Int]]
    private(set) var clauses: [Int]

    /// `ranked[d]`: document d's candidate sentences as `Combination.rankedEvidence` orders them;
    /// `predicted[d]`: whether it is judged present (only those show evidence); `clauseOf[d]`: segment →
    /// the labelled clauses it overlaps; `clauses[d]`: how many clauses it has.
    init(
        ranked: [[(segment: Int, score: Double)]],
        predicted: [Bool],
        clauseOf: [[Int: [Int]]],
        clauses: [Int],
        cap: Int
    ) {
        self.clauses = clauses
        let empty = [Int](repeating: 0, count: ranked.count)
        shown = Array(repeating: empty, count: Self.thresholds.count)
        hits = shown
        found = shown
        for (t, threshold) in Self.thresholds.enumerated() {
            for d in ranked.indices where predicted[d] {
                var covered = Set<Int>()
                for s in Combination.chosen(ranked[d], threshold: threshold, cap: cap) {
                    shown[t][d] += 1
                    if let ids = clauseOf[d][s] {
                        hits[t][d] += 1
                        covered.formUnion(ids)
                    }
                }
                found[t][d] = covered.count
            }
        }
    }

    /// Counts given directly (`shown[t][d]`… for every threshold of `thresholds`), for tests.
    init(shown: [[Int]], hits: [[Int]], found: [[Int]], clauses: [Int]) {
        precondition(shown.count == Self.thresholds.count && hits.count == shown.count && found.count == shown.count)
        self.shown = shown
        self.hits = hits
        self.found = found
        self.clauses = clauses
    }

    /// Evidence precision and recall of the documents `docs` at the threshold `t` (an index).
    func point(_ t: Int, over docs: [Int]) -> EvidenceThresholds.Point {
        let (s, h, f, c) = sums(t, over: docs)
        return EvidenceThresholds.Point(
            threshold: Self.thresholds[t],
            precision: s > 0 ? Double(h) / Double(s) : nil,
            recall: c > 0 ? Double(f) / Double(c) : 0
        )
    }

    func curve(over docs: [Int]) -> [EvidenceThresholds.Point] { Self.thresholds.indices.map { point($0, over: docs) } }

    /// The raw sums at threshold `t` over `docs`, for pooling folds.
    func sums(_ t: Int, over docs: [Int]) -> (shown: Int, hits: Int, found: Int, clauses: Int) {
        var s = 0
        var h = 0
        var f = 0
        var c = 0
        for d in docs {
            s += shown[t][d]
            h += hits[t][d]
            f += found[t][d]
            c += clauses[d]
        }
        return (s, h, f, c)
    }
}
