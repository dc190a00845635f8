import Foundation
import GRDB

extension SQLiteStore: DeletingStore {
    public func deleteDocument(sha256: String) async throws -> DeletedDocument? {
        let deleted: DeletedDocument? = try await write { db in
            guard let document = try StoredDocument.fetchOne(db, key: sha256) else { return nil }
            let ids = try Int64.fetchAll(
                db,
                sql: "SELECT id FROM analysis WHERE document_sha256 = ? ORDER BY id",
                arguments: [sha256]
            )
            let jobs = try Self.deleteJobs(producing: ids, db)
            // The analyses, their findings and moves go by ON DELETE CASCADE.
            try db.execute(sql: "DELETE FROM document WHERE sha256 = ?", arguments: [sha256])
            return DeletedDocument(sha256: sha256, name: document.name, analysisIds: ids, jobs: jobs)
        }
        if deleted != nil { try await scrub() }
        return deleted
    }

    public func deleteAnalysis(id: Int64) async throws -> Bool {
        let deleted = try await write { db in
            try db.execute(sql: "DELETE FROM analysis WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
        if deleted { try await scrub() }
        return deleted
    }

    public func analysisExists(id: Int64) async throws -> Bool {
        try await read { db in try AnalysisRecord.exists(db, key: id) }
    }

    public func documents(storedBefore date: Date) async throws -> [StoredDocument] {
        try await read { db in
            try StoredDocument.filter(DocumentRecord.Columns.createdAt < date)
                .order(DocumentRecord.Columns.createdAt).fetchAll(db)
        }
    }

    /// Removes the jobs whose analysis ids include one of `ids`; returns how many.
    static func deleteJobs(producing ids: [Int64], _ db: Database) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let list = ids.map(String.init).joined(separator: ",")
        try db.execute(
            sql: """
                DELETE FROM analysis_job WHERE EXISTS (
                    SELECT 1 FROM json_each(analysis_job.analysis_ids) WHERE json_each.value IN (\(list)))
                """
        )
        return db.changesCount
    }

    /// After a delete: `secure_delete` (set on the writer at opening) has zeroed the freed cells and
    /// pages; a full VACUUM then rebuilds the file without the free pages (the databases in the field
    /// were made with auto_vacuum off, so an incremental vacuum would first need this full one
    /// anyway, and deletes are rare), and a TRUNCATE checkpoint empties the WAL, which still held
    /// the pages as they were before the delete.
    func scrub() async throws {
        do {
            try await writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }
}
