import Foundation
import Logging
import PostgresNIO

/// The audit log in PostgreSQL: table `audit_event`, whose triggers refuse UPDATE, DELETE and
/// TRUNCATE. Appends take a transaction-scoped advisory lock, so every server and worker process
/// on the database chains onto the last row one at a time.
struct PostgresAuditLog: AuditLog {
    let client: PostgresClient
    let endpoint: PostgresEndpoint
    let logger = Logger(label: "fineprint.audit.postgres")

    static let migrations: [(name: String, sql: [String])] = [
        (
            "audit v1: audit_event, append-only",
            [
                """
                CREATE TABLE audit_event (
                    sequence BIGINT PRIMARY KEY, time_ms BIGINT NOT NULL, actor TEXT, action TEXT NOT NULL,
                    target_kind TEXT NOT NULL, target_id TEXT NOT NULL, address TEXT, detail TEXT NOT NULL,
                    previous_hash TEXT NOT NULL, hash TEXT NOT NULL)
                """,
                "CREATE INDEX audit_event_time ON audit_event(time_ms)",
                """
                CREATE FUNCTION audit_event_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """,
                """
                CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
                FOR EACH ROW EXECUTE FUNCTION audit_event_refuse()
                """,
                """
                CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse()
                """,
            ]
        )
    ]

    func append(_ event: NewAuditEvent) async throws -> AuditEvent {
        let logger = self.logger
        return try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                // Appends wait for each other longer than the store's short lock timeout (each holds the
                // lock for two statements); the row is read so a failure surfaces here, with its reason.
                try await connection.query("SET LOCAL lock_timeout = '60s'", logger: logger)
                for try await _ in try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit_event'))",
                    logger: logger
                ) {}
                var last: (sequence: Int64, hash: String)?
                let rows = try await connection.query(
                    "SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1",
                    logger: logger
                )
                for try await (sequence, hash) in rows.decode((Int64, String).self) { last = (sequence, hash) }
                let row = AuditEvent(event, after: last)
                try await connection.query(
                    """
                    INSERT INTO audit_event (sequence, time_ms, actor, action, target_kind, target_id, address, detail,
                                             previous_hash, hash)
                    VALUES (\(row.sequence), \(row.timeMilliseconds), \(row.actor), \(row.action), \(row.targetKind),
                            \(row.targetID), \(row.address), \(row.detail), \(row.previousHash), \(row.hash))
                    """,
                    logger: logger
                )
                return row
            }
        }
    }

    func events(_ filter: AuditFilter) async throws -> [AuditEvent] {
        let since = filter.since.map { Int64($0.timeIntervalSince1970 * 1000) }
        let action = filter.action?.rawValue
        let limit = max(0, filter.limit)
        let query: PostgresQuery = """
            SELECT sequence, time_ms, actor, action, target_kind, target_id, address, detail, previous_hash, hash
            FROM audit_event
            WHERE (\(since)::bigint IS NULL OR time_ms >= \(since)::bigint)
              AND (\(filter.actor)::text IS NULL OR actor = \(filter.actor)::text)
              AND (\(action)::text IS NULL OR action = \(action)::text)
            ORDER BY sequence DESC LIMIT \(limit)
            """
        return try await guarded { try await fetch(query) }
    }

    func verify() async throws -> AuditVerification {
        try await guarded {
            AuditVerification.check(
                try await fetch(
                    """
                    SELECT sequence, time_ms, actor, action, target_kind, target_id, address, detail, previous_hash, hash
                    FROM audit_event ORDER BY sequence
                    """
                )
            )
        }
    }

    private func fetch(_ query: PostgresQuery) async throws -> [AuditEvent] {
        let rows = try await client.query(query, logger: logger)
        var events: [AuditEvent] = []
        for try await row in rows.decode(
            (Int64, Int64, String?, String, String, String, String?, String, String, String).self
        ) {
            events.append(
                AuditEvent(
                    sequence: row.0,
                    timeMilliseconds: row.1,
                    actor: row.2,
                    action: row.3,
                    targetKind: row.4,
                    targetID: row.5,
                    address: row.6,
                    detail: row.7,
                    previousHash: row.8,
                    hash: row.9
                )
            )
        }
        return events
    }

    private func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do { return try await body() } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }
}

extension PostgresStore: AuditLogStore {
    /// The log in this store's schema, on its connection pool (`migrate()` created its table).
    public func auditLog() -> any AuditLog { PostgresAuditLog(client: client, endpoint: endpoint) }
}
