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
            return Report(
                source: source.id,
                snapshot: snapshot.sha256,
                snapshotIsNew: false,
                entries: 0,
                added: 0,
                seeded: 0,
                revised: 0,
                unchanged: 0,
                anomalies: ["these bytes were already imported; nothing new"]
            )
        }
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(data, source: source, now: now, limits: limits)
        } catch {
            try await recordFailure(source: source.id, error: "\(error)", at: now)
            throw error
        }
        let existing = try await store.items(source: nil, state: nil)
        let firstImport = !existing.contains { $0.source == source.id }
        let merge = SignalMerge.merge(
            parsed.entries,
            source: source,
            snapshot: snapshot.sha256,
            existing: existing,
            scorer: scorer,
            mode: .snapshot(firstImport: firstImport),
            now: now
        )
        try await store.saveItems(merge.items, revisions: merge.revisions)
        let newest = merge.added + merge.seeded > 0 ? now : nil
        try await recordSuccess(source: source.id, newest: newest, at: now)
        return Report(
            source: source.id,
            snapshot: snapshot.sha256,
            snapshotIsNew: true,
            entries: parsed.entries.count,
            added: merge.added,
            seeded: merge.seeded,
            revised: merge.revised,
            unchanged: merge.unchanged,
            anomalies: parsed.anomalies
        )
    }

    /// Re-reads every stored snapshot of the catalog's sources, oldest first, with the current parser and scoring
    /// (after a parser change): items whose reading changed get a technical revision, items only now found are
    /// seeded, and no review state moves. Snapshots that no longer parse are reported, not thrown.
    public func reparse(catalog: SignalSourceCatalog, at now: Date) async throws -> [Report] {
        var reports: [Report] = []
        for snapshot in try await store.snapshots(source: nil) {
            guard let source = catalog.source(snapshot.source) else { continue }
            var report = Report(
                source: source.id,
                snapshot: snapshot.sha256,
                snapshotIsNew: false,
                entries: 0,
                added: 0,
                seeded: 0,
                revised: 0,
                unchanged: 0,
                anomalies: []
            )
            do {
                let parsed = try FeedParser.parse(
                    snapshot.bytes,
                    source: source,
                    now: snapshot.retrievedAt,
                    limits: limits
                )
                let existing = try await store.items(source: nil, state: nil)
                let merge = SignalMerge.merge(
                    parsed.entries,
                    source: source,
                    snapshot: snapshot.sha256,
                    existing: existing,
                    scorer: scorer,
                    mode: .reparse,
                    now: now
                )
                try await store.saveItems(merge.items, revisions: merge.revisions)
                report.entries = parsed.entries.count
                report.seeded = merge.seeded
                report.revised = merge.revised
                report.unchanged = merge.unchanged
                report.anomalies = parsed.anomalies
            } catch let error as SignalError {
                report.anomalies = ["no longer parses: \(error)"]
            }
            reports.append(report)
        }
        return reports
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
