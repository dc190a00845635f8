import FineprintCore
import Foundation

/// The durable queue of analysis jobs. Its state lives in the database, so a restarted server, or
/// another `fineprint worker` sharing the database, resumes what a dead one was doing.
///
/// A worker holds a claimed job under a lease it renews with `heartbeat`; a lease left to expire
/// (the worker crashed or was killed) is given back to the queue by `requeueExpired`. Every call
/// that needs the lease checks it, so a worker that lost its job cannot overwrite another's work.
public protocol JobQueue: Sendable {
    /// Stores the job with its files' bytes and returns it once both are durable. With an
    /// idempotency key already used, returns that key's job and `created: false` instead (even
    /// when the queue is full). Throws `JobQueueError.full` when `capacity` jobs are unfinished.
    func enqueue(_ job: NewJob) async throws -> (job: AnalysisJob, created: Bool)
    func job(id: String) async throws -> AnalysisJob?
    /// The job an idempotency key made, if any.
    func job(idempotencyKey: String) async throws -> AnalysisJob?
    /// The oldest queued job, now running under a lease held by `worker`; nil when none waits.
    func claim(worker: String, lease: Duration) async throws -> ClaimedJob?
    /// Records progress and renews the lease. Throws `JobQueueError.leaseLost` when the lease expired
    /// and the job went back to the queue (or to another worker).
    func heartbeat(_ lease: JobLease, progress: Double, step: String, extendBy: Duration) async throws
    /// Stores each file's document and analysis and marks the job done with them, in one
    /// transaction: a worker killed on the way leaves none of it, so the resumed job cannot store
    /// an analysis twice. Returns the analyses' ids in file order.
    @discardableResult func complete(_ lease: JobLease, results: [JobResult]) async throws -> [Int64]
    /// Marks the job failed with a message for the user.
    func fail(_ lease: JobLease, message: String) async throws
    /// Gives running jobs whose lease expired back to the queue, or fails them once they have been
    /// claimed `maxAttempts` times (a job that kills its worker every time must not loop forever).
    /// Returns how many jobs it touched.
    @discardableResult func requeueExpired(maxAttempts: Int) async throws -> Int
    /// How many jobs are queued or running.
    func depth() async throws -> Int
}

/// A job to enqueue.
public struct NewJob: Sendable {
    public var profile: String
    public var files: [JobUpload]
    public var idempotencyKey: String?
    /// The most unfinished jobs the queue holds; this one is refused beyond it.
    public var capacity: Int
    /// The matter its analyses are stored in (nil: the default matter).
    public var matterID: String?

    public init(
        profile: String,
        files: [JobUpload],
        idempotencyKey: String? = nil,
        capacity: Int = 100,
        matterID: String? = nil
    ) {
        self.matterID = matterID
        self.profile = profile
        self.files = files
        self.idempotencyKey = idempotencyKey
        self.capacity = capacity
    }
}

/// What a job made of one of its files: the document to keep and its analysis.
public struct JobResult: Sendable {
    public var document: NewDocument
    public var analysis: Analysis

    public init(document: NewDocument, analysis: Analysis) {
        self.document = document
        self.analysis = analysis
    }
}

/// The right to work on a claimed job: its id and the token of this claim.
public struct JobLease: Hashable, Sendable {
    public var jobID: String
    /// Random per claim, so an old claim of the same job is told apart from the current one.
    public var token: String

    public init(jobID: String, token: String) {
        self.jobID = jobID
        self.token = token
    }
}

/// A claimed job with the bytes of its files, in upload order.
public struct ClaimedJob: Sendable {
    public var job: AnalysisJob
    public var lease: JobLease
    public var uploads: [JobUpload]

    public init(job: AnalysisJob, lease: JobLease, uploads: [JobUpload]) {
        self.job = job
        self.lease = lease
        self.uploads = uploads
    }
}

public enum JobQueueError: Error, Equatable, CustomStringConvertible, Sendable {
    /// As many jobs as the queue holds are waiting or running.
    case full(capacity: Int)
    /// The lease expired and the job was given to the queue again; this worker's result is dropped.
    case leaseLost(jobID: String)
    case invalid(String)

    public var description: String {
        switch self {
        case .full(let capacity):
            return "the analysis queue is full (\(capacity) jobs waiting or running); try again in a minute"
        case .leaseLost(let id):
            return "job \(id) was handed to another worker after this one stopped renewing its lease"
        case .invalid(let detail):
            return "the job cannot be queued: \(detail)"
        }
    }
}

extension NewJob {
    /// Checks what every backend requires before storing anything.
    func validated() throws -> NewJob {
        guard !files.isEmpty else { throw JobQueueError.invalid("it has no files") }
        guard capacity > 0 else { throw JobQueueError.invalid("the queue's capacity must be at least 1") }
        if let key = idempotencyKey {
            guard !key.isEmpty, key.utf8.count <= 200 else {
                throw JobQueueError.invalid("the idempotency key must be 1 to 200 bytes")
            }
        }
        return self
    }

    /// The job as first stored.
    func makeJob(id: String, now: Date) -> AnalysisJob {
        AnalysisJob(
            id: id,
            profile: profile,
            files: files.map { JobFile(name: $0.name, byteCount: $0.bytes.count) },
            idempotencyKey: idempotencyKey,
            createdAt: now,
            updatedAt: now
        )
    }
}

extension Duration {
    /// The duration in seconds, for date arithmetic and SQL intervals.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// A store that keeps the job queue beside its own data (same database, same connections), so
/// that a server and `fineprint worker` opening the same storage share one queue.
public protocol JobQueueStore: Store {
    /// The queue on this store's database; its tables come with the store's migrations.
    func jobQueue() -> any JobQueue
}
