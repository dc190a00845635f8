import Foundation

/// One signal as JSON: what `signals list --format json` and `show` print and what the web API answers (one
/// projection, so the two never drift apart).
public struct SignalView: Encodable, Sendable {
    public var id: String
    public var source: String
    public var nativeId: String
    public var title: String
    public var summary: String
    public var url: String?
    public var published: Date?
    public var updated: Date?
    public var documentType: String?
    public var identifiers: [String]
    public var anomalies: [String]
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
        nativeId = i.entry.nativeId
        title = i.entry.title
        summary = i.entry.summary
        url = i.entry.url
        published = i.entry.published
        updated = i.entry.updated
        documentType = i.entry.documentType
        identifiers = i.entry.identifiers
        anomalies = i.entry.anomalies
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
}
