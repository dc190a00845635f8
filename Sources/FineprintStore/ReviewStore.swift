import FineprintCore
import Foundation

/// People's reviews of stored analyses, keyed by the analysis's stored id, in tables of their own
/// beside the analyses (which stay as the machine made them). A review goes when its analysis does.
public protocol ReviewStore: Sendable {
    /// The review of an analysis: an untouched draft when nobody has reviewed it.
    func review(analysisId: Int64) async throws -> AnalysisReview
    /// Replaces the review of an analysis, in one transaction. Throws `ReviewStoreError.unknownAnalysis`
    /// when no stored analysis has the id.
    func saveReview(_ review: AnalysisReview) async throws
    /// The ids of the analyses whose review is in `state` (every reviewed or touched one when nil),
    /// in id order.
    func reviewedAnalysisIds(state: ReviewState?) async throws -> [Int64]
}

/// A store that can hand out its review store (on the same database).
public protocol ReviewingStore {
    func reviewStore() -> any ReviewStore
}

public enum ReviewStoreError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownAnalysis(Int64)

    public var description: String {
        switch self {
        case .unknownAnalysis(let id): "no stored analysis has number \(id)"
        }
    }
}

/// The review tables, one text for both databases (only the time type differs).
enum ReviewSchema {
    static let migrationName = "review v1: analysis_review, review_finding, review_move, review_note"

    static func statements(time: String) -> [String] {
        [
            """
            CREATE TABLE analysis_review (
                analysis_id BIGINT PRIMARY KEY REFERENCES analysis(id) ON DELETE CASCADE, state TEXT NOT NULL,
                changed_by TEXT, changed_at \(time))
            """,
            "CREATE INDEX analysis_review_state ON analysis_review(state)",
            """
            CREATE TABLE review_finding (
                analysis_id BIGINT NOT NULL REFERENCES analysis_review(analysis_id) ON DELETE CASCADE,
                provision TEXT NOT NULL, status TEXT NOT NULL, strength TEXT, value TEXT, evidence TEXT NOT NULL,
                note TEXT, changed_by TEXT, changed_at \(time) NOT NULL, PRIMARY KEY (analysis_id, provision))
            """,
            """
            CREATE TABLE review_move (
                analysis_id BIGINT NOT NULL REFERENCES analysis_review(analysis_id) ON DELETE CASCADE,
                move TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT, changed_by TEXT,
                changed_at \(time) NOT NULL, PRIMARY KEY (analysis_id, move))
            """,
            """
            CREATE TABLE review_note (
                analysis_id BIGINT NOT NULL REFERENCES analysis_review(analysis_id) ON DELETE CASCADE,
                position BIGINT NOT NULL, text TEXT NOT NULL, changed_by TEXT, changed_at \(time) NOT NULL,
                PRIMARY KEY (analysis_id, position))
            """,
        ]
    }

    /// Evidence kept as the analysis JSON writes it.
    static func encode(_ evidence: [Evidence]) throws -> String {
        String(decoding: try JSONEncoder().encode(evidence), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> [Evidence] {
        try JSONDecoder().decode([Evidence].self, from: Data(json.utf8))
    }

    /// The columns of a `review_finding` row from `provision` to `changed_at`, in table order.
    typealias FindingColumns = (String, String, String?, String?, String, String?, String?, Date)

    /// A `review_finding` row read back, the same on both databases: an unknown status reads as absent,
    /// an unknown strength as none.
    static func finding(_ row: FindingColumns) throws -> FindingReading {
        let (provision, status, strength, value, evidence, note, by, at) = row
        return FindingReading(
            provision: provision,
            status: ProvisionStatus(rawValue: status) ?? .absent,
            strength: strength.flatMap(Strength.init(rawValue:)),
            value: value,
            evidence: try decode(evidence),
            note: note,
            stamp: ReviewStamp(by: by, at: at)
        )
    }
}
