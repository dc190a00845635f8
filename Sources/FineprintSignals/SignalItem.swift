import Foundation

/// Where a signal is in review: `new` (parsed, below the relevance threshold) or `relevant` → `reviewed` (a reviewer
/// accepted it) → `published` (promoted into the knowledge base); `rejected` at any point before publication.
public enum SignalState: String, Codable, Sendable, CaseIterable {
    case new, relevant, reviewed, published, rejected
}

/// An item of a source as stored: the latest revision of what the source says, its relevance with the reasons,
/// its cluster across sources and its review state. Keyed by (source, native id).
public struct SignalItem: Codable, Sendable, Equatable, Identifiable {
    /// `sig-` and 16 hex digits of the SHA-256 of source and native id: stable across revisions and re-parses.
    public var id: String
    public var source: String
    public var entry: FeedEntry
    /// 1 for the first version; each change of the entry's content adds one.
    public var revision: Int
    public var contentSHA256: String
    /// The snapshot the current revision was read from.
    public var snapshotSHA256: String
    public var firstSeen: Date
    public var lastChanged: Date
    /// The id of the cluster's first item (its own id when alone).
    public var cluster: String
    public var state: SignalState
    public var relevance: Relevance
    /// Recorded when its source was first imported, or found by a re-parse: kept, scored and listed, but never
    /// raised in the review queue.
    public var seeded: Bool
    /// Whether the source is the issuing authority's own channel.
    public var primary: Bool
    /// Set when the item was promoted into the knowledge base.
    public var publication: Publication?

    /// Where a promoted item went, with what confidence: only `primary_source` ones enter the published feed.
    public struct Publication: Codable, Sendable, Equatable {
        public var knowledgeItem: String
        public var version: Int
        public var confidence: String
        public var by: String
        public var at: Date

        public init(knowledgeItem: String, version: Int, confidence: String, by: String, at: Date) {
            self.knowledgeItem = knowledgeItem
            self.version = version
            self.confidence = confidence
            self.by = by
            self.at = at
        }
    }

    public init(
        id: String,
        source: String,
        entry: FeedEntry,
        revision: Int,
        contentSHA256: String,
        snapshotSHA256: String,
        firstSeen: Date,
        lastChanged: Date,
        cluster: String,
        state: SignalState,
        relevance: Relevance,
        seeded: Bool,
        primary: Bool,
        publication: Publication? = nil
    ) {
        self.id = id
        self.source = source
        self.entry = entry
        self.revision = revision
        self.contentSHA256 = contentSHA256
        self.snapshotSHA256 = snapshotSHA256
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
        self.cluster = cluster
        self.state = state
        self.relevance = relevance
        self.seeded = seeded
        self.primary = primary
        self.publication = publication
    }

    public static func id(source: String, nativeId: String) -> String {
        "sig-" + String(Data((source + "\u{1F}" + nativeId).utf8).signalSHA256.prefix(16))
    }

    /// In the review queue: not seeded, not yet decided.
    public var awaitsReview: Bool { !seeded && (state == .new || state == .relevant) }

    /// The state a fresh score puts an undecided item in.
    static func scoredState(_ relevance: Relevance) -> SignalState { relevance.relevant ? .relevant : .new }
}

/// One past revision of an item: what changed and from which snapshot.
public struct SignalRevision: Codable, Sendable, Equatable {
    public var itemId: String
    public var revision: Int
    public var contentSHA256: String
    public var snapshotSHA256: String
    public var recordedAt: Date
    /// True when a re-parse of a stored snapshot (a parser change), not the source, made it.
    public var technical: Bool
    public var entry: FeedEntry

    public init(
        itemId: String,
        revision: Int,
        contentSHA256: String,
        snapshotSHA256: String,
        recordedAt: Date,
        technical: Bool,
        entry: FeedEntry
    ) {
        self.itemId = itemId
        self.revision = revision
        self.contentSHA256 = contentSHA256
        self.snapshotSHA256 = snapshotSHA256
        self.recordedAt = recordedAt
        self.technical = technical
        self.entry = entry
    }
}

/// A reviewer's decision on an item, kept as labelled data for measuring the scoring.
public struct SignalDecision: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        case accept, reject, promote
    }

    public var itemId: String
    public var action: Action
    public var by: String
    public var at: Date
    public var reason: String
    /// The relevance the item had when decided (so the measure does not move when the scoring later changes).
    public var scoredRelevant: Bool

    public init(itemId: String, action: Action, by: String, at: Date, reason: String, scoredRelevant: Bool) {
        self.itemId = itemId
        self.action = action
        self.by = by
        self.at = at
        self.reason = reason
        self.scoredRelevant = scoredRelevant
    }
}

/// Raw bytes as received, content-addressed by SHA-256, with where and how they came.
public struct SignalSnapshot: Codable, Sendable, Equatable {
    public enum Origin: String, Codable, Sendable {
        /// Fetched by `signals run`.
        case fetch
        /// Hand-carried by `signals import`.
        case `import`
    }

    public var sha256: String
    public var source: String
    /// The URL fetched, or the file imported.
    public var location: String
    public var origin: Origin
    public var retrievedAt: Date
    /// The HTTP status of a fetch (200), nil for an import.
    public var status: Int?
    public var bytes: Data

    public init(source: String, location: String, origin: Origin, retrievedAt: Date, status: Int?, bytes: Data) {
        self.sha256 = bytes.signalSHA256
        self.source = source
        self.location = location
        self.origin = origin
        self.retrievedAt = retrievedAt
        self.status = status
        self.bytes = bytes
    }
}

/// How a source is doing: last success, failing since, and what the next conditional GET sends.
public struct SourceHealth: Codable, Sendable, Equatable {
    public var source: String
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    /// The first of the current run of failures; nil once a fetch or import works again.
    public var failingSince: Date?
    public var consecutiveFailures: Int
    public var lastError: String?
    /// The newest item's date (or first-seen time) for the stale check.
    public var lastNewItem: Date?
    public var etag: String?
    public var lastModified: String?
    /// Not before this time (a 429's Retry-After or a backoff).
    public var retryAfter: Date?

    public init(source: String) {
        self.source = source
        consecutiveFailures = 0
    }

    /// No new item for longer than the source's expected update period.
    public func isStale(expectedUpdateDays: Double, now: Date) -> Bool {
        guard let last = lastNewItem ?? lastSuccess else { return false }
        return now.timeIntervalSince(last) > expectedUpdateDays * 86_400
    }
}

/// One attempt to fetch a source, successful or not: the log every fetch writes.
public struct FetchAttempt: Codable, Sendable, Equatable {
    public var source: String
    public var at: Date
    public var url: String
    public var status: Int?
    public var bytes: Int
    public var sha256: String?
    /// What happened in words ("304 not modified", "429, retry after 120 s", "timed out").
    public var outcome: String

    public init(source: String, at: Date, url: String, status: Int?, bytes: Int, sha256: String?, outcome: String) {
        self.source = source
        self.at = at
        self.url = url
        self.status = status
        self.bytes = bytes
        self.sha256 = sha256
        self.outcome = outcome
    }
}
