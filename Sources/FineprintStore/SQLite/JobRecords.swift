import FineprintCore
import Foundation
import GRDB

/// A row of `analysis_job`: the job's state and its current lease (snake_case columns).
struct JobRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "analysis_job"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: String
    var state: String
    var progress: Double
    var step: String
    var profile: String
    /// The analyses' ids as a JSON array, in file order.
    var analysisIds: String
    var error: String?
    var idempotencyKey: String?
    var attempts: Int
    var leaseToken: String?
    var leaseWorker: String?
    var leaseExpiresAt: Date?
    var createdAt: Date
    var updatedAt: Date

    enum Columns {
        static let id = Column("id")
        static let state = Column("state")
        static let idempotencyKey = Column("idempotency_key")
        static let leaseToken = Column("lease_token")
        static let leaseExpiresAt = Column("lease_expires_at")
        static let createdAt = Column("created_at")
    }

    init(_ job: AnalysisJob) {
        id = job.id
        state = job.state.rawValue
        progress = job.progress
        step = job.step
        profile = job.profile
        analysisIds = JobRecord.encode(job.analysisIds)
        error = job.error
        idempotencyKey = job.idempotencyKey
        attempts = job.attempts
        createdAt = job.createdAt
        updatedAt = job.updatedAt
    }

    func job(files: [JobFile]) throws -> AnalysisJob {
        guard let state = AnalysisJob.State(rawValue: state) else {
            throw StoreError.corrupt(path: "analysis_job", detail: "job \(id) has the unknown state '\(state)'")
        }
        return AnalysisJob(
            id: id,
            state: state,
            progress: progress,
            step: step,
            profile: profile,
            files: files,
            analysisIds: try JobRecord.decode(analysisIds),
            error: error,
            idempotencyKey: idempotencyKey,
            attempts: attempts,
            createdAt: createdAt,
            updatedAt: updatedAt
        )
    }

    static func encode(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    static func decode(_ text: String) throws -> [Int64] {
        do {
            return try JSONDecoder().decode([Int64].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt(path: "analysis_job", detail: "analysis ids '\(text)' are not a list of numbers")
        }
    }
}

/// A row of `analysis_job_file`: one uploaded file of a job, with its bytes.
struct JobFileRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "analysis_job_file"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var jobId: String
    var position: Int
    var name: String
    var byteCount: Int
    var bytes: Data

    enum Columns {
        static let jobId = Column("job_id")
        static let position = Column("position")
        static let name = Column("name")
        static let byteCount = Column("byte_count")
    }
}
