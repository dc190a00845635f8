import FineprintCore
import Foundation
import GRDB

/// A row of `analysis_review`: the state of one analysis's review.
struct AnalysisReviewRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "analysis_review"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var analysisId: Int64
    var state: String
    var changedBy: String?
    var changedAt: Date?

    enum Columns {
        static let analysisId = Column("analysis_id")
        static let state = Column("state")
    }
}

/// A row of `review_finding`: a reviewer's reading of one provision.
struct ReviewFindingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "review_finding"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var analysisId: Int64
    var provision: String
    var status: String
    var strength: String?
    var value: String?
    var evidence: String
    var note: String?
    var changedBy: String?
    var changedAt: Date

    init(_ r: FindingReading, analysisId: Int64) throws {
        self.analysisId = analysisId
        (provision, status, strength, value) = (r.provision, r.status.rawValue, r.strength?.rawValue, r.value)
        (evidence, note, changedBy, changedAt) = (try ReviewSchema.encode(r.evidence), r.note, r.stamp.by, r.stamp.at)
    }

    func reading() throws -> FindingReading {
        try ReviewSchema.finding((provision, status, strength, value, evidence, note, changedBy, changedAt))
    }
}

/// A row of `review_move`: a reviewer's decision on one kill-list move.
struct ReviewMoveRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "review_move"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var analysisId: Int64
    var move: String
    var decision: String
    var reason: String?
    var changedBy: String?
    var changedAt: Date
}

/// A row of `review_note`, in the order the notes were written.
struct ReviewNoteRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "review_note"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var analysisId: Int64
    var position: Int64
    var text: String
    var changedBy: String?
    var changedAt: Date
}
