import Foundation

/// What an installation keeps about sharing with allies: the trust list (allied publishers' keys,
/// how each was confirmed, until when, for which kinds of item, revoked or not), per-publisher
/// signature thresholds, the bundles already imported (for equivocation) and the items imported
/// from them under their publisher's namespace (for rollback protection and reuse).
///
/// Nothing here judges a bundle: `FineprintShare` verifies, then records through this protocol.
public protocol ShareLedger: Sendable {
    /// Adds a key; throws `ShareLedgerError.keyExists` when its fingerprint is already listed.
    func addTrustedKey(_ key: TrustedKey) async throws
    func trustedKeys() async throws -> [TrustedKey]
    /// Marks a key revoked from `date` on; false when no key has that fingerprint.
    func revokeKey(fingerprint: String, at date: Date, reason: String) async throws -> Bool
    /// Records that `fingerprint` was replaced by `successor` (a verified rotation notice).
    func markReplaced(fingerprint: String, by successor: String) async throws
    /// How many distinct trusted keys of `publisher` must sign a bundle (1 when never set).
    func setThreshold(publisher: String, threshold: Int) async throws
    func thresholds() async throws -> [String: Int]
    func importedBundle(id: String) async throws -> ImportedBundle?
    /// Every imported version of every item, of one publisher or of all.
    func sharedItems(publisher: String?) async throws -> [SharedItem]
    /// Records a verified bundle and its items in one transaction (an item version already held
    /// with the same digest is left as it is).
    func recordImport(_ bundle: ImportedBundle, items: [SharedItem]) async throws
    /// The allies' items copied into our own namespace, by kind and id.
    func adoptedItems() async throws -> [AdoptedItem]
    /// Records an adoption; throws `ShareLedgerError.adoptedExists` when we already hold an
    /// adopted item of that kind and id (an adoption never replaces one silently).
    func recordAdoption(_ item: AdoptedItem) async throws
}

/// A store that can hand out its share ledger (on the same database).
public protocol ShareLedgerStore {
    func shareLedger() -> any ShareLedger
}

/// An allied publisher's public key as the operator added it to the trust list.
public struct TrustedKey: Hashable, Codable, Sendable {
    /// `sha256:` and the hex SHA-256 of the key's SubjectPublicKeyInfo DER.
    public var fingerprint: String
    /// The 32 bytes of the Ed25519 public key.
    public var publicKey: Data
    public var publisher: String
    /// How the fingerprint was confirmed out of band ("read aloud by phone to …").
    public var verifiedVia: String
    public var addedAt: Date
    public var validUntil: Date?
    /// The item kinds this key may sign; empty means every kind.
    public var scopes: [String]
    public var revokedAt: Date?
    public var revocationReason: String?
    /// The fingerprint of the key a verified rotation moved the publisher to.
    public var replacedBy: String?

    public init(
        fingerprint: String,
        publicKey: Data,
        publisher: String,
        verifiedVia: String,
        addedAt: Date,
        validUntil: Date? = nil,
        scopes: [String] = [],
        revokedAt: Date? = nil,
        revocationReason: String? = nil,
        replacedBy: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.publicKey = publicKey
        self.publisher = publisher
        self.verifiedVia = verifiedVia
        self.addedAt = addedAt
        self.validUntil = validUntil
        self.scopes = scopes
        self.revokedAt = revokedAt
        self.revocationReason = revocationReason
        self.replacedBy = replacedBy
    }
}

/// A bundle that was imported: its id with the digest of its signed statement, so that another
/// bundle under the same id with other content is recognised as equivocation.
public struct ImportedBundle: Hashable, Codable, Sendable {
    public var bundleId: String
    public var publisher: String
    /// Hex SHA-256 of the verified statement bytes.
    public var digest: String
    /// Fingerprints of the trusted keys whose signatures verified.
    public var signers: [String]
    public var sequence: Int
    public var importedAt: Date
    public var itemCount: Int

    public init(
        bundleId: String,
        publisher: String,
        digest: String,
        signers: [String],
        sequence: Int,
        importedAt: Date,
        itemCount: Int
    ) {
        self.bundleId = bundleId
        self.publisher = publisher
        self.digest = digest
        self.signers = signers
        self.sequence = sequence
        self.importedAt = importedAt
        self.itemCount = itemCount
    }
}

/// One version of an item imported from an ally, kept under the publisher's namespace.
public struct SharedItem: Hashable, Codable, Sendable {
    public var publisher: String
    public var kind: String
    public var id: String
    public var version: Int
    /// Hex SHA-256 of `content`.
    public var sha256: String
    public var withdrawn: Bool
    public var title: String
    /// The fingerprint of the first key that signed the bundle it came in.
    public var signer: String
    public var bundleId: String
    public var importedAt: Date
    public var content: Data
    /// When the bundle that brought this version says it was made (signed); nil for items
    /// imported before the date was kept.
    public var signedAt: Date?

    public init(
        publisher: String,
        kind: String,
        id: String,
        version: Int,
        sha256: String,
        withdrawn: Bool,
        title: String,
        signer: String,
        bundleId: String,
        importedAt: Date,
        content: Data,
        signedAt: Date? = nil
    ) {
        self.publisher = publisher
        self.kind = kind
        self.id = id
        self.version = version
        self.sha256 = sha256
        self.withdrawn = withdrawn
        self.title = title
        self.signer = signer
        self.bundleId = bundleId
        self.importedAt = importedAt
        self.content = content
        self.signedAt = signedAt
    }
}

public enum ShareLedgerError: Error, CustomStringConvertible, Equatable, Sendable {
    case keyExists(fingerprint: String, publisher: String)
    case badThreshold(Int)
    case adoptedExists(kind: String, id: String)

    public var description: String {
        switch self {
        case .keyExists(let fingerprint, let publisher):
            return
                "the key \(fingerprint) is already in the trust list (publisher \(publisher)); revoke it first to change it"
        case .badThreshold(let value):
            return "a threshold must be between 1 and 16 signatures, not \(value)"
        case .adoptedExists(let kind, let id):
            return "we already hold an adopted \(kind) \"\(id)\"; adopt under another id (--as NEW_ID)"
        }
    }
}

extension ShareLedger {
    /// Scopes are kept as one comma-separated column in both databases.
    static func joined(_ scopes: [String]) -> String { scopes.sorted().joined(separator: ",") }
    static func split(_ scopes: String) -> [String] {
        scopes.split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }
}
