import Foundation

/// The in-toto Statement v1 a bundle's envelope signs: one subject per file of the bundle (zip path
/// and SHA-256) and our predicate describing the items.
public struct ShareStatement: Codable, Hashable, Sendable {
    public static let statementType = "https://in-toto.io/Statement/v1"
    /// in-toto's media type for a statement in a DSSE envelope.
    public static let payloadType = "application/vnd.in-toto+json"
    /// Our predicate type. `.example` is reserved (RFC 2606), so the URI can never name somebody
    /// else's document; it carries the major version as in-toto asks and is replaced by the
    /// project's own domain before release (a new URI, not an edit of this one's meaning).
    public static let predicateType = "https://fineprint.example/share/v1"

    public struct Subject: Codable, Hashable, Sendable {
        public var name: String
        public var digest: [String: String]
    }

    enum CodingKeys: String, CodingKey {
        case type = "_type"
        case subject, predicateType, predicate
    }

    public var type: String
    public var subject: [Subject]
    public var predicateType: String
    public var predicate: SharePredicate
}

/// What a bundle says about itself and its items (lowerCamelCase; unknown fields are ignored).
public struct SharePredicate: Codable, Hashable, Sendable {
    public struct Publisher: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var country: String

        public init(id: String, name: String, country: String) {
            self.id = id
            self.name = name
            self.country = country
        }
    }

    public struct Item: Codable, Hashable, Sendable {
        public var path: String
        public var kind: String
        public var id: String
        /// The publisher's namespace the item lives in on import.
        public var namespace: String
        public var version: Int
        /// The publisher's export sequence number this version was issued in.
        public var sequence: Int
        public var withdrawn: Bool
        public var schema: String
        public var title: String
    }

    public var publisher: Publisher
    public var bundleId: String
    public var sequence: Int
    public var createdAt: String
    public var expiresAt: String?
    public var items: [Item]
}
