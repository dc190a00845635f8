import FineprintCore
import FineprintStore
import Foundation
import Logging
import ServiceLifecycle

/// Workers that take analysis jobs from the queue and run them, as a service of the service group
/// (the web server's, or `fineprint worker`'s own). Each worker claims a job under a lease, runs
/// `work` while renewing the lease, then records the analyses or the failure. A sweeper gives jobs
/// whose lease expired (a worker died) back to the queue, so a restart resumes them.
///
/// On graceful shutdown workers stop claiming and finish the job in hand; a job cut off harder is
/// left to its lease and resumed by the next start.
public struct JobWorkerPool: Service {
    /// Analyses a claimed job's files and returns the stored analyses' ids, one per file.
    public typealias Work = @Sendable (ClaimedJob, JobProgress) async throws -> [JobResult]

    public struct Settings: Sendable {
        /// How many jobs run at once in this process (default: one per core).
        public var workers: Int
        /// How long a claim holds without renewal before the job is given to another worker.
        public var lease: Duration
        /// How long an idle worker waits before looking at the queue again.
        public var pollInterval: Duration
        /// How often expired leases are looked for.
        public var sweepInterval: Duration
        /// Claims after which a job whose worker keeps dying is failed rather than retried.
        public var maxAttempts: Int

        public init(
            workers: Int = ProcessInfo.processInfo.activeProcessorCount,
            lease: Duration = .seconds(15),
            pollInterval: Duration = .milliseconds(250),
            sweepInterval: Duration = .seconds(2),
            maxAttempts: Int = 3
        ) {
            self.workers = max(1, workers)
            self.lease = lease
            self.pollInterval = pollInterval
            self.sweepInterval = sweepInterval
            self.maxAttempts = max(1, maxAttempts)
        }
    }

    let queue: any JobQueue
    let settings: Settings
    let work: Work
    let logger: Logger
    /// Names this process's workers in the queue (host and process id), for operators.
    let name: String

    public init(queue: any JobQueue, settings: Settings = Settings(), logger: Logger? = nil, work: @escaping Work) {
        self.queue = queue
        self.settings = settings
        self.work = work
        self.logger = logger ?? Logger(label: "fineprint.jobs")
        self.name = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)"
    }

    public func run() async throws {
        logger.info("job workers started", metadata: ["workers": "\(settings.workers)", "worker": "\(name)"])
        await withDiscardingTaskGroup { group in
            group.addTask { await sweep() }
            for index in 0..<settings.workers {
                group.addTask { await workLoop(worker: "\(name)#\(index)") }
            }
        }
        logger.info("job workers stopped")
    }

    /// Gives expired leases back to the queue until shutdown.
    func sweep() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let touched = try await queue.requeueExpired(maxAttempts: settings.maxAttempts)
                FineprintMetrics.setQueueDepth(try await queue.depth())
                if touched > 0 {
                    logger.notice("jobs whose worker stopped were requeued", metadata: ["jobs": "\(touched)"])
                }
            } catch {
                logger.error("cannot requeue expired jobs", metadata: ["error": "\(error)"])
            }
            await idle(settings.sweepInterval)
        }
    }

    func workLoop(worker: String) async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let claimed: ClaimedJob?
            do {
                claimed = try await queue.claim(worker: worker, lease: settings.lease)
            } catch {
                logger.error("cannot claim a job", metadata: ["error": "\(error)"])
                await idle(settings.pollInterval * 4)
                continue
            }
            guard let claimed else {
                await idle(settings.pollInterval)
                continue
            }
            await process(claimed, worker: worker)
        }
    }

    /// Sleeps, waking early for shutdown.
    private func idle(_ interval: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
    }
}

extension JobWorkerPool {
    enum Outcome: Sendable {
        case done([JobResult])
        case failed(any Error)
    }

    /// Runs one job with its lease renewed alongside, and records how it ended.
    func process(_ claimed: ClaimedJob, worker: String) async {
        let lease = claimed.lease
        let progress = JobProgress(queue: queue, lease: lease, leaseLength: settings.lease)
        let metadata: Logger.Metadata = ["job": "\(lease.jobID)", "worker": "\(worker)"]
        logger.info("job started", metadata: metadata.merging(["attempt": "\(claimed.job.attempts)"]) { $1 })
        let started = ContinuousClock.now
        let outcome = await withTaskGroup(of: Outcome?.self) { group -> Outcome in
            group.addTask { await keepAlive(progress) }
            group.addTask {
                do { return .done(try await work(claimed, progress)) } catch { return .failed(error) }
            }
            while let next = await group.next() {
                guard let outcome = next else { continue }
                group.cancelAll()
                return outcome
            }
            return .failed(CancellationError())
        }
        do {
            switch outcome {
            case .done(let results):
                try await queue.complete(lease, results: results)
                FineprintMetrics.setQueueDepth(try await queue.depth())
                logger.info("job done", metadata: metadata.merging(["seconds": "\(started.duration(to: .now))"]) { $1 })
            case .failed(let error as JobQueueError) where error == .leaseLost(jobID: lease.jobID):
                logger.warning("job taken back from this worker; its result is dropped", metadata: metadata)
            case .failed(let error) where error is CancellationError:
                // Cut off by a forced stop: the lease expires and the next start resumes the job.
                logger.notice("job interrupted; it will be resumed", metadata: metadata)
            case .failed(let error):
                try await queue.fail(lease, message: "\(error)")
                logger.notice("job failed", metadata: metadata.merging(["error": "\(error)"]) { $1 })
            }
        } catch {
            logger.error("cannot record the job's end", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    /// Renews the lease a few times per lease length until cancelled; returns nil (no outcome) once
    /// the lease is lost, leaving the work to find out at its next report or at completion.
    private func keepAlive(_ progress: JobProgress) async -> Outcome? {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: settings.lease / 3)
                try await progress.renew()
            } catch is CancellationError {
                return nil
            } catch {
                logger.warning(
                    "cannot renew a job's lease",
                    metadata: ["job": "\(progress.lease.jobID)", "error": "\(error)"]
                )
                if case JobQueueError.leaseLost = error { return nil }
            }
        }
        return nil
    }
}
