import GRDB

/// The SQLite schema, one migration per step, in the order they apply. A migration that has
/// shipped is never edited: databases in the field recorded it by name, so a change is a new step.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, analyses, findings, knowledge index", migrate: createTables)
        migrator.registerMigration("v2: snake_case names as in PostgreSQL, FTS5 synchronized by triggers") { db in
            try renameToSnakeCase(db)
            try createKnowledgeIndex(db)
        }
        // The job queue's tables live in the same database file as the analyses they produce.
        SQLiteJobQueue.registerMigrations(in: &migrator)
        AccountRecords.registerMigrations(in: &migrator)
        SQLiteAuditLog.registerMigrations(in: &migrator)
        // The dependency register's tables, in the same file.
        MetricSnapshotRecord.registerMigrations(in: &migrator)
        SQLiteShareLedger.registerMigrations(in: &migrator)
        SQLiteMatters.registerMigrations(in: &migrator)
        SQLiteSignalStore.registerMigrations(in: &migrator)
        // People's reviews of analyses, beside the analyses they review.
        SQLiteReviewStore.registerMigrations(in: &migrator)
        RegisterRevisionRecord.registerMigrations(in: &migrator)
        return migrator
    }

    /// The first schema, as it shipped (camelCase names, renamed by v2).
    private static func createTables(_ db: Database) throws {
        try db.create(table: "document") { t in
            t.primaryKey("sha256", .text)
            t.column("name", .text).notNull()
            t.column("format", .text).notNull()
            t.column("byteCount", .integer).notNull()
            t.column("bytes", .blob).notNull()
            t.column("text", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "analysis") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("documentSha256", .text).notNull().indexed().references("document", onDelete: .cascade)
            t.column("documentName", .text).notNull()
            t.column("profile", .text).notNull()
            t.column("score", .integer).notNull()
            t.column("gaps", .integer).notNull()
            t.column("moves", .integer).notNull()
            t.column("createdAt", .datetime).notNull().indexed()
            t.column("json", .blob).notNull()
        }
        try db.create(table: "finding") { t in
            t.column("analysisId", .integer).notNull().indexed().references("analysis", onDelete: .cascade)
            t.column("provision", .text).notNull().indexed()
            t.column("dimension", .text).notNull()
            t.column("status", .text).notNull()
            t.column("strength", .text)
            t.column("value", .text)
            t.column("confidence", .double).notNull()
        }
        try db.create(table: "moveFinding") { t in
            t.column("analysisId", .integer).notNull().indexed().references("analysis", onDelete: .cascade)
            t.column("move", .text).notNull().indexed()
            t.column("confidence", .double).notNull()
        }
        try db.create(table: "knowledge") { t in
            t.column("kind", .text).notNull()
            t.column("id", .text).notNull()
            t.column("title", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("body", .text).notNull()
            t.column("tags", .text).notNull()
            t.primaryKey(["kind", "id"])
        }
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE knowledgeText USING fts5(
                    title, summary, body, tags, content='knowledge', tokenize='porter unicode61 remove_diacritics 2')
                """
        )
    }

    /// Tables and columns take PostgreSQL's names, so both stores share one vocabulary; indexes
    /// are remade under the names PostgreSQL gives them. Rows stay where they are.
    private static func renameToSnakeCase(_ db: Database) throws {
        try db.alter(table: "document") { t in
            t.rename(column: "byteCount", to: "byte_count")
            t.rename(column: "createdAt", to: "created_at")
        }
        try db.alter(table: "analysis") { t in
            t.rename(column: "documentSha256", to: "document_sha256")
            t.rename(column: "documentName", to: "document_name")
            t.rename(column: "createdAt", to: "created_at")
        }
        try db.alter(table: "finding") { t in t.rename(column: "analysisId", to: "analysis_id") }
        try db.rename(table: "moveFinding", to: "move_finding")
        try db.alter(table: "move_finding") { t in t.rename(column: "analysisId", to: "analysis_id") }
        let indexes: [(old: String, new: String, table: String, column: String)] = [
            ("analysis_on_documentSha256", "analysis_document", "analysis", "document_sha256"),
            ("analysis_on_createdAt", "analysis_created", "analysis", "created_at"),
            ("finding_on_analysisId", "finding_analysis", "finding", "analysis_id"),
            ("finding_on_provision", "finding_provision", "finding", "provision"),
            ("moveFinding_on_analysisId", "move_finding_analysis", "move_finding", "analysis_id"),
            ("moveFinding_on_move", "move_finding_move", "move_finding", "move"),
        ]
        for index in indexes {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index.old.quotedDatabaseIdentifier)")
            try db.create(index: index.new, on: index.table, columns: [index.column])
        }
    }

    /// The knowledge index as GRDB keeps it: an FTS5 table over the `knowledge` rows, updated by
    /// triggers, so writing a knowledge row is all it takes. Column order sets the bm25 weights.
    private static func createKnowledgeIndex(_ db: Database) throws {
        try db.drop(table: "knowledgeText")
        try db.create(virtualTable: "knowledge_fts", using: FTS5()) { t in
            t.synchronize(withTable: "knowledge")
            t.tokenizer = .porter(wrapping: .unicode61(diacritics: .remove))
            t.column("title")
            t.column("summary")
            t.column("body")
            t.column("tags")
        }
    }
}
