import FineprintCore
import Foundation
import Logging
import PostgresNIO

/// Reviews in PostgreSQL, in the store's schema and on its connection pool.
public struct PostgresReviewStore: ReviewStore {
    private let database: PostgresSchemaAccess

    /// `client` must work in the endpoint's schema with `migrations` applied (`PostgresStore.reviewStore()`).
    public init(client: PostgresClient, endpoint: PostgresEndpoint, logger: Logger? = nil) {
        database = PostgresSchemaAccess(
            client: client,
            endpoint: endpoint,
            logger: logger ?? Logger(label: "fineprint.review.postgres")
        )
    }

    /// Recorded in `fineprint_migration` after the other steps.
    static let migrations: [(name: String, sql: [String])] = [
        (ReviewSchema.migrationName, ReviewSchema.statements(time: "TIMESTAMPTZ"))
    ]

    public func review(analysisId id: Int64) async throws -> AnalysisReview {
        try await guarded {
            try await database.client.withConnection { connection in
                let head = try await connection.query(
                    "SELECT state, changed_by, changed_at FROM analysis_review WHERE analysis_id = \(id)",
                    logger: database.logger
                ).collect().first?.decode((String, String?, Date?).self)
                guard let (state, by, at) = head else { return AnalysisReview(analysisId: id) }
                return AnalysisReview(
                    analysisId: id,
                    state: ReviewState(rawValue: state) ?? .draft,
                    stateStamp: at.map { ReviewStamp(by: by, at: $0) },
                    findings: try await self.findings(id, connection),
                    moves: try await self.moves(id, connection),
                    notes: try await self.notes(id, connection)
                )
            }
        }
    }

    private func findings(_ id: Int64, _ connection: PostgresConnection) async throws -> [FindingReading] {
        let rows = try await connection.query(
            """
            SELECT provision, status, strength, value, evidence, note, changed_by, changed_at
            FROM review_finding WHERE analysis_id = \(id) ORDER BY provision
            """,
            logger: database.logger
        )
        var out: [FindingReading] = []
        for try await row in rows {
            out.append(try ReviewSchema.finding(try row.decode(ReviewSchema.FindingColumns.self)))
        }
        return out
    }

    private func moves(_ id: Int64, _ connection: PostgresConnection) async throws -> [MoveReading] {
        let rows = try await connection.query(
            """
            SELECT move, decision, reason, changed_by, changed_at FROM review_move
            WHERE analysis_id = \(id) ORDER BY move
            """,
            logger: database.logger
        )
        var out: [MoveReading] = []
        for try await (move, decision, reason, by, at) in rows.decode((String, String, String?, String?, Date).self) {
            out.append(
                MoveReading(
                    move: move,
                    decision: MoveDecision(rawValue: decision) ?? .confirmed,
                    reason: reason,
                    stamp: ReviewStamp(by: by, at: at)
                )
            )
        }
        return out
    }

    private func notes(_ id: Int64, _ connection: PostgresConnection) async throws -> [ReviewNote] {
        let rows = try await connection.query(
            "SELECT text, changed_by, changed_at FROM review_note WHERE analysis_id = \(id) ORDER BY position",
            logger: database.logger
        )
        var out: [ReviewNote] = []
        for try await (text, by, at) in rows.decode((String, String?, Date).self) {
            out.append(ReviewNote(text: text, stamp: ReviewStamp(by: by, at: at)))
        }
        return out
    }

    public func saveReview(_ review: AnalysisReview) async throws {
        try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                let id = review.analysisId
                let exists = try await connection.query(
                    "SELECT id FROM analysis WHERE id = \(id) FOR SHARE",
                    logger: database.logger
                ).collect()
                guard !exists.isEmpty else { throw ReviewStoreError.unknownAnalysis(id) }
                // Children go by ON DELETE CASCADE; the review is written whole again.
                try await connection.query(
                    "DELETE FROM analysis_review WHERE analysis_id = \(id)",
                    logger: database.logger
                )
                try await connection.query(
                    """
                    INSERT INTO analysis_review (analysis_id, state, changed_by, changed_at)
                    VALUES (\(id), \(review.state.rawValue), \(review.stateStamp?.by), \(review.stateStamp?.at))
                    """,
                    logger: database.logger
                )
                try await self.insertReadings(review, connection)
            }
        }
    }

    private func insertReadings(_ review: AnalysisReview, _ connection: PostgresConnection) async throws {
        let id = review.analysisId
        for r in review.findings {
            let evidence = try ReviewSchema.encode(r.evidence)
            try await connection.query(
                """
                INSERT INTO review_finding (analysis_id, provision, status, strength, value, evidence, note,
                    changed_by, changed_at)
                VALUES (\(id), \(r.provision), \(r.status.rawValue), \(r.strength?.rawValue), \(r.value),
                    \(evidence), \(r.note), \(r.stamp.by), \(r.stamp.at))
                """,
                logger: database.logger
            )
        }
        for m in review.moves {
            try await connection.query(
                """
                INSERT INTO review_move (analysis_id, move, decision, reason, changed_by, changed_at)
                VALUES (\(id), \(m.move), \(m.decision.rawValue), \(m.reason), \(m.stamp.by), \(m.stamp.at))
                """,
                logger: database.logger
            )
        }
        for (position, note) in review.notes.enumerated() {
            try await connection.query(
                """
                INSERT INTO review_note (analysis_id, position, text, changed_by, changed_at)
                VALUES (\(id), \(Int64(position)), \(note.text), \(note.stamp.by), \(note.stamp.at))
                """,
                logger: database.logger
            )
        }
    }

    public func reviewedAnalysisIds(state: ReviewState?) async throws -> [Int64] {
        try await guarded {
            let rows =
                if let state {
                    try await database.client.query(
                        "SELECT analysis_id FROM analysis_review WHERE state = \(state.rawValue) ORDER BY analysis_id",
                        logger: database.logger
                    )
                } else {
                    try await database.client.query(
                        "SELECT analysis_id FROM analysis_review ORDER BY analysis_id",
                        logger: database.logger
                    )
                }
            var ids: [Int64] = []
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            return ids
        }
    }

    private func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await PostgresErrors.guarded(database.endpoint, passing: ReviewStoreError.self, body)
    }
}

extension PostgresStore: ReviewingStore {
    /// The review store in this store's schema, on its connection pool (`migrate()` created its tables).
    public func reviewStore() -> any ReviewStore { PostgresReviewStore(client: client, endpoint: endpoint) }
}
