import FineprintCore
import FineprintStore

/// What a job's analysis reports while it runs: each report is written to the queue at once (and
/// renews the lease); the pool renews the lease between reports with the last figures.
public actor JobProgress {
    public let lease: JobLease
    private let queue: any JobQueue
    private let leaseLength: Duration
    private(set) var fraction: Double = 0
    private(set) var step = "started"

    public init(queue: any JobQueue, lease: JobLease, leaseLength: Duration) {
        self.queue = queue
        self.lease = lease
        self.leaseLength = leaseLength
    }

    /// Records how far the job is. Throws `JobQueueError.leaseLost` when the job was taken back,
    /// so the work stops.
    public func report(_ fraction: Double, _ step: String) async throws {
        self.fraction = fraction
        self.step = step
        try await renew()
    }

    func renew() async throws {
        try await queue.heartbeat(lease, progress: fraction, step: step, extendBy: leaseLength)
    }
}
