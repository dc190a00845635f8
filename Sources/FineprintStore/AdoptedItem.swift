import Foundation

/// An ally's item copied into our own namespace ("adopted"), with where it came from: the
/// publisher, the item and version it was copied from, the bundle that brought it, the key that
/// signed it and when, and who adopted it when.
public struct AdoptedItem: Hashable, Codable, Sendable {
    public var kind: String
    /// Our id for it (the ally's id unless the operator chose another).
    public var id: String
    public var title: String
    /// The item's JSON (or YAML) as we hold it: the ally's bytes, with the id changed when renamed.
    public var content: Data
    public var fromPublisher: String
    public var fromId: String
    public var fromVersion: Int
    public var fromBundle: String
    /// Hex SHA-256 of the ally's bytes of that version.
    public var fromSha256: String
    /// The fingerprint of the key that signed the bundle.
    public var signer: String
    public var signedAt: Date?
    public var adoptedAt: Date
    public var adoptedBy: String?

    public init(
        kind: String,
        id: String,
        title: String,
        content: Data,
        fromPublisher: String,
        fromId: String,
        fromVersion: Int,
        fromBundle: String,
        fromSha256: String,
        signer: String,
        signedAt: Date?,
        adoptedAt: Date,
        adoptedBy: String?
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.content = content
        self.fromPublisher = fromPublisher
        self.fromId = fromId
        self.fromVersion = fromVersion
        self.fromBundle = fromBundle
        self.fromSha256 = fromSha256
        self.signer = signer
        self.signedAt = signedAt
        self.adoptedAt = adoptedAt
        self.adoptedBy = adoptedBy
    }
}
