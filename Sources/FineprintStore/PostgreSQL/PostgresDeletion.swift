import FineprintCore
import Foundation
import Logging
import PostgresNIO

/// Deletes in PostgreSQL are row deletes in one transaction; the space (and the dead row versions)
/// is reclaimed by autovacuum, and nothing of the rows is readable through SQL afterwards.
extension PostgresStore: DeletingStore {
    public func deleteDocument(sha256: String) async throws -> DeletedDocument? {
        let logger = Logger(label: "fineprint.store.postgres")
        do {
            return try await client.withTransaction(logger: logger) { connection in
                var name: String?
                let named = try await connection.query(
                    "SELECT name FROM document WHERE sha256 = \(sha256) FOR UPDATE",
                    logger: logger
                )
                for try await value in named.decode(String.self) { name = value }
                guard let name else { return nil }
                var ids: [Int64] = []
                let listed = try await connection.query(
                    "SELECT id FROM analysis WHERE document_sha256 = \(sha256) ORDER BY id",
                    logger: logger
                )
                for try await id in listed.decode(Int64.self) { ids.append(id) }
                var jobs = 0
                if !ids.isEmpty {
                    let removed = try await connection.query(
                        """
                        DELETE FROM analysis_job WHERE EXISTS (
                            SELECT 1 FROM jsonb_array_elements_text(analysis_ids::jsonb) AS produced(id)
                            WHERE produced.id::bigint = ANY(\(ids))) RETURNING id
                        """,
                        logger: logger
                    )
                    for try await _ in removed { jobs += 1 }
                }
                // Analyses, findings and moves go by ON DELETE CASCADE.
                try await connection.query("DELETE FROM document WHERE sha256 = \(sha256)", logger: logger)
                return DeletedDocument(sha256: sha256, name: name, analysisIds: ids, jobs: jobs)
            }
        } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }

    public func deleteAnalysis(id: Int64) async throws -> Bool {
        do {
            let rows = try await client.query(
                "DELETE FROM analysis WHERE id = \(id) RETURNING id",
                logger: Logger(label: "fineprint.store.postgres")
            )
            var deleted = false
            for try await _ in rows { deleted = true }
            return deleted
        } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }

    public func analysisExists(id: Int64) async throws -> Bool {
        do {
            let rows = try await client.query(
                "SELECT 1 FROM analysis WHERE id = \(id)",
                logger: Logger(label: "fineprint.store.postgres")
            )
            for try await _ in rows { return true }
            return false
        } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }

    public func documents(storedBefore date: Date) async throws -> [StoredDocument] {
        do {
            let rows = try await client.query(
                """
                SELECT sha256, name, format, byte_count, text, created_at FROM document
                WHERE created_at < \(date) ORDER BY created_at
                """,
                logger: Logger(label: "fineprint.store.postgres")
            )
            return try await Self.storedDocuments(rows)
        } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }
}
