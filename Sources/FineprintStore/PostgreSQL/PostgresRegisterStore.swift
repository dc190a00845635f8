import FineprintRegister
import Foundation
import Logging
import PostgresNIO

/// The register's tables in PostgreSQL, the counterpart of `RegisterEntityRecord` and
/// `MetricSnapshotRecord`; recorded in `fineprint_migration` after the store's own steps.
enum PostgresRegisterSchema {
    static let migrations: [(name: String, sql: [String])] = [
        (
            "register v1: entities and metric snapshots",
            [
                """
                CREATE TABLE register_entity (
                    organisation TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,
                    PRIMARY KEY (organisation, kind, key))
                """,
                """
                CREATE TABLE register_metric_snapshot (
                    id BIGSERIAL PRIMARY KEY, organisation TEXT NOT NULL, taken_at TIMESTAMPTZ NOT NULL,
                    definition_version BIGINT NOT NULL, json TEXT NOT NULL)
                """,
                "CREATE INDEX register_metric_snapshot_organisation ON register_metric_snapshot(organisation)",
            ]
        ),
        (
            "register v2: a change marker per organisation",
            ["CREATE TABLE register_revision (organisation TEXT PRIMARY KEY, revision BIGINT NOT NULL)"]
        ),
    ]

    /// Bumps the organisation's marker inside the caller's transaction.
    static func bump(_ organisation: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO register_revision (organisation, revision) VALUES (\(organisation), 1)
            ON CONFLICT (organisation) DO UPDATE SET revision = register_revision.revision + 1
            """,
            logger: logger
        )
    }
}

extension PostgresStore: RegisterStore {
    public func loadRegister(organisation: String) async throws -> Register {
        try await guardedRegister {
            let rows = try await self.client.query(
                "SELECT kind, key, json FROM register_entity WHERE organisation = \(organisation)",
                logger: self.registerLogger
            )
            var found: [RegisterRows.Row] = []
            for try await (kind, key, json) in rows.decode((String, String, String).self) {
                found.append(RegisterRows.Row(kind: kind, key: key, json: json))
            }
            return try RegisterRows.register(found)
        }
    }

    /// One statement per table: the rows go in as three arrays unnested server-side, so a register
    /// of thousands of components is one round trip, not thousands.
    public func saveRegister(_ register: Register, organisation: String) async throws {
        let rows = try RegisterRows.rows(register)
        try await guardedRegister {
            try await self.client.withTransaction(logger: self.registerLogger) { connection in
                try await connection.query(
                    "DELETE FROM register_entity WHERE organisation = \(organisation)",
                    logger: self.registerLogger
                )
                try await connection.query(
                    """
                    INSERT INTO register_entity (organisation, kind, key, json)
                    SELECT \(organisation), k, e, j FROM UNNEST(\(rows.map(\.kind))::text[], \(rows.map(\.key))::text[],
                        \(rows.map(\.json))::text[]) AS r(k, e, j)
                    """,
                    logger: self.registerLogger
                )
                try await PostgresRegisterSchema.bump(organisation, on: connection, logger: self.registerLogger)
            }
        }
    }

    public func registerRevision(organisation: String) async throws -> Int64 {
        try await guardedRegister {
            let rows = try await self.client.query(
                "SELECT revision FROM register_revision WHERE organisation = \(organisation)",
                logger: self.registerLogger
            )
            for try await revision in rows.decode(Int64.self) { return revision }
            return 0
        }
    }

    public func saveMetricSnapshot(_ snapshot: MetricSnapshot) async throws -> Bool {
        let json = try RegisterRows.encode(snapshot)
        return try await guardedRegister {
            try await self.client.withTransaction(logger: self.registerLogger) { connection in
                // Snapshots of one organisation are taken one at a time, so "unless the latest says the same" holds.
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext('register_snapshot:' || \(snapshot.organisation)))",
                    logger: self.registerLogger
                )
                let rows = try await connection.query(
                    """
                    SELECT json FROM register_metric_snapshot WHERE organisation = \(snapshot.organisation)
                    ORDER BY id DESC LIMIT 1
                    """,
                    logger: self.registerLogger
                )
                for try await latest in rows.decode(String.self) {
                    if let metrics = try? RegisterRows.decodeMetrics(latest), metrics.sameValues(as: snapshot.metrics) {
                        return false
                    }
                }
                try await connection.query(
                    """
                    INSERT INTO register_metric_snapshot (organisation, taken_at, definition_version, json)
                    VALUES (\(snapshot.organisation), \(snapshot.takenAt), \(snapshot.metrics.definitionVersion), \(json))
                    """,
                    logger: self.registerLogger
                )
                try await PostgresRegisterSchema.bump(
                    snapshot.organisation,
                    on: connection,
                    logger: self.registerLogger
                )
                return true
            }
        }
    }

    public func metricSnapshots(organisation: String, limit: Int) async throws -> [MetricSnapshot] {
        try await guardedRegister {
            let rows = try await self.client.query(
                """
                SELECT organisation, taken_at, json FROM register_metric_snapshot WHERE organisation = \(organisation)
                ORDER BY id DESC LIMIT \(limit)
                """,
                logger: self.registerLogger
            )
            var snapshots: [MetricSnapshot] = []
            for try await (organisation, takenAt, json) in rows.decode((String, Date, String).self) {
                snapshots.append(
                    MetricSnapshot(
                        organisation: organisation,
                        takenAt: takenAt,
                        metrics: try RegisterRows.decodeMetrics(json)
                    )
                )
            }
            return snapshots
        }
    }

    private var registerLogger: Logger { Logger(label: "fineprint.store.postgres.register") }

    private func guardedRegister<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as StoreError { throw error } catch let error as DecodingError {
            throw StoreError.failed(detail: "a stored register row cannot be read: \(error)")
        } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }
}
