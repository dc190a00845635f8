import Foundation

/// What one snapshot's entries do to the stored items: new signals, revisions of known ones, nothing for the
/// unchanged. Pure; `SignalHarvester` stores the result.
public struct SignalMerge: Sendable {
    /// Why the entries are merged: a snapshot from the source, or a re-parse of a stored one (a parser change).
    public enum Mode: Sendable {
        /// `firstImport`: the source had no items yet; the merge seeds (see `freshDays`).
        case snapshot(firstImport: Bool)
        case reparse
    }

    /// On a source's first import only items dated within this many days before it, and scored relevant, enter
    /// the review queue; the rest are seeded (kept, scored, listed, not raised).
    public static let freshDays = 7.0

    public var items: [SignalItem] = []
    public var revisions: [SignalRevision] = []
    public var added = 0
    public var seeded = 0
    public var revised = 0
    public var unchanged = 0

    public static func merge(
        _ entries: [FeedEntry],
        source: SignalSource,
        snapshot: String,
        existing: [SignalItem],
        scorer: RelevanceScorer,
        mode: Mode,
        now: Date
    ) -> SignalMerge {
        var result = SignalMerge()
        var known = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var all = existing
        for entry in entries {
            let id = SignalItem.id(source: source.id, nativeId: entry.nativeId)
            let relevance = scorer.score(entry, source: source)
            if var item = known[id] {
                guard item.contentSHA256 != entry.contentSHA256 else {
                    result.unchanged += 1
                    continue
                }
                item.revise(entry, snapshot: snapshot, relevance: relevance, now: now, technical: mode.isReparse)
                result.revisions.append(item.revisionRecord(technical: mode.isReparse, now: now))
                result.revised += 1
                known[id] = item
                result.items.append(item)
                continue
            }
            let seed = mode.seeds(entry, relevance: relevance, now: now)
            let cluster = SignalClustering.cluster(for: entry, source: source.id, among: all) ?? id
            let item = SignalItem(
                id: id,
                source: source.id,
                entry: entry,
                revision: 1,
                contentSHA256: entry.contentSHA256,
                snapshotSHA256: snapshot,
                firstSeen: now,
                lastChanged: now,
                cluster: cluster,
                state: SignalItem.scoredState(relevance),
                relevance: relevance,
                seeded: seed,
                primary: source.primary,
                publication: nil
            )
            result.revisions.append(item.revisionRecord(technical: mode.isReparse, now: now))
            if seed { result.seeded += 1 } else { result.added += 1 }
            known[id] = item
            all.append(item)
            result.items.append(item)
        }
        return result
    }
}

extension SignalMerge.Mode {
    var isReparse: Bool {
        if case .reparse = self { return true }
        return false
    }

    func seeds(_ entry: FeedEntry, relevance: Relevance, now: Date) -> Bool {
        switch self {
        case .reparse: return true
        case .snapshot(firstImport: false): return false
        case .snapshot(firstImport: true):
            guard relevance.relevant, let date = entry.updated ?? entry.published else { return true }
            return now.timeIntervalSince(date) > SignalMerge.freshDays * 86_400
        }
    }
}

extension SignalItem {
    /// A changed entry: the next revision. An undecided or accepted item is scored afresh and goes back to the
    /// queue (a change needs a new look); a published or rejected one keeps its state. A re-parse changes nothing
    /// a reviewer sees in the queue.
    mutating func revise(_ new: FeedEntry, snapshot: String, relevance: Relevance, now: Date, technical: Bool) {
        entry = new
        revision += 1
        contentSHA256 = new.contentSHA256
        snapshotSHA256 = snapshot
        lastChanged = now
        self.relevance = relevance
        guard !technical else { return }
        if state == .new || state == .relevant || state == .reviewed { state = SignalItem.scoredState(relevance) }
    }

    func revisionRecord(technical: Bool, now: Date) -> SignalRevision {
        SignalRevision(
            itemId: id,
            revision: revision,
            contentSHA256: contentSHA256,
            snapshotSHA256: snapshotSHA256,
            recordedAt: now,
            technical: technical,
            entry: entry
        )
    }
}
