import FineprintCore
import FineprintStore
import Foundation
import GRDB
import Testing

@Suite("SQLite schema migrations")
struct SQLiteMigrationTests {
    /// The first schema exactly as databases in the field have it (camelCase names, an FTS5 table
    /// filled by hand), with GRDB's record that its first migration ran.
    static let firstSchema = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1: documents, analyses, findings, knowledge index');
        CREATE TABLE document (sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, format TEXT NOT NULL,
            byteCount INTEGER NOT NULL, bytes BLOB NOT NULL, text TEXT NOT NULL, createdAt DATETIME NOT NULL);
        CREATE TABLE analysis (id INTEGER PRIMARY KEY AUTOINCREMENT,
            documentSha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE CASCADE,
            documentName TEXT NOT NULL, profile TEXT NOT NULL, score INTEGER NOT NULL, gaps INTEGER NOT NULL,
            moves INTEGER NOT NULL, createdAt DATETIME NOT NULL, json BLOB NOT NULL);
        CREATE INDEX analysis_on_documentSha256 ON analysis(documentSha256);
        CREATE INDEX analysis_on_createdAt ON analysis(createdAt);
        CREATE TABLE finding (analysisId INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
            provision TEXT NOT NULL, dimension TEXT NOT NULL, status TEXT NOT NULL, strength TEXT, value TEXT,
            confidence DOUBLE NOT NULL);
        CREATE INDEX finding_on_analysisId ON finding(analysisId);
        CREATE INDEX finding_on_provision ON finding(provision);
        CREATE TABLE moveFinding (analysisId INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
            move TEXT NOT NULL, confidence DOUBLE NOT NULL);
        CREATE INDEX moveFinding_on_analysisId ON moveFinding(analysisId);
        CREATE INDEX moveFinding_on_move ON moveFinding(move);
        CREATE TABLE knowledge (kind TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL,
            body TEXT NOT NULL, tags TEXT NOT NULL, PRIMARY KEY (kind, id));
        CREATE VIRTUAL TABLE knowledgeText USING fts5(title, summary, body, tags, content='knowledge',
            tokenize='porter unicode61 remove_diacritics 2');
        """

    /// A database as the first schema left it, with one document, one analysis and one knowledge entry.
    static func firstSchemaDatabase(analysis: Analysis) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        let json = try JSONEncoder().encode(analysis)
        try queue.write { db in
            try db.execute(sql: firstSchema)
            try db.execute(
                sql:
                    "INSERT INTO document VALUES (?, 'old.txt', 'txt', 11, ?, 'hello world', '2025-03-01 10:00:00.000')",
                arguments: [analysis.document.sha256, Data("hello world".utf8)]
            )
            try db.execute(
                sql: "INSERT INTO analysis VALUES (7, ?, 'old.txt', 'tier1', 55, 0, 1, '2025-03-01 10:00:01.000', ?)",
                arguments: [analysis.document.sha256, json]
            )
            try db.execute(
                sql: "INSERT INTO finding VALUES (7, 'governing_law', 'jurisdiction', 'present', NULL, NULL, 0.9)"
            )
            try db.execute(sql: "INSERT INTO moveFinding VALUES (7, 'unilateral_change', 0.8)")
            try db.execute(
                sql:
                    "INSERT INTO knowledge VALUES ('move', 'm1', 'Training on customer data', 'The vendor trains.', '', 'data')"
            )
            try db.execute(sql: "INSERT INTO knowledgeText(knowledgeText) VALUES ('rebuild')")
        }
        return queue
    }

    @Test func aDatabaseOfTheFirstSchemaOpensMigratedWithItsRows() async throws {
        let sha = String(repeating: "1", count: 64)
        let old = Fixtures.analysis(sha: sha, name: "old.txt")
        let queue = try Self.firstSchemaDatabase(analysis: old)
        let store = try SQLiteStore(writer: queue)

        let loaded = try #require(try await store.analysis(id: 7))
        #expect(loaded.analysis == old)
        #expect(loaded.summary.documentName == "old.txt" && loaded.summary.moves == 1)
        #expect(try await store.document(sha256: sha)?.text == "hello world")
        #expect(try await store.documentBytes(sha256: sha) == Data("hello world".utf8))
        // The search index is rebuilt from the rows that were there, and follows new ones.
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "custom")).map(\.entry.id) == ["m1"])
        // New rows go on after the old ones.
        let next = try await store.saveAnalysis(Fixtures.analysis(sha: sha, name: "old.txt"))
        #expect(next.id == 8)
        #expect(try await store.analyses(limit: 10, offset: 0).map(\.id) == [8, 7])

        let schema = try Self.schema(of: queue)
        #expect(schema["document"]?.contains("byte_count") == true)
        #expect(schema["analysis"]?.contains("document_sha256") == true)
        // The matters migration adds the public id and matter indexes after v2's (deliberate change).
        #expect(
            schema["analysis"]?.suffix(4) == [
                "analysis_created", "analysis_document", "analysis_matter", "analysis_public",
            ]
        )
        // The rows stored before matters are in the default matter, each with a public id.
        let earlier = try #require(try await store.analysis(id: 7))
        #expect(PublicID.isWellFormed(earlier.summary.publicId))
        #expect(try await store.matter(id: earlier.summary.matterId)?.isDefault == true)
        #expect(try await store.documents(ofMatter: earlier.summary.matterId).map(\.sha256) == [sha])
        #expect(
            schema["move_finding"] == [
                "analysis_id", "move", "confidence", "move_finding_analysis", "move_finding_move",
            ]
        )
        let leftovers = try await queue.read { db in
            try db.tableExists("moveFinding") || db.tableExists("knowledgeText")
        }
        #expect(!leftovers)
        let findings = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding WHERE analysis_id = 7")
        }
        #expect(findings == 1)
    }

    @Test func aNewDatabaseHasTheSameSchemaAsAMigratedOne() throws {
        let migrated = try Self.firstSchemaDatabase(analysis: Fixtures.analysis(sha: String(repeating: "1", count: 64)))
        _ = try SQLiteStore(writer: migrated)
        let fresh = try DatabaseQueue()
        _ = try SQLiteStore(writer: fresh)
        #expect(try Self.schema(of: migrated) == Self.schema(of: fresh))
    }

    /// Every table's columns and indexes, by name.
    static func schema(of queue: DatabaseQueue) throws -> [String: [String]] {
        try queue.read { db in
            var schema: [String: [String]] = [:]
            for table in ["document", "analysis", "finding", "move_finding", "knowledge"] {
                schema[table] = try db.columns(in: table).map(\.name) + db.indexes(on: table).map(\.name).sorted()
            }
            return schema
        }
    }
}
