import FineprintCore
import Foundation
import GRDB

/// The matters' tables in SQLite and the statements shared by the store and the job queue.
enum SQLiteMatters {
    /// Matters, their members and documents; analyses and jobs gain a matter and analyses a
    /// public id. What was stored before goes into one default matter, which only admins see
    /// until an admin adds members to it.
    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("matters v1: matter, matter_member, matter_document, public ids") { db in
            try createTables(db)
            try moveEarlierWork(db)
            try db.create(index: "analysis_public", on: "analysis", columns: ["public_id"], unique: true)
            try db.create(index: "analysis_matter", on: "analysis", columns: ["matter_id", "id"])
        }
    }

    private static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE matter (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, created_at DATETIME NOT NULL,
                    retention_days INTEGER, is_default INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE matter_member (
                    matter_id TEXT NOT NULL REFERENCES matter(id) ON DELETE CASCADE,
                    user_name TEXT NOT NULL REFERENCES app_user(name) ON DELETE CASCADE,
                    role TEXT NOT NULL, PRIMARY KEY (matter_id, user_name));
                CREATE INDEX matter_member_user ON matter_member(user_name);
                CREATE TABLE matter_document (
                    id TEXT PRIMARY KEY, matter_id TEXT NOT NULL REFERENCES matter(id) ON DELETE CASCADE,
                    document_sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE CASCADE,
                    name TEXT NOT NULL, created_at DATETIME NOT NULL, UNIQUE (matter_id, document_sha256));
                CREATE INDEX matter_document_sha ON matter_document(document_sha256);
                ALTER TABLE analysis ADD COLUMN public_id TEXT;
                ALTER TABLE analysis ADD COLUMN matter_id TEXT REFERENCES matter(id);
                ALTER TABLE analysis_job ADD COLUMN matter_id TEXT REFERENCES matter(id);
                """
        )
    }

    /// The default matter, with every analysis, document and job stored so far in it.
    private static func moveEarlierWork(_ db: Database) throws {
        let matter = Matter(name: "Earlier work", kind: .other, isDefault: true)
        try insert(matter, db)
        try db.execute(sql: "UPDATE analysis SET matter_id = ?", arguments: [matter.id])
        try db.execute(sql: "UPDATE analysis_job SET matter_id = ?", arguments: [matter.id])
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM analysis") {
            try db.execute(sql: "UPDATE analysis SET public_id = ? WHERE id = ?", arguments: [PublicID.make(), id])
        }
        let documents = try Row.fetchAll(db, sql: "SELECT sha256, name, created_at FROM document")
        for row in documents {
            try db.execute(
                sql:
                    "INSERT INTO matter_document (id, matter_id, document_sha256, name, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    PublicID.make(), matter.id, row["sha256"] as String, row["name"] as String,
                    row["created_at"] as Date,
                ]
            )
        }
    }

    static func insert(_ matter: Matter, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO matter (id, name, kind, created_at, retention_days, is_default) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                matter.id, matter.name, matter.kind.rawValue, matter.createdAt, matter.retentionDays, matter.isDefault,
            ]
        )
    }

    static func matter(_ row: Row) throws -> Matter {
        let kindText: String = row["kind"]
        guard let kind = MatterKind(rawValue: kindText) else {
            throw StoreError.corrupt(
                path: "matter",
                detail: "matter \(row["id"] as String) has the unknown kind '\(kindText)'"
            )
        }
        return Matter(
            id: row["id"],
            name: row["name"],
            kind: kind,
            createdAt: row["created_at"],
            retentionDays: row["retention_days"],
            isDefault: row["is_default"]
        )
    }

    /// The matter an analysis goes to: the one named (which must exist), else the default one.
    static func resolve(_ matterID: String?, _ db: Database) throws -> String {
        if let matterID {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM matter WHERE id = ?", arguments: [matterID]) != nil else {
                throw StoreError.failed(detail: "there is no matter \(matterID)")
            }
            return matterID
        }
        guard let id = try String.fetchOne(db, sql: "SELECT id FROM matter WHERE is_default = 1 LIMIT 1") else {
            throw StoreError.corrupt(path: "matter", detail: "the default matter is missing")
        }
        return id
    }

    /// Enters the analysed document in the matter unless the matter already holds it.
    static func enterDocument(_ document: DocumentSummary, matterID: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO matter_document (id, matter_id, document_sha256, name, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (matter_id, document_sha256) DO NOTHING
                """,
            arguments: [PublicID.make(), matterID, document.sha256, document.name, Date()]
        )
    }

    static func jobMatter(_ jobID: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT matter_id FROM analysis_job WHERE id = ?", arguments: [jobID])
    }

    /// `AND column IN (…)` for a filter, with its arguments; nothing for `.all`.
    static func clause(_ filter: MatterFilter, column: String) -> (sql: String, arguments: StatementArguments) {
        guard let ids = filter.list else { return ("", []) }
        if ids.isEmpty { return (" AND 0", []) }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return (" AND \(column) IN (\(marks))", StatementArguments(ids))
    }

    static func document(_ row: Row) -> MatterDocument {
        MatterDocument(
            id: row["id"],
            matterID: row["matter_id"],
            sha256: row["document_sha256"],
            name: row["name"],
            createdAt: row["created_at"]
        )
    }

    static let documentColumns = "SELECT id, matter_id, document_sha256, name, created_at FROM matter_document"
}
