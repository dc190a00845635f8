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
        migrator.registerMigration("share v2: signed dates of shared items, items adopted from allies") { db in
            for statement in ShareLedgerSchema.adoptionStatements(blob: "BLOB", time: "DATETIME") {
                try db.execute(sql: statement)
            }
        }
    }

    public func addTrustedKey(_ key: TrustedKey) async throws {
        try await writer.write { db in
            if let existing = try TrustedKeyRecord.fetchOne(db, key: key.fingerprint) {
                throw ShareLedgerError.keyExists(fingerprint: key.fingerprint, publisher: existing.publisher)
            }
            try TrustedKeyRecord(key).insert(db)
        }
    }

    public func trustedKeys() async throws -> [TrustedKey] {
        try await writer.read { db in
            typealias Columns = TrustedKeyRecord.Columns
            return try TrustedKeyRecord.order(Columns.publisher, Columns.addedAt, Columns.fingerprint).fetchAll(db)
                .map(\.key)
        }
    }

    public func revokeKey(fingerprint: String, at date: Date, reason: String) async throws -> Bool {
        try await writer.write { db in
            typealias Columns = TrustedKeyRecord.Columns
            // The first revocation's date stands; a later one only updates the reason.
            let changed = try TrustedKeyRecord.filter(key: fingerprint).updateAll(
                db,
                Columns.revokedAt.set(to: Columns.revokedAt ?? date),
                Columns.revocationReason.set(to: reason)
            )
            return changed > 0
        }
    }

    public func markReplaced(fingerprint: String, by successor: String) async throws {
        try await writer.write { db in
            _ = try TrustedKeyRecord.filter(key: fingerprint).updateAll(
                db,
                TrustedKeyRecord.Columns.replacedBy.set(to: successor)
            )
        }
    }

    public func setThreshold(publisher: String, threshold: Int) async throws {
        guard (1...16).contains(threshold) else { throw ShareLedgerError.badThreshold(threshold) }
        try await writer.write { db in
            try PublisherThresholdRecord(publisher: publisher, threshold: threshold).upsert(db)
        }
    }

    public func thresholds() async throws -> [String: Int] {
        try await writer.read { db in
            Dictionary(
                uniqueKeysWithValues: try PublisherThresholdRecord.fetchAll(db).map { ($0.publisher, $0.threshold) }
            )
        }
    }

    public func importedBundle(id: String) async throws -> ImportedBundle? {
        try await writer.read { db in try ImportedBundleRecord.fetchOne(db, key: id)?.bundle }
    }

    public func sharedItems(publisher: String?) async throws -> [SharedItem] {
        try await writer.read { db in
            typealias Columns = SharedItemRecord.Columns
            var request = SharedItemRecord.order(Columns.publisher, Columns.kind, Columns.id, Columns.version)
            if let publisher { request = request.filter(Columns.publisher == publisher) }
            return try request.fetchAll(db).map(\.item)
        }
    }

    public func recordImport(_ bundle: ImportedBundle, items: [SharedItem]) async throws {
        try await writer.write { db in
            try ImportedBundleRecord(bundle).insert(db)
            // A version already held (same digest, as the verifier checked) stays as it was.
            for item in items { try SharedItemRecord(item).insert(db, onConflict: .ignore) }
        }
    }

    public func adoptedItems() async throws -> [AdoptedItem] {
        try await writer.read { db in
            try AdoptedItemRecord.order(AdoptedItemRecord.Columns.kind, AdoptedItemRecord.Columns.id).fetchAll(db)
                .map(\.item)
        }
    }

    public func recordAdoption(_ item: AdoptedItem) async throws {
        try await writer.write { db in
            if try AdoptedItemRecord.fetchOne(db, key: ["kind": item.kind, "id": item.id]) != nil {
                throw ShareLedgerError.adoptedExists(kind: item.kind, id: item.id)
            }
            try AdoptedItemRecord(item).insert(db)
        }
    }
}

extension SQLiteStore: ShareLedgerStore {
    /// The ledger in this store's database file (`SQLiteMigrations` created its tables).
    public func shareLedger() -> any ShareLedger { SQLiteShareLedger(writer: writer) }
}
