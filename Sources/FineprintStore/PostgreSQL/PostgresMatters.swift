import FineprintCore
import Foundation
import Logging
import PostgresNIO

/// The matters' tables in PostgreSQL and the statements shared by the store and the job queue;
/// the counterpart of `SQLiteMatters`.
enum PostgresMatters {
    /// A random public id made by the server (`gen_random_uuid` draws from a strong source): 32 hex digits.
    private static let randomID = "replace(gen_random_uuid()::text, '-', '')"
    private static let defaultMatter = "(SELECT id FROM matter WHERE is_default LIMIT 1)"

    /// Matters, members and documents; what was stored before goes into one default matter, which
    /// only admins see until an admin adds members to it.
    static let migrations: [(name: String, sql: [String])] = [
        (
            "matters v1: matter, matter_member, matter_document, public ids",
            [
                """
                CREATE TABLE matter (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL,
                    retention_days BIGINT, is_default BOOLEAN NOT NULL DEFAULT FALSE)
                """,
                """
                CREATE TABLE matter_member (
                    matter_id TEXT NOT NULL REFERENCES matter(id) ON DELETE CASCADE,
                    user_name TEXT NOT NULL REFERENCES app_user(name) ON DELETE CASCADE,
                    role TEXT NOT NULL, PRIMARY KEY (matter_id, user_name))
                """,
                "CREATE INDEX matter_member_user ON matter_member(user_name)",
                """
                CREATE TABLE matter_document (
                    id TEXT PRIMARY KEY, matter_id TEXT NOT NULL REFERENCES matter(id) ON DELETE CASCADE,
                    document_sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE CASCADE,
                    name TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, UNIQUE (matter_id, document_sha256))
                """,
                "CREATE INDEX matter_document_sha ON matter_document(document_sha256)",
                """
                INSERT INTO matter (id, name, kind, created_at, is_default)
                VALUES (\(randomID), 'Earlier work', 'other', now(), TRUE)
                """,
                "ALTER TABLE analysis ADD COLUMN public_id TEXT, ADD COLUMN matter_id TEXT REFERENCES matter(id)",
                "UPDATE analysis SET public_id = \(randomID), matter_id = \(defaultMatter)",
                "ALTER TABLE analysis ALTER COLUMN public_id SET NOT NULL, ALTER COLUMN matter_id SET NOT NULL",
                "CREATE UNIQUE INDEX analysis_public ON analysis(public_id)",
                "CREATE INDEX analysis_matter ON analysis(matter_id, id)",
                "ALTER TABLE analysis_job ADD COLUMN matter_id TEXT REFERENCES matter(id)",
                "UPDATE analysis_job SET matter_id = \(defaultMatter)",
                """
                INSERT INTO matter_document (id, matter_id, document_sha256, name, created_at)
                SELECT \(randomID), \(defaultMatter), sha256, name, created_at FROM document
                """,
            ]
        )
    ]

    static let matterColumns = "SELECT id, name, kind, created_at, retention_days, is_default FROM matter"
    typealias MatterRow = (String, String, String, Date, Int?, Bool)

    static func matter(_ row: MatterRow) throws -> Matter {
        guard let kind = MatterKind(rawValue: row.2) else {
            throw StoreError.corrupt(path: "matter", detail: "matter \(row.0) has the unknown kind '\(row.2)'")
        }
        return Matter(id: row.0, name: row.1, kind: kind, createdAt: row.3, retentionDays: row.4, isDefault: row.5)
    }

    static let documentColumns = "SELECT id, matter_id, document_sha256, name, created_at FROM matter_document"
    typealias DocumentRow = (String, String, String, String, Date)

    static func document(_ row: DocumentRow) -> MatterDocument {
        MatterDocument(id: row.0, matterID: row.1, sha256: row.2, name: row.3, createdAt: row.4)
    }

    /// The matter an analysis goes to: the one named (which must exist), else the default one.
    static func resolve(_ matterID: String?, _ connection: PostgresConnection, logger: Logger) async throws -> String {
        let rows =
            if let matterID {
                try await connection.query("SELECT id FROM matter WHERE id = \(matterID)", logger: logger)
            } else {
                try await connection.query("SELECT id FROM matter WHERE is_default LIMIT 1", logger: logger)
            }
        for try await id in rows.decode(String.self) { return id }
        if let matterID { throw StoreError.failed(detail: "there is no matter \(matterID)") }
        throw StoreError.corrupt(path: "matter", detail: "the default matter is missing")
    }

    /// Enters the analysed document in the matter unless the matter already holds it.
    static func enterDocument(
        _ document: DocumentSummary,
        matterID: String,
        _ connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO matter_document (id, matter_id, document_sha256, name, created_at)
            VALUES (\(PublicID.make()), \(matterID), \(document.sha256), \(document.name), \(Date()))
            ON CONFLICT (matter_id, document_sha256) DO NOTHING
            """,
            logger: logger
        )
    }

    static func jobMatter(_ jobID: String, _ connection: PostgresConnection, logger: Logger) async throws -> String? {
        let rows = try await connection.query("SELECT matter_id FROM analysis_job WHERE id = \(jobID)", logger: logger)
        for try await id in rows.decode(String?.self) { return id }
        return nil
    }
}
