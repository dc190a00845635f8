import FineprintSignals
import Foundation
import Logging
import PostgresNIO

/// The signal store in PostgreSQL, in the store's schema and on its connection pool.
public struct PostgresSignalStore: SignalStore {
    private let database: PostgresSchemaAccess

    public init(client: PostgresClient, endpoint: PostgresEndpoint, logger: Logger? = nil) {
        database = PostgresSchemaAccess(
            client: client,
            endpoint: endpoint,
            logger: logger ?? Logger(label: "fineprint.signals.postgres")
        )
    }

    /// Recorded in `fineprint_migration` after the share ledger's steps.
    public static let migrations: [(name: String, sql: [String])] = [
        (
            SignalStoreSchema.migrationName,
            SignalStoreSchema.statements(blob: "BYTEA", time: "TIMESTAMPTZ", serial: "BIGSERIAL PRIMARY KEY")
        )
    ]

    public func addSnapshot(_ s: SignalSnapshot) async throws -> Bool {
        try await guarded {
            let rows = try await database.client.query(
                """
                INSERT INTO signal_snapshot (sha256, source, location, origin, retrieved_at, status, byte_count, bytes)
                VALUES (\(s.sha256), \(s.source), \(s.location), \(s.origin.rawValue), \(s.retrievedAt), \(s.status),
                    \(s.bytes.count), \(s.bytes))
                ON CONFLICT (sha256) DO NOTHING RETURNING sha256
                """,
                logger: database.logger
            )
            for try await _ in rows { return true }
            return false
        }
    }

    public func snapshot(sha256: String) async throws -> SignalSnapshot? {
        try await snapshotRows(
            """
            SELECT source, location, origin, retrieved_at, status, bytes FROM signal_snapshot WHERE sha256 = \(sha256)
            """
        ).first
    }

    public func snapshots(source: String?) async throws -> [SignalSnapshot] {
        if let source {
            return try await snapshotRows(
                """
                SELECT source, location, origin, retrieved_at, status, bytes FROM signal_snapshot
                WHERE source = \(source) ORDER BY retrieved_at, sha256
                """
            )
        }
        return try await snapshotRows(
            "SELECT source, location, origin, retrieved_at, status, bytes FROM signal_snapshot ORDER BY retrieved_at, sha256"
        )
    }

    private func snapshotRows(_ query: PostgresQuery) async throws -> [SignalSnapshot] {
        try await guarded {
            var out: [SignalSnapshot] = []
            let rows = try await database.client.query(query, logger: database.logger)
            for try await (source, location, origin, at, status, bytes) in rows.decode(
                (String, String, String, Date, Int?, Data).self
            ) {
                guard let o = SignalSnapshot.Origin(rawValue: origin) else {
                    throw SignalError("a snapshot of \(source) has an unknown origin \(origin)")
                }
                out.append(
                    SignalSnapshot(
                        source: source,
                        location: location,
                        origin: o,
                        retrievedAt: at,
                        status: status,
                        bytes: bytes
                    )
                )
            }
            return out
        }
    }

    public func item(id: String) async throws -> SignalItem? {
        try await jsonRows("SELECT json FROM signal_item WHERE id = \(id)", as: SignalItem.self).first
    }

    public func items(source: String?, state: SignalState?) async throws -> [SignalItem] {
        let s = state?.rawValue
        return try await jsonRows(
            """
            SELECT json FROM signal_item
            WHERE (\(source)::TEXT IS NULL OR source = \(source)) AND (\(s)::TEXT IS NULL OR state = \(s))
            ORDER BY last_changed DESC, id
            """,
            as: SignalItem.self
        )
    }

    public func saveItems(_ items: [SignalItem], revisions: [SignalRevision]) async throws {
        let encodedItems = try items.map { ($0, try SignalStoreSchema.encode($0)) }
        let encodedRevisions = try revisions.map { ($0, try SignalStoreSchema.encode($0)) }
        try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                for (i, json) in encodedItems { try await Self.upsert(i, json: json, on: connection, database.logger) }
                for (r, json) in encodedRevisions {
                    try await connection.query(
                        """
                        INSERT INTO signal_revision (item_id, revision, recorded_at, technical, json)
                        VALUES (\(r.itemId), \(r.revision), \(r.recordedAt), \(r.technical), \(json))
                        ON CONFLICT (item_id, revision) DO UPDATE SET json = excluded.json, technical = excluded.technical
                        """,
                        logger: database.logger
                    )
                }
            }
        }
    }

    private static func upsert(
        _ i: SignalItem,
        json: Data,
        on connection: PostgresConnection,
        _ logger: Logger
    )
        async throws
    {
        try await connection.query(
            """
            INSERT INTO signal_item (id, source, native_id, state, cluster, seeded, score, last_changed, json)
            VALUES (\(i.id), \(i.source), \(i.entry.nativeId), \(i.state.rawValue), \(i.cluster), \(i.seeded),
                \(i.relevance.score), \(i.lastChanged), \(json))
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, cluster = excluded.cluster, seeded = excluded.seeded,
                score = excluded.score, last_changed = excluded.last_changed, json = excluded.json
            """,
            logger: logger
        )
    }

    public func revisions(itemId: String) async throws -> [SignalRevision] {
        try await jsonRows(
            "SELECT json FROM signal_revision WHERE item_id = \(itemId) ORDER BY revision",
            as: SignalRevision.self
        )
    }

    public func decide(_ d: SignalDecision, state: SignalState) async throws -> Bool {
        try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                let rows = try await connection.query(
                    "SELECT json FROM signal_item WHERE id = \(d.itemId) FOR UPDATE",
                    logger: database.logger
                )
                var found: Data?
                for try await json in rows.decode(Data.self) { found = json }
                guard let found else { return false }
                var item = try SignalStoreSchema.decode(SignalItem.self, found)
                item.state = state
                try await Self.upsert(item, json: try SignalStoreSchema.encode(item), on: connection, database.logger)
                try await connection.query(
                    """
                    INSERT INTO signal_decision (item_id, action, decided_by, decided_at, reason, scored_relevant)
                    VALUES (\(d.itemId), \(d.action.rawValue), \(d.by), \(d.at), \(d.reason), \(d.scoredRelevant))
                    """,
                    logger: database.logger
                )
                return true
            }
        }
    }

    public func decisions(itemId: String?) async throws -> [SignalDecision] {
        try await guarded {
            let rows = try await database.client.query(
                """
                SELECT item_id, action, decided_by, decided_at, reason, scored_relevant FROM signal_decision
                WHERE \(itemId)::TEXT IS NULL OR item_id = \(itemId) ORDER BY id
                """,
                logger: database.logger
            )
            var out: [SignalDecision] = []
            for try await (item, action, by, at, reason, scored) in rows.decode(
                (String, String, String, Date, String, Bool).self
            ) {
                guard let a = SignalDecision.Action(rawValue: action) else {
                    throw SignalError("a decision with an unknown action \(action)")
                }
                out.append(
                    SignalDecision(itemId: item, action: a, by: by, at: at, reason: reason, scoredRelevant: scored)
                )
            }
            return out
        }
    }

    public func health(source: String) async throws -> SourceHealth? {
        try await jsonRows("SELECT json FROM signal_source_health WHERE source = \(source)", as: SourceHealth.self)
            .first
    }

    public func allHealth() async throws -> [SourceHealth] {
        try await jsonRows("SELECT json FROM signal_source_health ORDER BY source", as: SourceHealth.self)
    }

    public func saveHealth(_ h: SourceHealth) async throws {
        let json = try SignalStoreSchema.encode(h)
        _ = try await guarded {
            try await database.client.query(
                """
                INSERT INTO signal_source_health (source, json) VALUES (\(h.source), \(json))
                ON CONFLICT (source) DO UPDATE SET json = excluded.json
                """,
                logger: database.logger
            )
        }
    }

    public func logAttempt(_ a: FetchAttempt) async throws {
        _ = try await guarded {
            try await database.client.query(
                """
                INSERT INTO signal_fetch_attempt (source, attempted_at, url, status, byte_count, sha256, outcome)
                VALUES (\(a.source), \(a.at), \(a.url), \(a.status), \(a.bytes), \(a.sha256), \(a.outcome))
                """,
                logger: database.logger
            )
        }
    }

    public func attempts(source: String?, limit: Int) async throws -> [FetchAttempt] {
        let cap = max(0, limit)
        return try await guarded {
            let rows = try await database.client.query(
                """
                SELECT source, attempted_at, url, status, byte_count, sha256, outcome FROM signal_fetch_attempt
                WHERE \(source)::TEXT IS NULL OR source = \(source) ORDER BY id DESC LIMIT \(cap)
                """,
                logger: database.logger
            )
            var out: [FetchAttempt] = []
            for try await (s, at, url, status, bytes, sha, outcome) in rows.decode(
                (String, Date, String, Int?, Int, String?, String).self
            ) {
                out.append(
                    FetchAttempt(
                        source: s,
                        at: at,
                        url: url,
                        status: status,
                        bytes: bytes,
                        sha256: sha,
                        outcome: outcome
                    )
                )
            }
            return out
        }
    }

    private func jsonRows<T: Decodable & Sendable>(_ query: PostgresQuery, as type: T.Type) async throws -> [T] {
        try await guarded {
            var out: [T] = []
            let rows = try await database.client.query(query, logger: database.logger)
            for try await json in rows.decode(Data.self) { out.append(try SignalStoreSchema.decode(type, json)) }
            return out
        }
    }

    private func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await PostgresErrors.guarded(database.endpoint, passing: SignalError.self, body)
    }
}

extension PostgresStore: SignalStoreProvider {
    /// The signal store in this store's schema, on its connection pool (`migrate()` created its tables).
    public func signalStore() -> any SignalStore { PostgresSignalStore(client: client, endpoint: endpoint) }
}
