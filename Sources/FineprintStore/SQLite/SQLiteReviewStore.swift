import FineprintCore
import Foundation
import GRDB

/// Reviews in SQLite, on the database writer the store opened (tables created by `SQLiteMigrations`).
public struct SQLiteReviewStore: ReviewStore {
    private let writer: any DatabaseWriter

    /// `writer` must already hold the tables `registerMigrations` creates.
    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(ReviewSchema.migrationName) { db in
            for statement in ReviewSchema.statements(time: "DATETIME") { try db.execute(sql: statement) }
        }
    }

    public func review(analysisId: Int64) async throws -> AnalysisReview {
        try await writer.read { db in
            guard let row = try AnalysisReviewRecord.fetchOne(db, key: analysisId) else {
                return AnalysisReview(analysisId: analysisId)
            }
            let filter = "analysis_id = ?"
            let findings = try ReviewFindingRecord.filter(sql: filter, arguments: [analysisId])
                .order(Column("provision")).fetchAll(db)
            let moves = try ReviewMoveRecord.filter(sql: filter, arguments: [analysisId])
                .order(Column("move")).fetchAll(db)
            let notes = try ReviewNoteRecord.filter(sql: filter, arguments: [analysisId])
                .order(Column("position")).fetchAll(db)
            return AnalysisReview(
                analysisId: analysisId,
                state: ReviewState(rawValue: row.state) ?? .draft,
                stateStamp: row.changedAt.map { ReviewStamp(by: row.changedBy, at: $0) },
                findings: try findings.map { try $0.reading() },
                moves: moves.map {
                    MoveReading(
                        move: $0.move,
                        decision: MoveDecision(rawValue: $0.decision) ?? .confirmed,
                        reason: $0.reason,
                        stamp: ReviewStamp(by: $0.changedBy, at: $0.changedAt)
                    )
                },
                notes: notes.map { ReviewNote(text: $0.text, stamp: ReviewStamp(by: $0.changedBy, at: $0.changedAt)) }
            )
        }
    }

    public func saveReview(_ review: AnalysisReview) async throws {
        try await writer.write { db in
            let id = review.analysisId
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM analysis WHERE id = ?", arguments: [id]) == true else {
                throw ReviewStoreError.unknownAnalysis(id)
            }
            // Children go by ON DELETE CASCADE; the review is written whole again.
            try db.execute(sql: "DELETE FROM analysis_review WHERE analysis_id = ?", arguments: [id])
            try AnalysisReviewRecord(
                analysisId: id,
                state: review.state.rawValue,
                changedBy: review.stateStamp?.by,
                changedAt: review.stateStamp?.at
            ).insert(db)
            for reading in review.findings { try ReviewFindingRecord(reading, analysisId: id).insert(db) }
            for m in review.moves {
                try ReviewMoveRecord(
                    analysisId: id,
                    move: m.move,
                    decision: m.decision.rawValue,
                    reason: m.reason,
                    changedBy: m.stamp.by,
                    changedAt: m.stamp.at
                ).insert(db)
            }
            for (position, note) in review.notes.enumerated() {
                try ReviewNoteRecord(
                    analysisId: id,
                    position: Int64(position),
                    text: note.text,
                    changedBy: note.stamp.by,
                    changedAt: note.stamp.at
                ).insert(db)
            }
        }
    }

    public func reviewedAnalysisIds(state: ReviewState?) async throws -> [Int64] {
        try await writer.read { db in
            var request = AnalysisReviewRecord.order(AnalysisReviewRecord.Columns.analysisId)
            if let state { request = request.filter(AnalysisReviewRecord.Columns.state == state.rawValue) }
            return try request.fetchAll(db).map(\.analysisId)
        }
    }
}

extension SQLiteStore: ReviewingStore {
    /// The review store on this store's database.
    public func reviewStore() -> any ReviewStore { SQLiteReviewStore(writer: writer) }
}
