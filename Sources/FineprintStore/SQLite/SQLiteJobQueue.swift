import FineprintCore
import Foundation
import GRDB

/// The job queue in SQLite, on the database writer the store opened (its tables sit beside the
/// store's, created by `SQLiteMigrations`). SQLite serialises writers, so a claim is exclusive by construction.
public struct SQLiteJobQueue: JobQueue {
    private let writer: any DatabaseWriter

    /// `writer` must already hold the tables `registerMigrations` creates.
    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// The queue's tables, for the store's migrator to apply with its own.
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("jobs v1: analysis_job, analysis_job_file") { db in
            try db.create(table: JobRecord.databaseTableName) { t in
                t.primaryKey("id", .text)
                t.column("state", .text).notNull()
                t.column("progress", .double).notNull()
                t.column("step", .text).notNull()
                t.column("profile", .text).notNull()
                t.column("analysis_ids", .text).notNull()
                t.column("error", .text)
                t.column("idempotency_key", .text).unique()
                t.column("attempts", .integer).notNull()
                t.column("lease_token", .text)
                t.column("lease_worker", .text)
                t.column("lease_expires_at", .datetime)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(
                index: "analysis_job_state",
                on: JobRecord.databaseTableName,
                columns: ["state", "created_at"]
            )
            try db.create(table: JobFileRecord.databaseTableName) { t in
                t.column("job_id", .text).notNull().references(JobRecord.databaseTableName, onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("byte_count", .integer).notNull()
                t.column("bytes", .blob).notNull()
                t.primaryKey(["job_id", "position"])
            }
        }
    }

    public func enqueue(_ new: NewJob) async throws -> (job: AnalysisJob, created: Bool) {
        let new = try new.validated()
        return try await writer.write { db in
            if let key = new.idempotencyKey,
                let existing = try JobRecord.filter(JobRecord.Columns.idempotencyKey == key).fetchOne(db)
            {
                return (try Self.job(existing, db), false)
            }
            let waiting = try JobRecord.filter(Self.unfinished).fetchCount(db)
            guard waiting < new.capacity else { throw JobQueueError.full(capacity: new.capacity) }
            let job = new.makeJob(id: AnalysisJob.newID(), now: Date())
            try JobRecord(job).insert(db)
            try db.execute(
                sql: "UPDATE analysis_job SET matter_id = ? WHERE id = ?",
                arguments: [try SQLiteMatters.resolve(new.matterID, db), job.id]
            )
            for (position, upload) in new.files.enumerated() {
                try JobFileRecord(
                    jobId: job.id,
                    position: position,
                    name: upload.name,
                    byteCount: upload.bytes.count,
                    bytes: upload.bytes
                ).insert(db)
            }
            return (job, true)
        }
    }

    public func job(id: String) async throws -> AnalysisJob? {
        try await writer.read { db in
            try JobRecord.fetchOne(db, key: id).map { try Self.job($0, db) }
        }
    }

    public func job(idempotencyKey: String) async throws -> AnalysisJob? {
        try await writer.read { db in
            try JobRecord.filter(JobRecord.Columns.idempotencyKey == idempotencyKey).fetchOne(db)
                .map { try Self.job($0, db) }
        }
    }

    public func claim(worker: String, lease: Duration) async throws -> ClaimedJob? {
        try await writer.write { db in
            guard
                var record = try JobRecord.filter(JobRecord.Columns.state == AnalysisJob.State.queued.rawValue)
                    .order(JobRecord.Columns.createdAt, Column.rowID).fetchOne(db)
            else { return nil }
            let now = Date()
            record.state = AnalysisJob.State.running.rawValue
            record.attempts += 1
            record.step = "started"
            record.leaseToken = AnalysisJob.newID()
            record.leaseWorker = worker
            record.leaseExpiresAt = now.addingTimeInterval(lease.seconds)
            record.updatedAt = now
            try record.update(db)
            let uploads = try JobFileRecord.filter(JobFileRecord.Columns.jobId == record.id)
                .order(JobFileRecord.Columns.position).fetchAll(db)
                .map { JobUpload(name: $0.name, bytes: $0.bytes) }
            return ClaimedJob(
                job: try Self.job(record, db),
                lease: JobLease(jobID: record.id, token: record.leaseToken!),
                uploads: uploads
            )
        }
    }

    public func heartbeat(_ lease: JobLease, progress: Double, step: String, extendBy: Duration) async throws {
        try await withLease(lease) { record in
            record.progress = min(max(progress, 0), 1)
            record.step = step
            record.leaseExpiresAt = Date().addingTimeInterval(extendBy.seconds)
        }
    }

    public func complete(_ lease: JobLease, results: [JobResult]) async throws -> [Int64] {
        let encoded = try results.map { ($0, try AnalysisJSON.encode($0.analysis)) }
        return try await writer.write { db in
            var record = try Self.leased(lease, db)
            var ids: [Int64] = []
            let matter = try SQLiteMatters.jobMatter(record.id, db)
            for (result, json) in encoded {
                _ = try SQLiteStore.insertDocumentIfAbsent(result.document, db)
                ids.append(try SQLiteStore.insertAnalysis(result.analysis, json: json, matterID: matter, db).id)
            }
            record.state = AnalysisJob.State.done.rawValue
            record.progress = 1
            record.step = "done"
            record.analysisIds = JobRecord.encode(ids)
            try Self.finish(&record, db)
            return ids
        }
    }

    public func fail(_ lease: JobLease, message: String) async throws {
        try await withLease(lease, finishing: true) { record in
            record.state = AnalysisJob.State.failed.rawValue
            record.step = "failed"
            record.error = message
        }
    }

    public func requeueExpired(maxAttempts: Int) async throws -> Int {
        try await writer.write { db in
            let now = Date()
            let expired = try JobRecord.filter(JobRecord.Columns.state == AnalysisJob.State.running.rawValue)
                .filter(JobRecord.Columns.leaseExpiresAt < now).fetchAll(db)
            for var record in expired {
                if record.attempts >= maxAttempts {
                    record.state = AnalysisJob.State.failed.rawValue
                    record.step = "failed"
                    record.error = Self.gaveUp(record.attempts)
                } else {
                    record.state = AnalysisJob.State.queued.rawValue
                    record.step = "waiting for a worker (again, after a worker stopped)"
                    record.progress = 0
                }
                record.leaseToken = nil
                record.leaseWorker = nil
                record.leaseExpiresAt = nil
                record.updatedAt = now
                try record.update(db)
            }
            return expired.count
        }
    }

    public func depth() async throws -> Int {
        try await writer.read { db in try JobRecord.filter(Self.unfinished).fetchCount(db) }
    }

    // MARK: Helpers

    static let unfinished = [AnalysisJob.State.queued.rawValue, AnalysisJob.State.running.rawValue]
        .contains(JobRecord.Columns.state)

    static func gaveUp(_ attempts: Int) -> String {
        "the analysis stopped its worker \(attempts) times, so it was not tried again; check the file opens elsewhere, or split it"
    }

    /// Applies `change` to the job if `lease` is still the current claim of a running job.
    private func withLease(
        _ lease: JobLease,
        finishing: Bool = false,
        change: @escaping @Sendable (inout JobRecord) -> Void
    ) async throws {
        try await writer.write { db in
            var record = try Self.leased(lease, db)
            change(&record)
            if finishing {
                try Self.finish(&record, db)
            } else {
                record.updatedAt = Date()
                try record.update(db)
            }
        }
    }

    /// The job's row, provided the lease is still the one it runs under.
    private static func leased(_ lease: JobLease, _ db: Database) throws -> JobRecord {
        guard let record = try JobRecord.fetchOne(db, key: lease.jobID),
            record.state == AnalysisJob.State.running.rawValue, record.leaseToken == lease.token
        else { throw JobQueueError.leaseLost(jobID: lease.jobID) }
        return record
    }

    /// Releases the lease of a job that ended and saves its row.
    private static func finish(_ record: inout JobRecord, _ db: Database) throws {
        record.updatedAt = Date()
        record.leaseToken = nil
        record.leaseWorker = nil
        record.leaseExpiresAt = nil
        try record.update(db)
    }

    private static func job(_ record: JobRecord, _ db: Database) throws -> AnalysisJob {
        let files = try Row.fetchAll(
            db,
            sql: "SELECT name, byte_count FROM analysis_job_file WHERE job_id = ? ORDER BY position",
            arguments: [record.id]
        ).map { JobFile(name: $0["name"], byteCount: $0["byte_count"]) }
        return try record.job(files: files)
    }
}
