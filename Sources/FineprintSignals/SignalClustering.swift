import Foundation

/// Items from different sources about one document: shared hard identifiers first, then the canonical address,
/// then near-equal titles (at least 85 % of the shorter title's words in the other, six words or more, so that an
/// Official Journal title with its CELEX prefix meets a press release's plain title). Never within one source:
/// one source's two items are two items.
public enum SignalClustering {
    static let titleOverlap = 0.85

    /// The cluster an entry of `source` joins among `items`, or nil to start its own.
    public static func cluster(for entry: FeedEntry, source: String, among items: [SignalItem]) -> String? {
        let others = items.filter { $0.source != source }
        let strong = Set(entry.identifiers.filter(isStrong))
        if !strong.isEmpty, let hit = others.first(where: { !strong.isDisjoint(with: $0.entry.identifiers) }) {
            return hit.cluster
        }
        if let url = entry.url, let hit = others.first(where: { $0.entry.url == url }) { return hit.cluster }
        let words = titleWords(entry.title)
        guard words.count >= 6 else { return nil }
        return others.first {
            let other = titleWords($0.entry.title)
            return other.count >= 6 && overlap(words, other) >= titleOverlap
        }?.cluster
    }

    /// Scheme-level identifiers that name one act or document (a docket groups many documents, so it does not).
    static func isStrong(_ identifier: String) -> Bool {
        !identifier.hasPrefix("docket:") && !identifier.hasPrefix("rin:")
    }

    static func titleWords(_ title: String) -> Set<String> {
        Set(RelevanceScorer.normalise(title).split(separator: " ").map(String.init).filter { $0.count > 1 })
    }

    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(min(a.count, b.count))
    }
}
