import FineprintCore
import GRDB

/// A row of the `finding` table: one provision finding of an analysis, so findings can be
/// queried across analyses.
struct FindingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "finding"

    var analysisId: Int64
    var provision: String
    var dimension: String
    var status: String
    var strength: String?
    var value: String?
    var confidence: Double

    enum CodingKeys: String, CodingKey {
        case provision, dimension, status, strength, value, confidence
        case analysisId = "analysis_id"
    }

    enum Columns {
        static let analysisId = Column(CodingKeys.analysisId)
        static let provision = Column(CodingKeys.provision)
    }

    init(_ finding: ProvisionFinding, analysisId: Int64) {
        self.analysisId = analysisId
        provision = finding.id
        dimension = finding.dimension
        status = finding.status.rawValue
        strength = finding.strength?.rawValue
        value = finding.value
        confidence = finding.confidence
    }
}

/// A row of the `move_finding` table: one kill-list move found by an analysis.
struct MoveFindingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "move_finding"

    var analysisId: Int64
    var move: String
    var confidence: Double

    enum CodingKeys: String, CodingKey {
        case move, confidence
        case analysisId = "analysis_id"
    }

    enum Columns {
        static let analysisId = Column(CodingKeys.analysisId)
        static let move = Column(CodingKeys.move)
    }

    init(_ finding: MoveFinding, analysisId: Int64) {
        self.analysisId = analysisId
        move = finding.id
        confidence = finding.confidence
    }
}
