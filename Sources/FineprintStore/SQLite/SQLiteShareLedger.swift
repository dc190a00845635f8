import Foundation
import GRDB

/// The share ledger in SQLite, on the database writer the store opened (its tables sit beside the
/// store's, created by `SQLiteMigrations`).
public struct SQLiteShareLedger: ShareLedger {
    private let writer: any DatabaseWriter

    /// `writer` must already hold the tables `registerMigrations` creates.
    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// The ledger's tables, for the store's migrator to apply with its own.
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("share v1: trust list, thresholds, imported bundles, shared items") { db in
            for statement in ShareLedgerSchema.statements(blob: "BLOB", time: "DATETIME") {
                try db.execute(sql: statement)
            }
        }
    }

    public func addTrustedKey(_ key: TrustedKey) async throws {
        try await writer.write { db in
            if let publisher = try String.fetchOne(
                db,
                sql: "SELECT publisher FROM share_trusted_key WHERE fingerprint = ?",
                arguments: [key.fingerprint]
            ) {
                throw ShareLedgerError.keyExists(fingerprint: key.fingerprint, publisher: publisher)
            }
            try db.execute(
                sql: """
                    INSERT INTO share_trusted_key (fingerprint, public_key, publisher, verified_via, added_at,
                        valid_until, scopes, revoked_at, revocation_reason, replaced_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key.fingerprint, key.publicKey, key.publisher, key.verifiedVia, key.addedAt, key.validUntil,
                    Self.joined(key.scopes), key.revokedAt, key.revocationReason, key.replacedBy,
                ]
            )
        }
    }

    public func trustedKeys() async throws -> [TrustedKey] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT fingerprint, public_key, publisher, verified_via, added_at, valid_until, scopes,
                        revoked_at, revocation_reason, replaced_by
                    FROM share_trusted_key ORDER BY publisher, added_at, fingerprint
                    """
            ).map { row in
                TrustedKey(
                    fingerprint: row[0],
                    publicKey: row[1],
                    publisher: row[2],
                    verifiedVia: row[3],
                    addedAt: row[4],
                    validUntil: row[5],
                    scopes: Self.split(row[6]),
                    revokedAt: row[7],
                    revocationReason: row[8],
                    replacedBy: row[9]
                )
            }
        }
    }

    public func revokeKey(fingerprint: String, at date: Date, reason: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE share_trusted_key SET revoked_at = COALESCE(revoked_at, ?), revocation_reason = ?
                    WHERE fingerprint = ?
                    """,
                arguments: [date, reason, fingerprint]
            )
            return db.changesCount > 0
        }
    }

    public func markReplaced(fingerprint: String, by successor: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE share_trusted_key SET replaced_by = ? WHERE fingerprint = ?",
                arguments: [successor, fingerprint]
            )
        }
    }

    public func setThreshold(publisher: String, threshold: Int) async throws {
        guard (1...16).contains(threshold) else { throw ShareLedgerError.badThreshold(threshold) }
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO share_publisher (publisher, threshold) VALUES (?, ?)
                    ON CONFLICT (publisher) DO UPDATE SET threshold = excluded.threshold
                    """,
                arguments: [publisher, threshold]
            )
        }
    }

    public func thresholds() async throws -> [String: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT publisher, threshold FROM share_publisher")
            return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) in (row[0] as String, row[1] as Int) })
        }
    }

    public func importedBundle(id: String) async throws -> ImportedBundle? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT bundle_id, publisher, digest, signers, sequence, imported_at, item_count
                    FROM share_import WHERE bundle_id = ?
                    """,
                arguments: [id]
            ).map { row in
                ImportedBundle(
                    bundleId: row[0],
                    publisher: row[1],
                    digest: row[2],
                    signers: Self.split(row[3]),
                    sequence: row[4],
                    importedAt: row[5],
                    itemCount: row[6]
                )
            }
        }
    }

    public func sharedItems(publisher: String?) async throws -> [SharedItem] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT publisher, kind, id, version, sha256, withdrawn, title, signer, bundle_id, imported_at, content
                    FROM shared_item WHERE ? IS NULL OR publisher = ? ORDER BY publisher, kind, id, version
                    """,
                arguments: [publisher, publisher]
            ).map { row in
                SharedItem(
                    publisher: row[0],
                    kind: row[1],
                    id: row[2],
                    version: row[3],
                    sha256: row[4],
                    withdrawn: row[5],
                    title: row[6],
                    signer: row[7],
                    bundleId: row[8],
                    importedAt: row[9],
                    content: row[10]
                )
            }
        }
    }

    public func recordImport(_ bundle: ImportedBundle, items: [SharedItem]) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO share_import (bundle_id, publisher, digest, signers, sequence, imported_at, item_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    bundle.bundleId, bundle.publisher, bundle.digest, Self.joined(bundle.signers), bundle.sequence,
                    bundle.importedAt, bundle.itemCount,
                ]
            )
            for item in items {
                try db.execute(
                    sql: """
                        INSERT INTO shared_item (publisher, kind, id, version, sha256, withdrawn, title, signer,
                            bundle_id, imported_at, content)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (publisher, kind, id, version) DO NOTHING
                        """,
                    arguments: [
                        item.publisher, item.kind, item.id, item.version, item.sha256, item.withdrawn, item.title,
                        item.signer, item.bundleId, item.importedAt, item.content,
                    ]
                )
            }
        }
    }
}

extension SQLiteStore: ShareLedgerStore {
    /// The ledger in this store's database file (`SQLiteMigrations` created its tables).
    public func shareLedger() -> any ShareLedger { SQLiteShareLedger(writer: writer) }
}
