import Foundation

/// The pipeline from bytes to signals, the same for a fetched answer and a hand-carried file: keep the snapshot,
/// parse it by the source's kind, merge the entries into the stored items, update the source's health.
public struct SignalHarvester: Sendable {
    public let store: any SignalStore
    public let scorer: RelevanceScorer
    public let limits: FeedLimits

    public init(store: any SignalStore, scorer: RelevanceScorer, limits: FeedLimits = .standard) {
        self.store = store
        self.scorer = scorer
        self.limits = limits
    }

    /// What one ingest did.
    public struct Report: Codable, Sendable, Equatable {
        public var source: String
        public var snapshot: String
        /// False when the same bytes were already held: nothing else happens.
        public var snapshotIsNew: Bool
        public var entries: Int
        public var added: Int
        public var seeded: Int
        public var revised: Int
        public var unchanged: Int
        public var anomalies: [String]

        init(source: String, snapshot: String, snapshotIsNew: Bool) {
            self.source = source
            self.snapshot = snapshot
            self.snapshotIsNew = snapshotIsNew
            (entries, added, seeded, revised, unchanged, anomalies) = (0, 0, 0, 0, 0, [])
        }

        init(source: String, snapshot: String, snapshotIsNew: Bool, parsed: ParsedFeed, merge: SignalMerge) {
            self.init(source: source, snapshot: snapshot, snapshotIsNew: snapshotIsNew)
            add(parsed: parsed, merge: merge)
        }

        mutating func add(parsed: ParsedFeed, merge: SignalMerge) {
            entries = parsed.entries.count
            (added, seeded, revised, unchanged) = (merge.added, merge.seeded, merge.revised, merge.unchanged)
            anomalies = parsed.anomalies
        }
    }

    /// Ingests `data` as `source`'s answer. Bytes already held are not read again (importing a file twice adds
    /// nothing); a document that cannot be read is kept, recorded as the source's failure and thrown.
    public func ingest(
        _ data: Data,
        source: SignalSource,
        location: String,
        origin: SignalSnapshot.Origin,
        status: Int? = nil,
        at now: Date
    ) async throws -> Report {
        let snapshot = SignalSnapshot(
            source: source.id,
            location: location,
            origin: origin,
            retrievedAt: now,
            status: status,
            bytes: data
        )
        // The raw bytes are kept even when they do not parse, so a fixed parser can read them later (`reparse`).
        guard try await store.addSnapshot(snapshot) else {
            try await recordSuccess(source: source.id, newest: nil, at: now)
            var report = Report(source: source.id, snapshot: snapshot.sha256, snapshotIsNew: false)
            report.anomalies = ["these bytes were already imported; nothing new"]
            return report
        }
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(data, source: source, now: now, limits: limits)
        } catch {
            try await recordFailure(source: source.id, error: "\(error)", at: now)
            throw error
        }
        let firstImport = try await store.items(source: source.id, state: nil).isEmpty
        let merge = try await mergeAndSave(parsed, source, snapshot.sha256, .snapshot(firstImport: firstImport), now)
        try await recordSuccess(source: source.id, newest: merge.added + merge.seeded > 0 ? now : nil, at: now)
        return Report(source: source.id, snapshot: snapshot.sha256, snapshotIsNew: true, parsed: parsed, merge: merge)
    }

    /// Re-reads every stored snapshot of the catalog's sources, oldest first, with the current parser and scoring
    /// (after a parser change): items whose reading changed get a technical revision, items only now found are
    /// seeded, and no review state moves. Snapshots that no longer parse are reported, not thrown.
    public func reparse(catalog: SignalSourceCatalog, at now: Date) async throws -> [Report] {
        var reports: [Report] = []
        for snapshot in try await store.snapshots(source: nil) {
            guard let source = catalog.source(snapshot.source) else { continue }
            do {
                let parsed = try FeedParser.parse(
                    snapshot.bytes,
                    source: source,
                    now: snapshot.retrievedAt,
                    limits: limits
                )
                let merge = try await mergeAndSave(parsed, source, snapshot.sha256, .reparse, now)
                var report = Report(source: source.id, snapshot: snapshot.sha256, snapshotIsNew: false)
                report.add(parsed: parsed, merge: merge)
                report.added = 0
                reports.append(report)
            } catch let error as SignalError {
                var report = Report(source: source.id, snapshot: snapshot.sha256, snapshotIsNew: false)
                report.anomalies = ["no longer parses: \(error)"]
                reports.append(report)
            }
        }
        return reports
    }

    /// The one merge step of an ingest and a re-parse: the entries against every stored item (clusters span
    /// sources), saved with their revisions.
    private func mergeAndSave(
        _ parsed: ParsedFeed,
        _ source: SignalSource,
        _ snapshot: String,
        _ mode: SignalMerge.Mode,
        _ now: Date
    ) async throws -> SignalMerge {
        let merge = SignalMerge.merge(
            parsed.entries,
            source: source,
            snapshot: snapshot,
            existing: try await store.items(source: nil, state: nil),
            scorer: scorer,
            mode: mode,
            now: now
        )
        try await store.saveItems(merge.items, revisions: merge.revisions)
        return merge
    }

    public func recordSuccess(source: String, newest: Date?, at now: Date) async throws {
        var health = try await store.health(source: source) ?? SourceHealth(source: source)
        health.lastAttempt = now
        health.lastSuccess = now
        health.failingSince = nil
        health.consecutiveFailures = 0
        health.lastError = nil
        if let newest { health.lastNewItem = newest }
        try await store.saveHealth(health)
    }

    public func recordFailure(source: String, error: String, at now: Date) async throws {
        var health = try await store.health(source: source) ?? SourceHealth(source: source)
        health.lastAttempt = now
        health.failingSince = health.failingSince ?? now
        health.consecutiveFailures += 1
        health.lastError = String(error.prefix(500))
        try await store.saveHealth(health)
    }
}
