import FineprintCore
import Foundation
import GRDB

/// The embedded store: SQLite through GRDB, one record type per table, versioned migrations.
/// The default is one file in WAL mode (`DatabasePool`); tests open it on an in-memory
/// `DatabaseQueue`.
public final class SQLiteStore: Store {
    /// Where the database lives, for messages (":memory:" for an in-memory one).
    public let path: String
    let writer: any DatabaseWriter

    /// Opens the store on a database GRDB has opened, bringing its schema up to date.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        path = writer.path
        do {
            try SQLiteMigrations.migrator.migrate(writer)
            // Deletes happen on the writer's connection: freed content is overwritten, not left in free pages.
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Opens (creating if needed) the database file at `path` in WAL mode. `busyTimeout` is how
    /// long a write waits for another process's lock before giving up.
    public convenience init(path: String, busyTimeout: TimeInterval = 5) throws {
        var configuration = Configuration()
        // Another writer holding the lock briefly is normal; wait for it rather than failing at once.
        configuration.busyMode = .timeout(busyTimeout)
        let pool: DatabasePool
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, detail: "\(error)")
        }
        try self.init(writer: pool)
    }

    /// The data folder's database: `<dataDirectory>/fineprint.sqlite`.
    public convenience init(dataDirectory: URL) throws {
        try self.init(path: dataDirectory.appendingPathComponent("fineprint.sqlite").path)
    }

    /// A store that lives in memory only, for tests and throwaway runs.
    public static func inMemory() throws -> SQLiteStore { try SQLiteStore(writer: try DatabaseQueue()) }

    // MARK: Documents

    public func saveDocument(_ document: NewDocument) async throws -> (document: StoredDocument, inserted: Bool) {
        try await write { db in try Self.insertDocumentIfAbsent(document, db) }
    }

    /// Stores the document unless its hash is already stored; shared with the job queue's completion.
    static func insertDocumentIfAbsent(
        _ document: NewDocument,
        _ db: Database
    ) throws -> (document: StoredDocument, inserted: Bool) {
        if let existing = try StoredDocument.fetchOne(db, key: document.sha256) { return (existing, false) }
        try DocumentRecord(document, createdAt: Date()).insert(db)
        return (try StoredDocument.find(db, key: document.sha256), true)
    }

    public func document(sha256: String) async throws -> StoredDocument? {
        try await read { db in try StoredDocument.fetchOne(db, key: sha256) }
    }

    public func documentBytes(sha256: String) async throws -> Data? {
        try await read { db in
            try DocumentRecord.filter(key: sha256).select(DocumentRecord.Columns.bytes, as: Data.self).fetchOne(db)
        }
    }

    // MARK: Analyses

    /// Stores it in the default matter (`saveAnalysis(_:matterID:)` chooses one).
    public func saveAnalysis(_ analysis: Analysis) async throws -> AnalysisSummary {
        try await saveAnalysis(analysis, matterID: nil)
    }

    /// Stores an analysis of a stored document with its findings in a matter (nil: the default
    /// one), entering the document in the matter; shared with the job queue's completion.
    static func insertAnalysis(
        _ analysis: Analysis,
        json: Data,
        matterID: String?,
        _ db: Database
    ) throws -> AnalysisSummary {
        guard try DocumentRecord.exists(db, key: analysis.document.sha256) else {
            throw StoreError.unknownDocument(sha256: analysis.document.sha256)
        }
        let matter = try SQLiteMatters.resolve(matterID, db)
        try SQLiteMatters.enterDocument(analysis.document, matterID: matter, db)
        let record = try AnalysisRecord(analysis, json: json, createdAt: Date(), matterId: matter).inserted(db)
        let id = record.id ?? db.lastInsertedRowID
        for finding in analysis.provisions { try FindingRecord(finding, analysisId: id).insert(db) }
        for move in analysis.killListMoves { try MoveFindingRecord(move, analysisId: id).insert(db) }
        return record.summary
    }

    public func analysis(id: Int64) async throws -> StoredAnalysis? {
        guard let record = try await read({ db in try AnalysisRecord.fetchOne(db, key: id) }) else { return nil }
        return StoredAnalysis(summary: record.summary, analysis: try AnalysisJSON.decode(record.json))
    }

    public func analyses(limit: Int, offset: Int) async throws -> [AnalysisSummary] {
        try await read { db in
            try AnalysisSummary.order(AnalysisRecord.Columns.id.desc).limit(limit, offset: offset).fetchAll(db)
        }
    }

    public func analysisCount() async throws -> Int {
        try await read { db in try AnalysisRecord.fetchCount(db) }
    }

    // MARK: Knowledge

    /// The triggers of `knowledge_fts` keep the index in step with the rows.
    public func replaceKnowledge(_ entries: [KnowledgeEntry]) async throws {
        try await write { db in
            try KnowledgeRecord.deleteAll(db)
            for entry in entries { try KnowledgeRecord(entry).insert(db) }
        }
    }

    public func searchKnowledge(_ query: KnowledgeQuery) async throws -> [KnowledgeHit] {
        let search = SQLiteKnowledgeSearch(query)
        return try await read { db in try search.hits(db) }
    }

    public func knowledgeEntry(kind: String, id: String) async throws -> KnowledgeEntry? {
        try await read { db in
            try KnowledgeRecord.fetchOne(db, key: ["kind": kind, "id": id])?.entry
        }
    }

    public func knowledgeCounts() async throws -> [String: Int] {
        try await read { db in
            let kind = KnowledgeRecord.Columns.kind
            let rows = try KnowledgeRecord.select(kind, count(kind)).group(kind).asRequest(of: Row.self).fetchAll(db)
            return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) in (row[0] as String, row[1] as Int) })
        }
    }

    // MARK: Plumbing

    /// For the store's other tables (the register's), with the same error translation.
    func readRows<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await read(body)
    }

    func writeRows<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await write(body)
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.read(body) } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.write(body) } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
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

extension SQLiteStore: JobQueueStore {
    /// The queue in this store's database file (`SQLiteMigrations` created its tables).
    public func jobQueue() -> any JobQueue { SQLiteJobQueue(writer: writer) }
}
