import Foundation

/// One signal as JSON: what `signals list --format json` and `show` print and what the web API answers (one
/// projection, so the two never drift apart).
public struct SignalView: Encodable, Sendable {
    public var id: String
    public var source: String
    /// The item as its feed gave it, written flat beside the fields below.
    public var entry: FeedEntry
    public var state: String
    public var seeded: Bool
    public var primary: Bool
    public var cluster: String
    public var revision: Int
    public var firstSeen: Date
    public var lastChanged: Date
    public var relevance: Relevance
    public var publication: SignalItem.Publication?

    public init(_ i: SignalItem) {
        id = i.id
        source = i.source
        entry = i.entry
        state = i.state.rawValue
        seeded = i.seeded
        primary = i.primary
        cluster = i.cluster
        revision = i.revision
        firstSeen = i.firstSeen
        lastChanged = i.lastChanged
        relevance = i.relevance
        publication = i.publication
    }

    enum CodingKeys: String, CodingKey {
        case id, source, title, summary, url, published, updated, identifiers, anomalies, state, seeded, primary
        case cluster, revision, relevance, publication
        case nativeId = "native_id"
        case documentType = "document_type"
        case firstSeen = "first_seen"
        case lastChanged = "last_changed"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(entry.nativeId, forKey: .nativeId)
        try c.encode(entry.title, forKey: .title)
        try c.encode(entry.summary, forKey: .summary)
        try c.encodeIfPresent(entry.url, forKey: .url)
        try c.encodeIfPresent(entry.published, forKey: .published)
        try c.encodeIfPresent(entry.updated, forKey: .updated)
        try c.encodeIfPresent(entry.documentType, forKey: .documentType)
        try c.encode(entry.identifiers, forKey: .identifiers)
        try c.encode(entry.anomalies, forKey: .anomalies)
        try c.encode(state, forKey: .state)
        try c.encode(seeded, forKey: .seeded)
        try c.encode(primary, forKey: .primary)
        try c.encode(cluster, forKey: .cluster)
        try c.encode(revision, forKey: .revision)
        try c.encode(firstSeen, forKey: .firstSeen)
        try c.encode(lastChanged, forKey: .lastChanged)
        try c.encode(relevance, forKey: .relevance)
        try c.encodeIfPresent(publication, forKey: .publication)
    }
}
