import FineprintCore
import Foundation
import GRDB

/// A row of the `analysis` table: the summary columns the history lists, and the whole analysis
/// as JSON.
struct AnalysisRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "analysis"

    var id: Int64?
    var documentSha256: String
    /// The name this upload carried (the same bytes may come back under another name).
    var documentName: String
    var profile: String
    var score: Int
    var gaps: Int
    var moves: Int
    var createdAt: Date
    var json: Data
    var publicId: String
    var matterId: String

    enum CodingKeys: String, CodingKey {
        case id, profile, score, gaps, moves, json
        case documentSha256 = "document_sha256"
        case documentName = "document_name"
        case createdAt = "created_at"
        case publicId = "public_id"
        case matterId = "matter_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let documentSha256 = Column(CodingKeys.documentSha256)
        static let documentName = Column(CodingKeys.documentName)
        static let profile = Column(CodingKeys.profile)
        static let score = Column(CodingKeys.score)
        static let gaps = Column(CodingKeys.gaps)
        static let moves = Column(CodingKeys.moves)
        static let createdAt = Column(CodingKeys.createdAt)
        static let json = Column(CodingKeys.json)
        static let publicId = Column(CodingKeys.publicId)
        static let matterId = Column(CodingKeys.matterId)
    }

    init(_ analysis: Analysis, json: Data, createdAt: Date, matterId: String) {
        publicId = PublicID.make()
        self.matterId = matterId
        documentSha256 = analysis.document.sha256
        documentName = analysis.document.name
        profile = analysis.profile
        score = analysis.score
        gaps = analysis.gaps.count
        moves = analysis.killListMoves.count
        self.createdAt = createdAt
        self.json = json
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var summary: AnalysisSummary {
        AnalysisSummary(
            id: id ?? 0,
            documentSha256: documentSha256,
            documentName: documentName,
            profile: profile,
            score: score,
            gaps: gaps,
            moves: moves,
            createdAt: createdAt,
            publicId: publicId,
            matterId: matterId
        )
    }
}

/// A line of the history is the `analysis` row without its JSON (which can be large).
/// Its Swift names are the API's camelCase, so the snake_case columns are converted.
extension AnalysisSummary: FetchableRecord, TableRecord {
    public static let databaseTableName = AnalysisRecord.databaseTableName
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseSelection: [any SQLSelectable] {
        typealias Columns = AnalysisRecord.Columns
        return [
            Columns.id, Columns.documentSha256, Columns.documentName, Columns.profile, Columns.score, Columns.gaps,
            Columns.moves, Columns.createdAt, Columns.publicId, Columns.matterId,
        ]
    }
}
