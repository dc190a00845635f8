import FineprintCore
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The server store for multi-user deployments: a PostgreSQL database reached through a pool of
/// connections (postgres-nio). Same behaviour as `SQLiteStore`: documents stored once by SHA-256,
/// every analysis a new row with one row per finding, and the knowledge index searched with
/// PostgreSQL's full-text search (weighted tsvector, prefix match on the last word, headlines).
///
/// Each store lives in one schema of the database (default `fineprint`), created and migrated by
/// `migrate()`, so one database can hold several independent workbenches (and each test its own).
///
/// The store is a `Service`: its connection pool works while `run()` runs, which the service group
/// owns (`app.addServices(store)`, then `migrate()` before the server starts). Outside a service
/// group, `withRunningStore` runs it for the duration of a closure.
public final class PostgresStore: Store, Service {
    public let endpoint: PostgresEndpoint
    let client: PostgresClient
    private let logger = Logger(label: "fineprint.store.postgres")

    /// Prepares the connection pool; nothing connects until `run()` runs.
    public init(endpoint: PostgresEndpoint) {
        self.endpoint = endpoint
        client = PostgresClient(configuration: endpoint.clientConfiguration)
    }

    /// Runs the connection pool until the task is cancelled or the service group shuts down
    /// gracefully; the pool's connections close when it returns.
    public func run() async throws { await client.run() }

    /// Connects and brings the schema up to date; call it once `run()` is running. Fails with
    /// `StoreError.cannotOpen` when the server cannot be reached or refuses the credentials.
    public func migrate() async throws {
        do {
            // One direct connection first: a wrong address or password then fails at once with the
            // server's own reason, where the pool would keep retrying until its circuit breaker trips.
            try await Self.probe(endpoint, logger: logger)
            try await PostgresSchema.migrate(client, schema: endpoint.schema, logger: logger)
        } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: true)
        }
    }

    /// Runs a store at `endpoint` while `body` runs: the pool starts, the schema is migrated, and
    /// when `body` returns or throws the pool stops. For tests and commands that run no service group.
    @discardableResult
    public static func withRunningStore<Result: Sendable>(
        endpoint: PostgresEndpoint,
        _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let store = PostgresStore(endpoint: endpoint)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            try await store.migrate()
            return try await body(store)
        }
    }

    private static func probe(_ endpoint: PostgresEndpoint, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: endpoint.connectionConfiguration,
            id: 0,
            logger: logger
        )
        try await connection.close()
    }

    // MARK: Documents

    public func saveDocument(_ document: NewDocument) async throws -> (document: StoredDocument, inserted: Bool) {
        try await guarded {
            let inserted = try await self.client.withConnection { connection in
                try await Self.insertDocumentIfAbsent(document, connection, logger: self.logger)
            }
            guard let stored = try await self.fetchDocument(document.sha256) else {
                throw StoreError.failed(detail: "document \(document.sha256) vanished after it was stored")
            }
            return (stored, inserted)
        }
    }

    public func document(sha256: String) async throws -> StoredDocument? {
        try await guarded { try await self.fetchDocument(sha256) }
    }

    public func documentBytes(sha256: String) async throws -> Data? {
        try await guarded {
            let rows = try await self.client.query(
                "SELECT bytes FROM document WHERE sha256 = \(sha256)",
                logger: self.logger
            )
            for try await bytes in rows.decode(Data.self) { return bytes }
            return nil
        }
    }

    private func fetchDocument(_ sha256: String) async throws -> StoredDocument? {
        let rows = try await client.query(
            """
            SELECT sha256, name, format, byte_count, text, created_at FROM document WHERE sha256 = \(sha256)
            """,
            logger: logger
        )
        return try await Self.storedDocuments(rows).first
    }

    /// The documents of rows selected as `sha256, name, format, byte_count, text, created_at`.
    static func storedDocuments(_ rows: PostgresRowSequence) async throws -> [StoredDocument] {
        var documents: [StoredDocument] = []
        for try await (sha, name, format, count, text, created) in rows.decode(
            (String, String, String, Int, String, Date).self
        ) {
            documents.append(
                StoredDocument(
                    sha256: sha,
                    name: name,
                    format: DocumentFormat(rawValue: format) ?? .txt,
                    byteCount: count,
                    text: text,
                    createdAt: created
                )
            )
        }
        return documents
    }

    // MARK: Analyses

    /// Stores it in the default matter (`saveAnalysis(_:matterID:)` chooses one).
    public func saveAnalysis(_ analysis: Analysis) async throws -> AnalysisSummary {
        try await saveAnalysis(analysis, matterID: nil)
    }

    public func saveAnalysis(_ analysis: Analysis, matterID: String?) async throws -> AnalysisSummary {
        let json = try AnalysisJSON.encode(analysis)
        let logger = self.logger
        return try await guarded {
            try await self.client.withTransaction(logger: logger) { connection in
                try await Self.insertAnalysis(analysis, json: json, matterID: matterID, connection, logger: logger)
            }
        }
    }

    public func analysis(id: Int64) async throws -> StoredAnalysis? {
        try await guarded {
            let rows = try await self.client.query(
                PostgresQuery(
                    unsafeSQL: Self.summarySelect + ", json FROM analysis WHERE id = $1",
                    binds: Self.binds(id)
                ),
                logger: self.logger
            )
            for try await row in rows.decode(
                (Int64, String, String, String, Int, Int, Int, Date, String, String, Data).self
            ) {
                let analysis = try AnalysisJSON.decode(row.10)
                return StoredAnalysis(
                    summary: Self.summary((row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9)),
                    analysis: analysis
                )
            }
            return nil
        }
    }

    public func analyses(limit: Int, offset: Int) async throws -> [AnalysisSummary] {
        try await guarded {
            let rows = try await self.client.query(
                PostgresQuery(
                    unsafeSQL: Self.summarySelect + " FROM analysis ORDER BY id DESC LIMIT $1 OFFSET $2",
                    binds: Self.binds(limit, offset)
                ),
                logger: self.logger
            )
            var list: [AnalysisSummary] = []
            for try await row in rows.decode(Self.SummaryRow.self) { list.append(Self.summary(row)) }
            return list
        }
    }

    public func analysisCount() async throws -> Int {
        try await guarded {
            let rows = try await self.client.query("SELECT COUNT(*) FROM analysis", logger: self.logger)
            for try await count in rows.decode(Int.self) { return count }
            return 0
        }
    }

    static let summarySelect =
        "SELECT id, document_sha256, document_name, profile, score, gaps, moves, created_at, public_id, matter_id"
    typealias SummaryRow = (Int64, String, String, String, Int, Int, Int, Date, String, String)

    static func summary(_ row: SummaryRow) -> AnalysisSummary {
        AnalysisSummary(
            id: row.0,
            documentSha256: row.1,
            documentName: row.2,
            profile: row.3,
            score: row.4,
            gaps: row.5,
            moves: row.6,
            createdAt: row.7,
            publicId: row.8,
            matterId: row.9
        )
    }

    // MARK: Knowledge

    public func replaceKnowledge(_ entries: [KnowledgeEntry]) async throws {
        let logger = self.logger
        try await guarded {
            try await self.client.withTransaction(logger: logger) { connection in
                try await connection.query("DELETE FROM knowledge", logger: logger)
                for entry in entries {
                    try await connection.query(
                        """
                        INSERT INTO knowledge (kind, id, title, summary, body, tags)
                        VALUES (\(entry.kind), \(entry.id), \(entry.title), \(entry.summary), \(entry.body),
                                \(entry.tags.joined(separator: " ")))
                        """,
                        logger: logger
                    )
                }
            }
        }
    }

    public func searchKnowledge(_ query: KnowledgeQuery) async throws -> [KnowledgeHit] {
        let search = PostgresKnowledgeSearch(query)
        return try await guarded {
            let rows = try await self.client.query(search.statement(), logger: self.logger)
            var hits: [KnowledgeHit] = []
            for try await (kind, id, title, summary, body, tags, snippet)
                in rows.decode((String, String, String, String, String, String, String?).self)
            {
                let record = KnowledgeRecord(kind: kind, id: id, title: title, summary: summary, body: body, tags: tags)
                hits.append(KnowledgeHit(entry: record.entry, snippet: snippet))
            }
            return hits
        }
    }

    public func knowledgeEntry(kind: String, id: String) async throws -> KnowledgeEntry? {
        try await guarded {
            let rows = try await self.client.query(
                "SELECT kind, id, title, summary, body, tags FROM knowledge WHERE kind = \(kind) AND id = \(id)",
                logger: self.logger
            )
            for try await (kind, id, title, summary, body, tags) in rows.decode(
                (String, String, String, String, String, String).self
            ) {
                return KnowledgeRecord(kind: kind, id: id, title: title, summary: summary, body: body, tags: tags).entry
            }
            return nil
        }
    }

    public func knowledgeCounts() async throws -> [String: Int] {
        try await guarded {
            let rows = try await self.client.query(
                "SELECT kind, COUNT(*) FROM knowledge GROUP BY kind",
                logger: self.logger
            )
            var counts: [String: Int] = [:]
            for try await (kind, count) in rows.decode((String, Int).self) { counts[kind] = count }
            return counts
        }
    }

    // MARK: Plumbing

    static func binds(_ values: any PostgresDynamicTypeEncodable...) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { binds.append(value) }
        return binds
    }

    /// Runs a store operation and turns driver and server errors into `StoreError`s that say what to do.
    func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do { return try await body() } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }
}

extension PostgresStore: JobQueueStore {
    /// The queue in this store's schema, on its connection pool (`migrate()` created its tables).
    public func jobQueue() -> any JobQueue { PostgresJobQueue(client: client, endpoint: endpoint) }
}
