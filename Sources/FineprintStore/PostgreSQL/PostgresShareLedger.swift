import Foundation
import Logging
import PostgresNIO

/// The share ledger in PostgreSQL, in the store's schema and on its connection pool.
public struct PostgresShareLedger: ShareLedger {
    private let database: PostgresSchemaAccess

    /// `client` must work in the endpoint's schema with `migrations` applied (`PostgresStore.shareLedger()`).
    public init(client: PostgresClient, endpoint: PostgresEndpoint, logger: Logger? = nil) {
        database = PostgresSchemaAccess(
            client: client,
            endpoint: endpoint,
            logger: logger ?? Logger(label: "fineprint.share.postgres")
        )
    }

    /// Recorded in `fineprint_migration` after the store's and the job queue's steps.
    public static let migrations: [(name: String, sql: [String])] = [
        (
            "share v1: trust list, thresholds, imported bundles, shared items",
            ShareLedgerSchema.statements(blob: "BYTEA", time: "TIMESTAMPTZ")
        ),
        (
            "share v2: signed dates of shared items, items adopted from allies",
            ShareLedgerSchema.adoptionStatements(blob: "BYTEA", time: "TIMESTAMPTZ")
        ),
    ]

    public func addTrustedKey(_ key: TrustedKey) async throws {
        try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                let existing = try await connection.query(
                    "SELECT publisher FROM share_trusted_key WHERE fingerprint = \(key.fingerprint) FOR UPDATE",
                    logger: database.logger
                ).collect().first?.decode(String.self)
                if let existing {
                    throw ShareLedgerError.keyExists(fingerprint: key.fingerprint, publisher: existing)
                }
                try await connection.query(
                    """
                    INSERT INTO share_trusted_key (fingerprint, public_key, publisher, verified_via, added_at,
                        valid_until, scopes, revoked_at, revocation_reason, replaced_by)
                    VALUES (\(key.fingerprint), \(key.publicKey), \(key.publisher), \(key.verifiedVia), \(key.addedAt),
                        \(key.validUntil), \(Self.joined(key.scopes)), \(key.revokedAt), \(key.revocationReason),
                        \(key.replacedBy))
                    """,
                    logger: database.logger
                )
            }
        }
    }

    public func trustedKeys() async throws -> [TrustedKey] {
        try await guarded {
            let rows = try await database.client.query(
                """
                SELECT fingerprint, public_key, publisher, verified_via, added_at, valid_until, scopes,
                    revoked_at, revocation_reason, replaced_by
                FROM share_trusted_key ORDER BY publisher, added_at, fingerprint
                """,
                logger: database.logger
            )
            var keys: [TrustedKey] = []
            for try await row in rows {
                let (fingerprint, key, publisher, via, added, until, scopes, revoked, reason, replaced) =
                    try row.decode(
                        (String, Data, String, String, Date, Date?, String, Date?, String?, String?).self
                    )
                keys.append(
                    TrustedKey(
                        fingerprint: fingerprint,
                        publicKey: key,
                        publisher: publisher,
                        verifiedVia: via,
                        addedAt: added,
                        validUntil: until,
                        scopes: Self.split(scopes),
                        revokedAt: revoked,
                        revocationReason: reason,
                        replacedBy: replaced
                    )
                )
            }
            return keys
        }
    }

    public func revokeKey(fingerprint: String, at date: Date, reason: String) async throws -> Bool {
        try await guarded {
            let rows = try await database.client.query(
                """
                UPDATE share_trusted_key SET revoked_at = COALESCE(revoked_at, \(date)), revocation_reason = \(reason)
                WHERE fingerprint = \(fingerprint) RETURNING fingerprint
                """,
                logger: database.logger
            )
            var changed = false
            for try await _ in rows { changed = true }
            return changed
        }
    }

    public func markReplaced(fingerprint: String, by successor: String) async throws {
        _ = try await guarded {
            try await database.client.query(
                "UPDATE share_trusted_key SET replaced_by = \(successor) WHERE fingerprint = \(fingerprint)",
                logger: database.logger
            )
        }
    }

    public func setThreshold(publisher: String, threshold: Int) async throws {
        guard (1...16).contains(threshold) else { throw ShareLedgerError.badThreshold(threshold) }
        _ = try await guarded {
            try await database.client.query(
                """
                INSERT INTO share_publisher (publisher, threshold) VALUES (\(publisher), \(threshold))
                ON CONFLICT (publisher) DO UPDATE SET threshold = excluded.threshold
                """,
                logger: database.logger
            )
        }
    }

    public func thresholds() async throws -> [String: Int] {
        try await guarded {
            var result: [String: Int] = [:]
            let rows = try await database.client.query(
                "SELECT publisher, threshold FROM share_publisher",
                logger: database.logger
            )
            for try await (publisher, threshold) in rows.decode((String, Int).self) { result[publisher] = threshold }
            return result
        }
    }

    public func importedBundle(id: String) async throws -> ImportedBundle? {
        try await guarded {
            let rows = try await database.client.query(
                """
                SELECT bundle_id, publisher, digest, signers, sequence, imported_at, item_count
                FROM share_import WHERE bundle_id = \(id)
                """,
                logger: database.logger
            )
            for try await (bundleId, publisher, digest, signers, sequence, imported, count) in rows.decode(
                (String, String, String, String, Int, Date, Int).self
            ) {
                return ImportedBundle(
                    bundleId: bundleId,
                    publisher: publisher,
                    digest: digest,
                    signers: Self.split(signers),
                    sequence: sequence,
                    importedAt: imported,
                    itemCount: count
                )
            }
            return nil
        }
    }

    public func sharedItems(publisher: String?) async throws -> [SharedItem] {
        try await guarded {
            let rows = try await database.client.query(
                """
                SELECT publisher, kind, id, version, sha256, withdrawn, title, signer, bundle_id, imported_at, content,
                    signed_at
                FROM shared_item WHERE \(publisher)::TEXT IS NULL OR publisher = \(publisher)
                ORDER BY publisher, kind, id, version
                """,
                logger: database.logger
            )
            var items: [SharedItem] = []
            for try await row in rows {
                let (owner, kind, id, version, sha, withdrawn, title, signer, bundleId, imported, content, signed) =
                    try row.decode(
                        (String, String, String, Int, String, Bool, String, String, String, Date, Data, Date?).self
                    )
                items.append(
                    SharedItem(
                        publisher: owner,
                        kind: kind,
                        id: id,
                        version: version,
                        sha256: sha,
                        withdrawn: withdrawn,
                        title: title,
                        signer: signer,
                        bundleId: bundleId,
                        importedAt: imported,
                        content: content,
                        signedAt: signed
                    )
                )
            }
            return items
        }
    }

    public func recordImport(_ bundle: ImportedBundle, items: [SharedItem]) async throws {
        try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                try await connection.query(
                    """
                    INSERT INTO share_import (bundle_id, publisher, digest, signers, sequence, imported_at, item_count)
                    VALUES (\(bundle.bundleId), \(bundle.publisher), \(bundle.digest), \(Self.joined(bundle.signers)),
                        \(bundle.sequence), \(bundle.importedAt), \(bundle.itemCount))
                    """,
                    logger: database.logger
                )
                for item in items {
                    try await connection.query(
                        """
                        INSERT INTO shared_item (publisher, kind, id, version, sha256, withdrawn, title, signer,
                            bundle_id, imported_at, content, signed_at)
                        VALUES (\(item.publisher), \(item.kind), \(item.id), \(item.version), \(item.sha256),
                            \(item.withdrawn), \(item.title), \(item.signer), \(item.bundleId), \(item.importedAt),
                            \(item.content), \(item.signedAt))
                        ON CONFLICT (publisher, kind, id, version) DO NOTHING
                        """,
                        logger: database.logger
                    )
                }
            }
        }
    }

    public func adoptedItems() async throws -> [AdoptedItem] {
        try await guarded {
            let rows = try await database.client.query(
                """
                SELECT kind, id, title, content, from_publisher, from_id, from_version, from_bundle, from_sha256,
                    signer, signed_at, adopted_at, adopted_by
                FROM adopted_item ORDER BY kind, id
                """,
                logger: database.logger
            )
            var items: [AdoptedItem] = []
            for try await row in rows {
                let (kind, id, title, content, publisher, fromID, version, bundle, sha, signer, signed, adopted, by) =
                    try row.decode(
                        (
                            String, String, String, Data, String, String, Int, String, String, String, Date?, Date,
                            String?
                        )
                        .self
                    )
                items.append(
                    AdoptedItem(
                        kind: kind,
                        id: id,
                        title: title,
                        content: content,
                        fromPublisher: publisher,
                        fromId: fromID,
                        fromVersion: version,
                        fromBundle: bundle,
                        fromSha256: sha,
                        signer: signer,
                        signedAt: signed,
                        adoptedAt: adopted,
                        adoptedBy: by
                    )
                )
            }
            return items
        }
    }

    public func recordAdoption(_ item: AdoptedItem) async throws {
        try await guarded {
            let rows = try await database.client.query(
                """
                INSERT INTO adopted_item (kind, id, title, content, from_publisher, from_id, from_version, from_bundle,
                    from_sha256, signer, signed_at, adopted_at, adopted_by)
                VALUES (\(item.kind), \(item.id), \(item.title), \(item.content), \(item.fromPublisher), \(item.fromId),
                    \(item.fromVersion), \(item.fromBundle), \(item.fromSha256), \(item.signer), \(item.signedAt),
                    \(item.adoptedAt), \(item.adoptedBy))
                ON CONFLICT (kind, id) DO NOTHING RETURNING id
                """,
                logger: database.logger
            )
            var inserted = false
            for try await _ in rows { inserted = true }
            if !inserted { throw ShareLedgerError.adoptedExists(kind: item.kind, id: item.id) }
        }
    }

    private func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await PostgresErrors.guarded(database.endpoint, passing: ShareLedgerError.self, body)
    }
}

extension PostgresStore: ShareLedgerStore {
    /// The ledger in this store's schema, on its connection pool (`migrate()` created its tables).
    public func shareLedger() -> any ShareLedger { PostgresShareLedger(client: client, endpoint: endpoint) }
}
