import Foundation
import GRDB

/// A row of `share_trusted_key` (scopes as one comma-separated column, as in PostgreSQL).
struct TrustedKeyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "share_trusted_key"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var fingerprint: String
    var publicKey: Data
    var publisher: String
    var verifiedVia: String
    var addedAt: Date
    var validUntil: Date?
    var scopes: String
    var revokedAt: Date?
    var revocationReason: String?
    var replacedBy: String?

    enum Columns {
        static let fingerprint = Column("fingerprint")
        static let publisher = Column("publisher")
        static let addedAt = Column("added_at")
        static let revokedAt = Column("revoked_at")
        static let revocationReason = Column("revocation_reason")
        static let replacedBy = Column("replaced_by")
    }

    init(_ key: TrustedKey) {
        (fingerprint, publicKey, publisher, verifiedVia) = (
            key.fingerprint, key.publicKey, key.publisher, key.verifiedVia
        )
        (addedAt, validUntil, scopes) = (key.addedAt, key.validUntil, key.scopes.sorted().joined(separator: ","))
        (revokedAt, revocationReason, replacedBy) = (key.revokedAt, key.revocationReason, key.replacedBy)
    }

    var key: TrustedKey {
        TrustedKey(
            fingerprint: fingerprint,
            publicKey: publicKey,
            publisher: publisher,
            verifiedVia: verifiedVia,
            addedAt: addedAt,
            validUntil: validUntil,
            scopes: scopes.split(separator: ",").map(String.init),
            revokedAt: revokedAt,
            revocationReason: revocationReason,
            replacedBy: replacedBy
        )
    }
}

/// A row of `share_publisher`: how many signatures a publisher's bundles need.
struct PublisherThresholdRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "share_publisher"
    var publisher: String
    var threshold: Int
}

/// A row of `share_import`: a bundle imported, with the digest of its statement.
struct ImportedBundleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "share_import"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var bundleId: String
    var publisher: String
    var digest: String
    var signers: String
    var sequence: Int
    var importedAt: Date
    var itemCount: Int

    init(_ bundle: ImportedBundle) {
        (bundleId, publisher, digest) = (bundle.bundleId, bundle.publisher, bundle.digest)
        (signers, sequence) = (bundle.signers.joined(separator: ","), bundle.sequence)
        (importedAt, itemCount) = (bundle.importedAt, bundle.itemCount)
    }

    var bundle: ImportedBundle {
        ImportedBundle(
            bundleId: bundleId,
            publisher: publisher,
            digest: digest,
            signers: signers.split(separator: ",").map(String.init),
            sequence: sequence,
            importedAt: importedAt,
            itemCount: itemCount
        )
    }
}

/// A row of `shared_item`: one version of an ally's item under its publisher's namespace.
struct SharedItemRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "shared_item"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var item: SharedItem

    enum Columns {
        static let publisher = Column("publisher")
        static let kind = Column("kind")
        static let id = Column("id")
        static let version = Column("version")
    }

    init(_ item: SharedItem) { self.item = item }

    // The value type's own fields are the columns (snake_cased by the strategies).
    init(from decoder: any Decoder) throws { item = try SharedItem(from: decoder) }
    func encode(to encoder: any Encoder) throws { try item.encode(to: encoder) }
}

/// A row of `adopted_item`: an ally's item copied into our namespace, with its provenance.
struct AdoptedItemRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "adopted_item"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var item: AdoptedItem

    enum Columns {
        static let kind = Column("kind")
        static let id = Column("id")
    }

    init(_ item: AdoptedItem) { self.item = item }

    // The value type's own fields are the columns (snake_cased by the strategies).
    init(from decoder: any Decoder) throws { item = try AdoptedItem(from: decoder) }
    func encode(to encoder: any Encoder) throws { try item.encode(to: encoder) }
}
