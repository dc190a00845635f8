import FineprintCore
import Foundation
import Logging
import PostgresNIO

// The writes of a document and its analysis on a connection the caller holds in a transaction, so
// that `saveAnalysis` and the job queue's completion store them the same way.
extension PostgresStore {
    /// Stores the document unless its hash is already stored; true when it was inserted.
    static func insertDocumentIfAbsent(
        _ document: NewDocument,
        _ connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO document (sha256, name, format, byte_count, bytes, text, created_at)
            VALUES (\(document.sha256), \(document.name), \(document.format.rawValue), \(document.bytes.count),
                    \(document.bytes), \(document.text), \(Date()))
            ON CONFLICT (sha256) DO NOTHING RETURNING sha256
            """,
            logger: logger
        )
        var inserted = false
        for try await _ in rows { inserted = true }
        return inserted
    }

    /// Stores an analysis of a stored document with its findings in a matter (nil: the default
    /// one), entering the document in the matter.
    static func insertAnalysis(
        _ analysis: Analysis,
        json: Data,
        matterID: String?,
        _ connection: PostgresConnection,
        logger: Logger
    ) async throws -> AnalysisSummary {
        let known = try await connection.query(
            "SELECT 1 FROM document WHERE sha256 = \(analysis.document.sha256) FOR SHARE",
            logger: logger
        )
        var found = false
        for try await _ in known { found = true }
        guard found else { throw StoreError.unknownDocument(sha256: analysis.document.sha256) }
        let now = Date()
        let matter = try await PostgresMatters.resolve(matterID, connection, logger: logger)
        try await PostgresMatters.enterDocument(analysis.document, matterID: matter, connection, logger: logger)
        let publicID = PublicID.make()
        let inserted = try await connection.query(
            """
            INSERT INTO analysis (document_sha256, document_name, profile, score, gaps, moves, created_at, json,
                                  public_id, matter_id)
            VALUES (\(analysis.document.sha256), \(analysis.document.name), \(analysis.profile), \(analysis.score),
                    \(analysis.gaps.count), \(analysis.killListMoves.count), \(now), \(json), \(publicID), \(matter))
            RETURNING id
            """,
            logger: logger
        )
        var id: Int64 = 0
        for try await value in inserted.decode(Int64.self) { id = value }
        for finding in analysis.provisions {
            try await connection.query(
                """
                INSERT INTO finding (analysis_id, provision, dimension, status, strength, value, confidence)
                VALUES (\(id), \(finding.id), \(finding.dimension), \(finding.status.rawValue),
                        \(finding.strength?.rawValue), \(finding.value), \(finding.confidence))
                """,
                logger: logger
            )
        }
        for move in analysis.killListMoves {
            try await connection.query(
                "INSERT INTO move_finding (analysis_id, move, confidence) VALUES (\(id), \(move.id), \(move.confidence))",
                logger: logger
            )
        }
        return AnalysisSummary(
            id: id,
            documentSha256: analysis.document.sha256,
            documentName: analysis.document.name,
            profile: analysis.profile,
            score: analysis.score,
            gaps: analysis.gaps.count,
            moves: analysis.killListMoves.count,
            createdAt: now,
            publicId: publicID,
            matterId: matter
        )
    }
}
