import FineprintSignals
import Foundation
import GRDB

/// The signal store in SQLite, on the database writer the store opened (tables created by `SQLiteMigrations`).
public struct SQLiteSignalStore: SignalStore {
    private let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(SignalStoreSchema.migrationName) { db in
            let statements = SignalStoreSchema.statements(
                blob: "BLOB",
                time: "DATETIME",
                serial: "INTEGER PRIMARY KEY AUTOINCREMENT"
            )
            for statement in statements { try db.execute(sql: statement) }
        }
    }

    public func addSnapshot(_ s: SignalSnapshot) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO signal_snapshot (sha256, source, location, origin, retrieved_at, status, byte_count, bytes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING
                    """,
                arguments: [
                    s.sha256, s.source, s.location, s.origin.rawValue, s.retrievedAt, s.status, s.bytes.count, s.bytes,
                ]
            )
            return db.changesCount > 0
        }
    }

    public func snapshot(sha256: String) async throws -> SignalSnapshot? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM signal_snapshot WHERE sha256 = ?", arguments: [sha256])
                .map(Self.snapshot)
        }
    }

    public func snapshots(source: String?) async throws -> [SignalSnapshot] {
        try await writer.read { db in
            let rows =
                if let source {
                    try Row.fetchAll(
                        db,
                        sql: "SELECT * FROM signal_snapshot WHERE source = ? ORDER BY retrieved_at, sha256",
                        arguments: [source]
                    )
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM signal_snapshot ORDER BY retrieved_at, sha256")
                }
            return try rows.map(Self.snapshot)
        }
    }

    private static func snapshot(_ row: Row) throws -> SignalSnapshot {
        guard let origin = SignalSnapshot.Origin(rawValue: row["origin"]) else {
            throw SignalError("snapshot \(row["sha256"] as String) has an unknown origin")
        }
        return SignalSnapshot(
            source: row["source"],
            location: row["location"],
            origin: origin,
            retrievedAt: row["retrieved_at"],
            status: row["status"],
            bytes: row["bytes"]
        )
    }

    public func item(id: String) async throws -> SignalItem? {
        try await writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM signal_item WHERE id = ?", arguments: [id])
                .map { try SignalStoreSchema.decode(SignalItem.self, $0) }
        }
    }

    public func items(source: String?, state: SignalState?) async throws -> [SignalItem] {
        try await writer.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let source {
                clauses.append("source = ?")
                arguments += [source]
            }
            if let state {
                clauses.append("state = ?")
                arguments += [state.rawValue]
            }
            let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            return try Data.fetchAll(
                db,
                sql: "SELECT json FROM signal_item \(filter) ORDER BY last_changed DESC, id",
                arguments: arguments
            ).map { try SignalStoreSchema.decode(SignalItem.self, $0) }
        }
    }

    public func saveItems(_ items: [SignalItem], revisions: [SignalRevision]) async throws {
        try await writer.write { db in
            for i in items { try Self.upsert(i, db) }
            for r in revisions {
                try db.execute(
                    sql: """
                        INSERT INTO signal_revision (item_id, revision, recorded_at, technical, json) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (item_id, revision) DO UPDATE SET json = excluded.json, technical = excluded.technical
                        """,
                    arguments: [r.itemId, r.revision, r.recordedAt, r.technical, try SignalStoreSchema.encode(r)]
                )
            }
        }
    }

    private static func upsert(_ i: SignalItem, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO signal_item (id, source, native_id, state, cluster, seeded, score, last_changed, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, cluster = excluded.cluster,
                    seeded = excluded.seeded, score = excluded.score, last_changed = excluded.last_changed,
                    json = excluded.json
                """,
            arguments: [
                i.id, i.source, i.entry.nativeId, i.state.rawValue, i.cluster, i.seeded, i.relevance.score,
                i.lastChanged, try SignalStoreSchema.encode(i),
            ]
        )
    }

    public func revisions(itemId: String) async throws -> [SignalRevision] {
        try await writer.read { db in
            try Data.fetchAll(
                db,
                sql: "SELECT json FROM signal_revision WHERE item_id = ? ORDER BY revision",
                arguments: [itemId]
            ).map { try SignalStoreSchema.decode(SignalRevision.self, $0) }
        }
    }

    public func decide(_ d: SignalDecision, state: SignalState) async throws -> Bool {
        try await writer.write { db in
            guard
                let json = try Data.fetchOne(
                    db,
                    sql: "SELECT json FROM signal_item WHERE id = ?",
                    arguments: [d.itemId]
                )
            else { return false }
            var item = try SignalStoreSchema.decode(SignalItem.self, json)
            item.state = state
            try Self.upsert(item, db)
            try db.execute(
                sql: """
                    INSERT INTO signal_decision (item_id, action, decided_by, decided_at, reason, scored_relevant)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [d.itemId, d.action.rawValue, d.by, d.at, d.reason, d.scoredRelevant]
            )
            return true
        }
    }

    public func decisions(itemId: String?) async throws -> [SignalDecision] {
        try await writer.read { db in
            let sql = "SELECT * FROM signal_decision \(itemId == nil ? "" : "WHERE item_id = ?") ORDER BY id"
            let rows = try Row.fetchAll(db, sql: sql, arguments: itemId.map { [$0] } ?? [])
            return try rows.map { row in
                guard let action = SignalDecision.Action(rawValue: row["action"]) else {
                    throw SignalError("a decision with an unknown action \(row["action"] as String)")
                }
                return SignalDecision(
                    itemId: row["item_id"],
                    action: action,
                    by: row["decided_by"],
                    at: row["decided_at"],
                    reason: row["reason"],
                    scoredRelevant: row["scored_relevant"]
                )
            }
        }
    }

    public func health(source: String) async throws -> SourceHealth? {
        try await writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM signal_source_health WHERE source = ?", arguments: [source])
                .map { try SignalStoreSchema.decode(SourceHealth.self, $0) }
        }
    }

    public func allHealth() async throws -> [SourceHealth] {
        try await writer.read { db in
            try Data.fetchAll(db, sql: "SELECT json FROM signal_source_health ORDER BY source")
                .map { try SignalStoreSchema.decode(SourceHealth.self, $0) }
        }
    }

    public func saveHealth(_ h: SourceHealth) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO signal_source_health (source, json) VALUES (?, ?)
                    ON CONFLICT (source) DO UPDATE SET json = excluded.json
                    """,
                arguments: [h.source, try SignalStoreSchema.encode(h)]
            )
        }
    }

    public func logAttempt(_ a: FetchAttempt) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO signal_fetch_attempt (source, attempted_at, url, status, byte_count, sha256, outcome)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [a.source, a.at, a.url, a.status, a.bytes, a.sha256, a.outcome]
            )
        }
    }

    public func attempts(source: String?, limit: Int) async throws -> [FetchAttempt] {
        try await writer.read { db in
            let filter = source == nil ? "" : "WHERE source = ?"
            var arguments: StatementArguments = source.map { [$0] } ?? []
            arguments += [max(0, limit)]
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM signal_fetch_attempt \(filter) ORDER BY id DESC LIMIT ?",
                arguments: arguments
            )
            return rows.map { row in
                FetchAttempt(
                    source: row["source"],
                    at: row["attempted_at"],
                    url: row["url"],
                    status: row["status"],
                    bytes: row["byte_count"],
                    sha256: row["sha256"],
                    outcome: row["outcome"]
                )
            }
        }
    }
}

extension SQLiteStore: SignalStoreProvider {
    /// The signal store in this store's database file (`SQLiteMigrations` created its tables).
    public func signalStore() -> any SignalStore { SQLiteSignalStore(writer: writer) }
}
