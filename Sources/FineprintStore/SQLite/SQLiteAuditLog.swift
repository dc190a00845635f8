import Foundation
import GRDB

/// The audit log in the SQLite database: table `audit_event`, whose triggers refuse every UPDATE
/// and DELETE, so not even a bug of ours can rewrite history through SQL.
struct SQLiteAuditLog: AuditLog {
    let writer: any DatabaseWriter

    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("audit v1: audit_event, append-only") { db in
            try db.create(table: "audit_event") { t in
                t.primaryKey("sequence", .integer)
                t.column("time_ms", .integer).notNull().indexed()
                t.column("actor", .text)
                t.column("action", .text).notNull()
                t.column("target_kind", .text).notNull()
                t.column("target_id", .text).notNull()
                t.column("address", .text)
                t.column("detail", .text).notNull()
                t.column("previous_hash", .text).notNull()
                t.column("hash", .text).notNull()
            }
            for verb in ["UPDATE", "DELETE"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER audit_event_no_\(verb.lowercased()) BEFORE \(verb) ON audit_event
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                        """
                )
            }
        }
    }

    func append(_ event: NewAuditEvent) async throws -> AuditEvent {
        try await guarded {
            // IMMEDIATE takes the write lock before reading the last row, so two processes on the
            // same file cannot both chain onto it.
            try await writer.writeWithoutTransaction { db in
                var row: AuditEvent?
                try db.inTransaction(.immediate) {
                    let last = try Row.fetchOne(
                        db,
                        sql: "SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1"
                    )
                    let next = AuditEvent(event, after: last.map { (sequence: $0[0], hash: $0[1]) })
                    try db.execute(
                        sql: """
                            INSERT INTO audit_event (sequence, time_ms, actor, action, target_kind, target_id, address, detail,
                                                     previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            next.sequence, next.timeMilliseconds, next.actor, next.action, next.targetKind,
                            next.targetID,
                            next.address, next.detail, next.previousHash, next.hash,
                        ]
                    )
                    row = next
                    return .commit
                }
                guard let row else { throw StoreError.failed(detail: "the audit row was not written") }
                return row
            }
        }
    }

    func events(_ filter: AuditFilter) async throws -> [AuditEvent] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = filter.since {
            clauses.append("time_ms >= ?")
            _ = arguments.append(contentsOf: [Int64(since.timeIntervalSince1970 * 1000)])
        }
        if let actor = filter.actor {
            clauses.append("actor = ?")
            _ = arguments.append(contentsOf: [actor])
        }
        if let action = filter.action {
            clauses.append("action = ?")
            _ = arguments.append(contentsOf: [action.rawValue])
        }
        let condition = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let sql = Self.select + condition + " ORDER BY sequence DESC LIMIT \(max(0, filter.limit))"
        let bound = arguments
        return try await guarded {
            try await writer.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(Self.event) }
        }
    }

    func verify() async throws -> AuditVerification {
        try await guarded {
            try await writer.read { db in
                let cursor = try Row.fetchCursor(db, sql: Self.select + " ORDER BY sequence").map(Self.event)
                var rows: [AuditEvent] = []
                while let row = try cursor.next() { rows.append(row) }
                return AuditVerification.check(rows)
            }
        }
    }

    static let select =
        "SELECT sequence, time_ms, actor, action, target_kind, target_id, address, detail, previous_hash, hash FROM audit_event"

    static func event(_ row: Row) -> AuditEvent {
        AuditEvent(
            sequence: row[0],
            timeMilliseconds: row[1],
            actor: row[2],
            action: row[3],
            targetKind: row[4],
            targetID: row[5],
            address: row[6],
            detail: row[7],
            previousHash: row[8],
            hash: row[9]
        )
    }

    private func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as DatabaseError {
            throw SQLiteStore.translate(error, path: writer.path)
        }
    }
}

extension SQLiteStore: AuditLogStore {
    /// The log in this store's database file (`SQLiteMigrations` created its table).
    public func auditLog() -> any AuditLog { SQLiteAuditLog(writer: writer) }
}
