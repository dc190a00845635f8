import Logging
import PostgresNIO

/// The PostgreSQL schema and its migrations, the counterpart of `SQLiteMigrations`: numbered
/// steps recorded in `fineprint_migration`, applied in one transaction under an advisory lock so
/// that two servers starting at once do not both migrate.
enum PostgresSchema {
    /// The store's steps, then the job queue's, the accounts', the audit log's, the register's and the share ledger's
    /// (recorded in the same table, in the same schema).
    static var migrations: [(name: String, sql: [String])] {
        storeMigrations + PostgresJobQueue.migrations + PostgresStore.accountMigrations + PostgresAuditLog.migrations
            + PostgresRegisterSchema.migrations + PostgresShareLedger.migrations + PostgresMatters.migrations
            + PostgresSignalStore.migrations + PostgresReviewStore.migrations
    }

    static let storeMigrations: [(name: String, sql: [String])] = [
        (
            "v1: documents, analyses, findings, knowledge index",
            [
                """
                CREATE TABLE document (
                    sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, format TEXT NOT NULL, byte_count BIGINT NOT NULL,
                    bytes BYTEA NOT NULL, text TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)
                """,
                """
                CREATE TABLE analysis (
                    id BIGSERIAL PRIMARY KEY,
                    document_sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE CASCADE,
                    document_name TEXT NOT NULL, profile TEXT NOT NULL, score BIGINT NOT NULL, gaps BIGINT NOT NULL,
                    moves BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL, json BYTEA NOT NULL)
                """,
                "CREATE INDEX analysis_document ON analysis(document_sha256)",
                "CREATE INDEX analysis_created ON analysis(created_at)",
                """
                CREATE TABLE finding (
                    analysis_id BIGINT NOT NULL REFERENCES analysis(id) ON DELETE CASCADE, provision TEXT NOT NULL,
                    dimension TEXT NOT NULL, status TEXT NOT NULL, strength TEXT, value TEXT, confidence DOUBLE PRECISION NOT NULL)
                """,
                "CREATE INDEX finding_analysis ON finding(analysis_id)",
                "CREATE INDEX finding_provision ON finding(provision)",
                """
                CREATE TABLE move_finding (
                    analysis_id BIGINT NOT NULL REFERENCES analysis(id) ON DELETE CASCADE, move TEXT NOT NULL,
                    confidence DOUBLE PRECISION NOT NULL)
                """,
                "CREATE INDEX move_finding_analysis ON move_finding(analysis_id)",
                "CREATE INDEX move_finding_move ON move_finding(move)",
                // The search vector weighs a title match most, then the summary, tags, and the body, as
                // the SQLite store's bm25 weights do.
                """
                CREATE TABLE knowledge (
                    kind TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    search TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
                        || setweight(to_tsvector('english', tags), 'C') || setweight(to_tsvector('english', body), 'D')) STORED,
                    PRIMARY KEY (kind, id))
                """,
                "CREATE INDEX knowledge_search ON knowledge USING GIN (search)",
            ]
        )
    ]

    static func migrate(_ client: PostgresClient, schema: String, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            // Servers migrating the same schema wait for each other as long as a migration takes (a
            // migrating server that dies releases the lock with its transaction); other schemas are not
            // held up. The row is read so that a failure surfaces here, not at the next statement. The
            // migration's own statements then wait on table locks at most 120 s.
            try await connection.query("SET LOCAL lock_timeout = 0", logger: logger)
            for try await _ in try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext(\(schema)))",
                logger: logger
            ) {}
            try await connection.query("SET LOCAL lock_timeout = '120s'", logger: logger)
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""),
                logger: logger
            )
            try await connection.query(
                PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \"\(schema)\""),
                logger: logger
            )
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS fineprint_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """,
                logger: logger
            )
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM fineprint_migration", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.sql {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO fineprint_migration (name) VALUES (\(migration.name))",
                    logger: logger
                )
            }
        }
    }
}
