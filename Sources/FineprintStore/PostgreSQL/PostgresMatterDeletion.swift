import FineprintCore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Deletes a matter's document with the matter's analyses of it and the jobs that made them, in
    /// one transaction; the document's row goes when no other matter holds it.
    public func deleteMatterDocument(id: String) async throws -> DeletedDocument? {
        let logger = Logger(label: "fineprint.store.postgres")
        return try await guarded {
            try await self.client.withTransaction(logger: logger) { connection in
                let entries = try await connection.query(
                    """
                    SELECT id, matter_id, document_sha256, name, created_at FROM matter_document WHERE id = \(id)
                    FOR UPDATE
                    """,
                    logger: logger
                )
                var entry: MatterDocument?
                for try await row in entries.decode(PostgresMatters.DocumentRow.self) {
                    entry = PostgresMatters.document(row)
                }
                guard let entry else { return nil }
                var ids: [Int64] = []
                let listed = try await connection.query(
                    """
                    SELECT id FROM analysis WHERE matter_id = \(entry.matterID) AND document_sha256 = \(entry.sha256)
                    ORDER BY id
                    """,
                    logger: logger
                )
                for try await analysisID in listed.decode(Int64.self) { ids.append(analysisID) }
                let jobs = try await Self.deleteJobs(producing: ids, connection, logger: logger)
                try await connection.query("DELETE FROM analysis WHERE id = ANY(\(ids))", logger: logger)
                try await connection.query("DELETE FROM matter_document WHERE id = \(id)", logger: logger)
                // The bytes and text go once no matter holds the document any more.
                try await connection.query(
                    """
                    DELETE FROM document WHERE sha256 = \(entry.sha256)
                    AND NOT EXISTS (SELECT 1 FROM matter_document WHERE document_sha256 = \(entry.sha256))
                    """,
                    logger: logger
                )
                return DeletedDocument(sha256: entry.sha256, name: entry.name, analysisIds: ids, jobs: jobs)
            }
        }
    }

    /// Removes the jobs whose analysis ids include one of `ids`; returns how many.
    static func deleteJobs(producing ids: [Int64], _ connection: PostgresConnection, logger: Logger) async throws -> Int
    {
        guard !ids.isEmpty else { return 0 }
        let removed = try await connection.query(
            """
            DELETE FROM analysis_job WHERE EXISTS (
                SELECT 1 FROM jsonb_array_elements_text(analysis_ids::jsonb) AS produced(id)
                WHERE produced.id::bigint = ANY(\(ids))) RETURNING id
            """,
            logger: logger
        )
        var jobs = 0
        for try await _ in removed { jobs += 1 }
        return jobs
    }
}
