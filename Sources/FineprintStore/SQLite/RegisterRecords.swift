import FineprintRegister
import Foundation
import GRDB

/// A row of `register_entity`: one entity of one organisation's register.
struct RegisterEntityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "register_entity"
    var organisation: String
    var kind: String
    var key: String
    var json: String

    enum Columns {
        static let organisation = Column(CodingKeys.organisation)
    }
}

/// A row of `register_metric_snapshot`.
struct MetricSnapshotRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "register_metric_snapshot"
    var id: Int64?
    var organisation: String
    var takenAt: Date
    var definitionVersion: Int
    var json: String

    enum CodingKeys: String, CodingKey {
        case id, organisation, json
        case takenAt = "taken_at"
        case definitionVersion = "definition_version"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let organisation = Column(CodingKeys.organisation)
    }

    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("register v1: entities and metric snapshots") { db in
            try db.create(table: "register_entity") { t in
                t.column("organisation", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("key", .text).notNull()
                t.column("json", .text).notNull()
                t.primaryKey(["organisation", "kind", "key"])
            }
            try db.create(table: "register_metric_snapshot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("organisation", .text).notNull().indexed()
                t.column("taken_at", .datetime).notNull()
                t.column("definition_version", .integer).notNull()
                t.column("json", .text).notNull()
            }
        }
    }
}

/// `register_revision`: one change marker per organisation (see `RegisterStore.registerRevision`).
enum RegisterRevisionRecord {
    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("register v2: a change marker per organisation") { db in
            try db.create(table: "register_revision") { t in
                t.primaryKey("organisation", .text)
                t.column("revision", .integer).notNull()
            }
        }
    }

    /// Bumps the organisation's marker; called inside the write's own transaction.
    static func bump(_ organisation: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO register_revision (organisation, revision) VALUES (?, 1)
                ON CONFLICT (organisation) DO UPDATE SET revision = revision + 1
                """,
            arguments: [organisation]
        )
    }
}

extension SQLiteStore: RegisterStore {
    public func loadRegister(organisation: String) async throws -> Register {
        let records = try await readRows { db in
            try RegisterEntityRecord.filter(RegisterEntityRecord.Columns.organisation == organisation).fetchAll(db)
        }
        return try RegisterRows.register(records.map { RegisterRows.Row(kind: $0.kind, key: $0.key, json: $0.json) })
    }

    public func saveRegister(_ register: Register, organisation: String) async throws {
        let rows = try RegisterRows.rows(register)
        try await writeRows { db in
            try RegisterEntityRecord.filter(RegisterEntityRecord.Columns.organisation == organisation).deleteAll(db)
            for row in rows {
                try RegisterEntityRecord(organisation: organisation, kind: row.kind, key: row.key, json: row.json)
                    .insert(db)
            }
            try RegisterRevisionRecord.bump(organisation, in: db)
        }
    }

    public func saveMetricSnapshot(_ snapshot: MetricSnapshot) async throws -> Bool {
        let json = try RegisterRows.encode(snapshot)
        return try await writeRows { db in
            let latest = try MetricSnapshotRecord.filter(
                MetricSnapshotRecord.Columns.organisation == snapshot.organisation
            )
            .order(MetricSnapshotRecord.Columns.id.desc).fetchOne(db)
            if let latest, let metrics = try? RegisterRows.decodeMetrics(latest.json),
                metrics.sameValues(as: snapshot.metrics)
            {
                return false
            }
            try MetricSnapshotRecord(
                id: nil,
                organisation: snapshot.organisation,
                takenAt: snapshot.takenAt,
                definitionVersion: snapshot.metrics.definitionVersion,
                json: json
            ).insert(db)
            try RegisterRevisionRecord.bump(snapshot.organisation, in: db)
            return true
        }
    }

    public func registerRevision(organisation: String) async throws -> Int64 {
        try await readRows { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT revision FROM register_revision WHERE organisation = ?",
                arguments: [organisation]
            ) ?? 0
        }
    }

    public func metricSnapshots(organisation: String, limit: Int) async throws -> [MetricSnapshot] {
        let records = try await readRows { db in
            try MetricSnapshotRecord.filter(MetricSnapshotRecord.Columns.organisation == organisation)
                .order(MetricSnapshotRecord.Columns.id.desc).limit(limit).fetchAll(db)
        }
        return try records.map { record in
            MetricSnapshot(
                organisation: record.organisation,
                takenAt: record.takenAt,
                metrics: try RegisterRows.decodeMetrics(record.json)
            )
        }
    }
}
