import FineprintAnalysis
import FineprintCore
import FineprintIngest
import Foundation

/// How a set of documents scores against each profile (docs/scoring.md): min, quartiles, max, how
/// many sit at the floor (0) and the ceiling (100), and the scores of named documents.
public struct ScoreDistribution: Sendable {
    public struct Row: Sendable {
        public var profile: String
        public var scores: [Int]
        public var coverage: [Int]

        public var sorted: [Int] { scores.sorted() }
        public var atFloor: Int { scores.filter { $0 == 0 }.count }
        public var atCeiling: Int { scores.filter { $0 == 100 }.count }

        /// The q-th quantile (0…1) by linear interpolation between the nearest ranks.
        public func quantile(_ q: Double) -> Double {
            let s = sorted
            guard !s.isEmpty else { return 0 }
            let position = q * Double(s.count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, s.count - 1)
            return Double(s[below]) + (position - Double(below)) * Double(s[above] - s[below])
        }
    }

    /// Document names in the order read, and each document's score per profile.
    public var documents: [String]
    public var scores: [String: [String: Int]]
    public var rows: [Row]

    /// Analyses every document against every playbook.
    public static func measure(
        documents: [ExtractedDocument],
        analyzer: Analyzer,
        playbooks: [Playbook]
    ) -> ScoreDistribution {
        var scores: [String: [String: Int]] = [:]
        var rows: [Row] = []
        for playbook in playbooks {
            var row = Row(profile: playbook.id, scores: [], coverage: [])
            for document in documents {
                let analysis = analyzer.analyze(document, playbook: playbook)
                row.scores.append(analysis.score)
                row.coverage.append(analysis.coverage ?? 0)
                scores[document.name, default: [:]][playbook.id] = analysis.score
            }
            rows.append(row)
        }
        return ScoreDistribution(documents: documents.map(\.name), scores: scores, rows: rows)
    }

    /// Documents whose score is lower against a stricter profile than against a looser one listed after it
    /// (profiles in order of strictness): none, when the tiers are ordered.
    public func orderViolations(strictFirst profiles: [String]) -> [String] {
        documents.filter { name in
            let row = profiles.compactMap { scores[name]?[$0] }
            return zip(row, row.dropFirst()).contains { $0 > $1 }
        }
    }

    /// The table `fineprint eval scores` prints.
    public func table(named: [String]) -> String {
        var out = "profile   n   min    q1  median    q3   max  at 0  at 100  mean coverage\n"
        for r in rows {
            let mean = r.coverage.isEmpty ? 0 : Double(r.coverage.reduce(0, +)) / Double(r.coverage.count)
            out += pad(r.profile, 7) + pad(String(r.scores.count), 4, left: true)
            out += pad(String(r.sorted.first ?? 0), 6, left: true)
            for q in [0.25, 0.5, 0.75] { out += pad(format(r.quantile(q)), q == 0.5 ? 8 : 6, left: true) }
            out += pad(String(r.sorted.last ?? 0), 6, left: true)
            out += pad(String(r.atFloor), 6, left: true) + pad(String(r.atCeiling), 8, left: true)
            out += pad(format(mean), 15, left: true) + "\n"
        }
        let profiles = rows.map(\.profile)
        if !named.isEmpty {
            out += "\n" + pad("document", 46) + profiles.map { pad($0, 7, left: true) }.joined() + "\n"
            for name in named {
                guard let byProfile = scores[name] else { continue }
                out +=
                    pad(name, 46) + profiles.map { pad(byProfile[$0].map(String.init) ?? "-", 7, left: true) }.joined()
                out += "\n"
            }
        }
        return out
    }

    func format(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return String(tenths / 10) + "." + String(tenths % 10)
    }

    func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        guard s.count < width else { return s }
        let fill = String(repeating: " ", count: width - s.count)
        return left ? fill + s : s + fill
    }
}
