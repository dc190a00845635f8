import FineprintCore
import Foundation
import GRDB

/// The embedded store: one SQLite file (WAL mode) opened through GRDB, with versioned migrations.
public final class SQLiteStore: Store {
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// `busyTimeout` is how long a write waits for another process's lock before giving up.
    public init(path: String, busyTimeout: TimeInterval = 5) throws {
        self.path = path
        var configuration = Configuration()
        // Another writer holding the lock briefly is normal; wait for it rather than failing at once.
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, detail: "\(error)")
        }
    }

    /// The data folder's database: `<dataDirectory>/fineprint.sqlite`.
    public convenience init(dataDirectory: URL) throws {
        try self.init(path: dataDirectory.appendingPathComponent("fineprint.sqlite").path)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, analyses, findings, knowledge index") { db in
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
                // The name this upload carried (the same bytes may come back under another name).
                t.column("documentName", .text).notNull()
                t.column("profile", .text).notNull()
                t.column("score", .integer).notNull()
                t.column("gaps", .integer).notNull()
                t.column("moves", .integer).notNull()
                t.column("createdAt", .datetime).notNull().indexed()
                // The whole analysis as its JSON schema (fineprint.analysis/1) describes it.
                t.column("json", .blob).notNull()
            }
            // One row per provision finding, so findings can be queried across analyses.
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
            // Full-text index over the knowledge table (external content: the text is stored once).
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE knowledgeText USING fts5(
                        title, summary, body, tags, content='knowledge', tokenize='porter unicode61 remove_diacritics 2')
                    """
            )
        }
        return migrator
    }

    // MARK: Documents

    public func saveDocument(_ document: NewDocument) async throws -> (document: StoredDocument, inserted: Bool) {
        try await write { db in
            if let existing = try Self.fetchDocument(db, sha256: document.sha256) { return (existing, false) }
            let now = Date()
            try db.execute(
                sql: """
                    INSERT INTO document (sha256, name, format, byteCount, bytes, text, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    document.sha256, document.name, document.format.rawValue, document.bytes.count,
                    document.bytes, document.text, now,
                ]
            )
            return (try Self.fetchDocument(db, sha256: document.sha256)!, true)
        }
    }

    public func document(sha256: String) async throws -> StoredDocument? {
        try await read { db in try Self.fetchDocument(db, sha256: sha256) }
    }

    public func documentBytes(sha256: String) async throws -> Data? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT bytes FROM document WHERE sha256 = ?", arguments: [sha256])?["bytes"]
        }
    }

    static func fetchDocument(_ db: Database, sha256: String) throws -> StoredDocument? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT sha256, name, format, byteCount, text, createdAt FROM document WHERE sha256 = ?
                    """,
                arguments: [sha256]
            )
        else { return nil }
        let formatName: String = row["format"]
        return StoredDocument(
            sha256: row["sha256"],
            name: row["name"],
            format: DocumentFormat(rawValue: formatName) ?? .txt,
            byteCount: row["byteCount"],
            text: row["text"],
            createdAt: row["createdAt"]
        )
    }

    // MARK: Analyses

    public func saveAnalysis(_ analysis: Analysis) async throws -> AnalysisSummary {
        let json = try Self.encoder.encode(analysis)
        return try await write { db in
            guard let document = try Self.fetchDocument(db, sha256: analysis.document.sha256) else {
                throw StoreError.unknownDocument(sha256: analysis.document.sha256)
            }
            let now = Date()
            try db.execute(
                sql: """
                    INSERT INTO analysis (documentSha256, documentName, profile, score, gaps, moves, createdAt, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    document.sha256, analysis.document.name, analysis.profile, analysis.score, analysis.gaps.count,
                    analysis.killListMoves.count, now, json,
                ]
            )
            let id = db.lastInsertedRowID
            for finding in analysis.provisions {
                try db.execute(
                    sql: """
                        INSERT INTO finding (analysisId, provision, dimension, status, strength, value, confidence)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, finding.id, finding.dimension, finding.status.rawValue,
                        finding.strength?.rawValue, finding.value, finding.confidence,
                    ]
                )
            }
            for move in analysis.killListMoves {
                try db.execute(
                    sql: "INSERT INTO moveFinding (analysisId, move, confidence) VALUES (?, ?, ?)",
                    arguments: [id, move.id, move.confidence]
                )
            }
            return AnalysisSummary(
                id: id,
                documentSha256: document.sha256,
                documentName: analysis.document.name,
                profile: analysis.profile,
                score: analysis.score,
                gaps: analysis.gaps.count,
                moves: analysis.killListMoves.count,
                createdAt: now
            )
        }
    }

    public func analysis(id: Int64) async throws -> StoredAnalysis? {
        let found: (AnalysisSummary, Data)? = try await read { db in
            guard let row = try Row.fetchOne(db, sql: Self.fullSelect + " WHERE a.id = ?", arguments: [id]) else {
                return nil
            }
            return (Self.summary(row), row["json"])
        }
        guard let (summary, json) = found else { return nil }
        let analysis = try Self.decoder.decode(Analysis.self, from: json)
        return StoredAnalysis(summary: summary, analysis: analysis)
    }

    public func analyses(limit: Int, offset: Int) async throws -> [AnalysisSummary] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: Self.summarySelect + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
                arguments: [limit, offset]
            ).map(Self.summary)
        }
    }

    public func analysisCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM analysis") ?? 0 }
    }

    static let summarySelect = """
        SELECT a.id, a.documentSha256, a.documentName, a.profile, a.score, a.gaps, a.moves, a.createdAt
        FROM analysis a
        """
    static let fullSelect = """
        SELECT a.id, a.documentSha256, a.documentName, a.profile, a.score, a.gaps, a.moves, a.createdAt, a.json
        FROM analysis a
        """

    static func summary(_ row: Row) -> AnalysisSummary {
        AnalysisSummary(
            id: row["id"],
            documentSha256: row["documentSha256"],
            documentName: row["documentName"],
            profile: row["profile"],
            score: row["score"],
            gaps: row["gaps"],
            moves: row["moves"],
            createdAt: row["createdAt"]
        )
    }

    // MARK: Knowledge

    public func replaceKnowledge(_ entries: [KnowledgeEntry]) async throws {
        try await write { db in
            try db.execute(sql: "INSERT INTO knowledgeText(knowledgeText) VALUES ('delete-all')")
            try db.execute(sql: "DELETE FROM knowledge")
            for entry in entries {
                try db.execute(
                    sql: """
                        INSERT INTO knowledge (kind, id, title, summary, body, tags) VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.kind, entry.id, entry.title, entry.summary, entry.body,
                        entry.tags.joined(separator: " "),
                    ]
                )
            }
            try db.execute(sql: "INSERT INTO knowledgeText(knowledgeText) VALUES ('rebuild')")
        }
    }

    public func searchKnowledge(_ query: KnowledgeQuery) async throws -> [KnowledgeHit] {
        let match = Self.matchExpression(query.words)
        return try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let match {
                conditions.append("knowledgeText MATCH ?")
                _ = arguments.append(contentsOf: [match])
            }
            if let kind = query.kind {
                conditions.append("k.kind = ?")
                _ = arguments.append(contentsOf: [kind])
            }
            if let tag = query.tag {
                conditions.append("(' ' || k.tags || ' ') LIKE ?")
                _ = arguments.append(contentsOf: ["% \(tag) %"])
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            _ = arguments.append(contentsOf: [query.limit])
            let sql: String
            if match != nil {
                // bm25 weights: a match in the title counts most, then the summary.
                sql = """
                    SELECT k.kind, k.id, k.title, k.summary, k.body, k.tags,
                           snippet(knowledgeText, -1, char(1), char(2), '…', 24) AS snippet
                    FROM knowledgeText JOIN knowledge k ON k.rowid = knowledgeText.rowid\(whereClause)
                    ORDER BY bm25(knowledgeText, 10.0, 4.0, 1.0, 2.0) LIMIT ?
                    """
            } else {
                sql =
                    "SELECT k.kind, k.id, k.title, k.summary, k.body, k.tags, NULL AS snippet FROM knowledge k"
                    + whereClause + " ORDER BY k.kind, k.title LIMIT ?"
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                KnowledgeHit(entry: Self.entry(row), snippet: row["snippet"])
            }
        }
    }

    public func knowledgeEntry(kind: String, id: String) async throws -> KnowledgeEntry? {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT kind, id, title, summary, body, tags FROM knowledge WHERE kind = ? AND id = ?",
                arguments: [kind, id]
            ).map(Self.entry)
        }
    }

    public func knowledgeCounts() async throws -> [String: Int] {
        try await read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM knowledge GROUP BY kind") {
                counts[row["kind"]] = row["n"]
            }
            return counts
        }
    }

    static func entry(_ row: Row) -> KnowledgeEntry {
        let tags: String = row["tags"]
        return KnowledgeEntry(
            kind: row["kind"],
            id: row["id"],
            title: row["title"],
            summary: row["summary"],
            body: row["body"],
            tags: tags.split(separator: " ").map(String.init)
        )
    }

    /// A user's words as an FTS5 expression: every word must occur, the last may be a prefix
    /// (so results follow typing). Each word is quoted, so FTS5 operators in the input are inert.
    static func matchExpression(_ words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            index == words.count - 1 ? "\"\(word)\"*" : "\"\(word)\""
        }.joined(separator: " ")
    }

    // MARK: Plumbing

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
    static let decoder = JSONDecoder()

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw translate(error) }
    }

    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.write(body) } catch { throw translate(error) }
    }

    private func translate(_ error: any Error) -> any Error {
        if let error = error as? DatabaseError { return Self.translate(error, path: path) }
        return error
    }

    static func translate(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_FULL: return .full(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, detail: error.message ?? "\(error)")
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, detail: error.message ?? "\(error)")
        default: return .failed(detail: error.message ?? "\(error)")
        }
    }
}
