import FineprintCore
import Foundation
import Logging
import PostgresNIO

/// The job queue in PostgreSQL, shared by every server and `fineprint worker` on the database:
/// a claim takes the oldest queued row with `FOR UPDATE SKIP LOCKED`, so workers never wait on,
/// nor take, each other's job. Lease times are the database's clock, so machines need not agree.
public struct PostgresJobQueue: JobQueue {
    private let database: PostgresSchemaAccess

    /// `client` must work in the endpoint's schema (its search path), with `migrations` applied: the
    /// store's client (`PostgresStore.jobQueue()`).
    public init(client: PostgresClient, endpoint: PostgresEndpoint, logger: Logger? = nil) {
        database = PostgresSchemaAccess(
            client: client,
            endpoint: endpoint,
            logger: logger ?? Logger(label: "fineprint.jobs.postgres")
        )
    }

    /// The queue's tables, numbered like the store's migrations and recorded in the same
    /// `fineprint_migration` table, applied by the store's `migrate()` after its own (`PostgresSchema.migrations`).
    public static let migrations: [(name: String, sql: [String])] = [
        (
            "jobs v1: analysis_job, analysis_job_file",
            [
                """
                CREATE TABLE analysis_job (
                    id TEXT PRIMARY KEY, state TEXT NOT NULL, progress DOUBLE PRECISION NOT NULL, step TEXT NOT NULL,
                    profile TEXT NOT NULL, analysis_ids TEXT NOT NULL, error TEXT, idempotency_key TEXT UNIQUE,
                    attempts BIGINT NOT NULL, lease_token TEXT, lease_worker TEXT, lease_expires_at TIMESTAMPTZ,
                    created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL)
                """,
                "CREATE INDEX analysis_job_state ON analysis_job(state, created_at)",
                """
                CREATE TABLE analysis_job_file (
                    job_id TEXT NOT NULL REFERENCES analysis_job(id) ON DELETE CASCADE, position BIGINT NOT NULL,
                    name TEXT NOT NULL, byte_count BIGINT NOT NULL, bytes BYTEA NOT NULL, PRIMARY KEY (job_id, position))
                """,
            ]
        )
    ]

    public func enqueue(_ new: NewJob) async throws -> (job: AnalysisJob, created: Bool) {
        let new = try new.validated()
        return try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                // Enqueues take turns, so the capacity check and the idempotency check hold exactly.
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.analysis_job'))",
                    logger: database.logger
                )
                if let key = new.idempotencyKey,
                    let existing = try await Self.fetchJob(connection, key: key, logger: database.logger)
                {
                    return (existing, false)
                }
                let waiting =
                    try await connection.query(
                        "SELECT count(*) FROM analysis_job WHERE state IN ('queued', 'running')",
                        logger: database.logger
                    ).collect().first?.decode(Int.self) ?? 0
                guard waiting < new.capacity else { throw JobQueueError.full(capacity: new.capacity) }
                let job = new.makeJob(id: AnalysisJob.newID(), now: Date())
                try await Self.insert(job, uploads: new.files, connection, logger: database.logger)
                let matter = try await PostgresMatters.resolve(new.matterID, connection, logger: database.logger)
                try await connection.query(
                    "UPDATE analysis_job SET matter_id = \(matter) WHERE id = \(job.id)",
                    logger: database.logger
                )
                return (job, true)
            }
        }
    }

    public func job(id: String) async throws -> AnalysisJob? {
        try await guarded {
            try await database.client.withConnection { connection in
                try await Self.fetchJob(connection, id: id, logger: database.logger)
            }
        }
    }

    public func job(idempotencyKey: String) async throws -> AnalysisJob? {
        try await guarded {
            try await database.client.withConnection { connection in
                try await Self.fetchJob(connection, key: idempotencyKey, logger: database.logger)
            }
        }
    }

    public func claim(worker: String, lease: Duration) async throws -> ClaimedJob? {
        let token = AnalysisJob.newID()
        return try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                let claimed = try await connection.query(
                    """
                    UPDATE analysis_job SET state = 'running', attempts = attempts + 1, step = 'started',
                        lease_token = \(token), lease_worker = \(worker),
                        lease_expires_at = clock_timestamp() + make_interval(secs => \(lease.seconds)),
                        updated_at = clock_timestamp()
                    WHERE id = (SELECT id FROM analysis_job WHERE state = 'queued' ORDER BY created_at, id
                                LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """,
                    logger: database.logger
                ).collect().first?.decode(String.self)
                guard let id = claimed,
                    let job = try await Self.fetchJob(connection, id: id, logger: database.logger)
                else { return nil }
                var uploads: [JobUpload] = []
                for try await (name, bytes) in try await connection.query(
                    "SELECT name, bytes FROM analysis_job_file WHERE job_id = \(id) ORDER BY position",
                    logger: database.logger
                ).decode((String, ByteBuffer).self) {
                    uploads.append(JobUpload(name: name, bytes: Data(buffer: bytes)))
                }
                return ClaimedJob(job: job, lease: JobLease(jobID: id, token: token), uploads: uploads)
            }
        }
    }

    public func heartbeat(_ lease: JobLease, progress: Double, step: String, extendBy: Duration) async throws {
        let fraction = min(max(progress, 0), 1)
        try await updateLeased(
            lease,
            """
            UPDATE analysis_job SET progress = \(fraction), step = \(step),
                lease_expires_at = clock_timestamp() + make_interval(secs => \(extendBy.seconds)),
                updated_at = clock_timestamp()
            WHERE id = \(lease.jobID) AND state = 'running' AND lease_token = \(lease.token) RETURNING id
            """
        )
    }

    public func complete(_ lease: JobLease, results: [JobResult]) async throws -> [Int64] {
        let encoded = try results.map { ($0, try AnalysisJSON.encode($0.analysis)) }
        let logger = database.logger
        return try await guarded {
            try await database.client.withTransaction(logger: logger) { connection in
                // The lease is checked first and its row stays locked, so a worker that lost it stores nothing.
                let held = try await connection.query(
                    """
                    SELECT id FROM analysis_job
                    WHERE id = \(lease.jobID) AND state = 'running' AND lease_token = \(lease.token) FOR UPDATE
                    """,
                    logger: logger
                ).collect().count
                guard held == 1 else { throw JobQueueError.leaseLost(jobID: lease.jobID) }
                var ids: [Int64] = []
                let matter = try await PostgresMatters.jobMatter(lease.jobID, connection, logger: logger)
                for (result, json) in encoded {
                    _ = try await PostgresStore.insertDocumentIfAbsent(result.document, connection, logger: logger)
                    let summary = try await PostgresStore.insertAnalysis(
                        result.analysis,
                        json: json,
                        matterID: matter,
                        connection,
                        logger: logger
                    )
                    ids.append(summary.id)
                }
                try await connection.query(
                    """
                    UPDATE analysis_job SET state = 'done', progress = 1, step = 'done',
                        analysis_ids = \(JobRecord.encode(ids)), lease_token = NULL, lease_worker = NULL,
                        lease_expires_at = NULL, updated_at = clock_timestamp()
                    WHERE id = \(lease.jobID)
                    """,
                    logger: logger
                )
                return ids
            }
        }
    }

    public func fail(_ lease: JobLease, message: String) async throws {
        try await updateLeased(
            lease,
            """
            UPDATE analysis_job SET state = 'failed', step = 'failed', error = \(message), lease_token = NULL,
                lease_worker = NULL, lease_expires_at = NULL, updated_at = clock_timestamp()
            WHERE id = \(lease.jobID) AND state = 'running' AND lease_token = \(lease.token) RETURNING id
            """
        )
    }

    public func requeueExpired(maxAttempts: Int) async throws -> Int {
        let gaveUp = SQLiteJobQueue.gaveUp(maxAttempts)
        return try await guarded {
            try await database.client.withTransaction(logger: database.logger) { connection in
                let failed = try await connection.query(
                    """
                    UPDATE analysis_job SET state = 'failed', step = 'failed', error = \(gaveUp), lease_token = NULL,
                        lease_worker = NULL, lease_expires_at = NULL, updated_at = clock_timestamp()
                    WHERE state = 'running' AND lease_expires_at < clock_timestamp() AND attempts >= \(maxAttempts)
                    RETURNING id
                    """,
                    logger: database.logger
                ).collect().count
                let requeued = try await connection.query(
                    """
                    UPDATE analysis_job SET state = 'queued', progress = 0,
                        step = 'waiting for a worker (again, after a worker stopped)', lease_token = NULL,
                        lease_worker = NULL, lease_expires_at = NULL, updated_at = clock_timestamp()
                    WHERE state = 'running' AND lease_expires_at < clock_timestamp() RETURNING id
                    """,
                    logger: database.logger
                ).collect().count
                return failed + requeued
            }
        }
    }

    public func depth() async throws -> Int {
        try await guarded {
            try await database.client.query(
                "SELECT count(*) FROM analysis_job WHERE state IN ('queued', 'running')",
                logger: database.logger
            ).collect().first?.decode(Int.self) ?? 0
        }
    }

    // MARK: Helpers

    private func updateLeased(_ lease: JobLease, _ query: PostgresQuery) async throws {
        let touched = try await guarded {
            try await database.client.query(query, logger: database.logger).collect().count
        }
        guard touched == 1 else { throw JobQueueError.leaseLost(jobID: lease.jobID) }
    }

    private static func insert(
        _ job: AnalysisJob,
        uploads: [JobUpload],
        _ connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO analysis_job (id, state, progress, step, profile, analysis_ids, idempotency_key, attempts,
                                      created_at, updated_at)
            VALUES (\(job.id), \(job.state.rawValue), \(job.progress), \(job.step), \(job.profile), '[]',
                    \(job.idempotencyKey), 0, \(job.createdAt), \(job.updatedAt))
            """,
            logger: logger
        )
        for (position, upload) in uploads.enumerated() {
            try await connection.query(
                """
                INSERT INTO analysis_job_file (job_id, position, name, byte_count, bytes)
                VALUES (\(job.id), \(position), \(upload.name), \(upload.bytes.count), \(upload.bytes))
                """,
                logger: logger
            )
        }
    }

    private static func fetchJob(
        _ connection: PostgresConnection,
        id: String,
        logger: Logger
    ) async throws
        -> AnalysisJob?
    {
        try await fetchJob(connection, where: "id = \(id)", logger: logger)
    }

    private static func fetchJob(
        _ connection: PostgresConnection,
        key: String,
        logger: Logger
    ) async throws
        -> AnalysisJob?
    {
        try await fetchJob(connection, where: "idempotency_key = \(key)", logger: logger)
    }

    private static func fetchJob(
        _ connection: PostgresConnection,
        where condition: PostgresQuery,
        logger: Logger
    ) async throws -> AnalysisJob? {
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT id, state, progress, step, profile, analysis_ids, error, idempotency_key, attempts, created_at,
                       updated_at FROM analysis_job WHERE
                """
        )
        query.sql += " " + condition.sql
        query.binds = condition.binds
        let rows = try await connection.query(query, logger: logger).collect()
        guard let row = rows.first else { return nil }
        let (id, state, progress, step, profile, ids, error, key, attempts, created, updated) = try row.decode(
            (String, String, Double, String, String, String, String?, String?, Int, Date, Date).self
        )
        var record = JobRecord(
            AnalysisJob(id: id, profile: profile, files: [], createdAt: created, updatedAt: updated)
        )
        record.state = state
        record.progress = progress
        record.step = step
        record.analysisIds = ids
        record.error = error
        record.idempotencyKey = key
        record.attempts = attempts
        var files: [JobFile] = []
        for try await (name, count) in try await connection.query(
            "SELECT name, byte_count FROM analysis_job_file WHERE job_id = \(id) ORDER BY position",
            logger: logger
        ).decode((String, Int).self) {
            files.append(JobFile(name: name, byteCount: count))
        }
        return try record.job(files: files)
    }

    private func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await PostgresErrors.guarded(database.endpoint, passing: JobQueueError.self, body)
    }
}
