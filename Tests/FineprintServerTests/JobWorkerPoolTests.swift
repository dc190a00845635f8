import FineprintCore
import FineprintServer
import FineprintStore
import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Testing

/// Which jobs a test's work closure ran, and how often.
actor JobRunLog {
    private(set) var runs: [String: Int] = [:]
    func record(_ id: String) { runs[id, default: 0] += 1 }
}

@Suite("Job worker pool")
struct JobWorkerPoolTests {
    static func memoryStore() throws -> SQLiteStore {
        try SQLiteStore(writer: try DatabaseQueue())
    }

    /// A job's result for a file whose text is `name`: a document keyed by that text and an empty analysis of it.
    static func result(_ name: String) -> JobResult {
        let hex = name.utf8.map { String($0, radix: 16) }.joined()
        let sha = String(hex.prefix(64)).padding(toLength: 64, withPad: "0", startingAt: 0)
        let document = NewDocument(sha256: sha, name: name, format: .txt, bytes: Data(name.utf8), text: name)
        let analysis = Analysis(
            document: DocumentSummary(name: name, sha256: sha, format: .txt, characters: name.count),
            profile: "tier1",
            provisions: [],
            killListMoves: [],
            dimensions: [],
            gaps: [],
            score: 50,
            timings: Timings(milliseconds: 1)
        )
        return JobResult(document: document, analysis: analysis)
    }

    /// Runs the pool in a service group until `finished` holds (or 60 s pass), then shuts it down
    /// gracefully and waits for it to stop.
    static func runPool(
        _ pool: JobWorkerPool,
        until finished: @escaping @Sendable () async throws -> Bool
    ) async throws {
        let group = ServiceGroup(services: [pool], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // Only a guard against a hang: a machine busy with other suites can take minutes.
            let deadline = ContinuousClock.now + .seconds(600)
            while try await !finished(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    // The lease outlasts any pause a loaded machine imposes on a worker: a lapsed lease hands the job to another
    // worker, as it should, and would count as a second run here.
    static let fast = JobWorkerPool.Settings(
        workers: 3,
        lease: .seconds(120),
        pollInterval: .milliseconds(20),
        sweepInterval: .milliseconds(100)
    )

    @Test func everyJobRunsOnceAndItsResultOrFailureIsRecorded() async throws {
        let store = try Self.memoryStore()
        let queue = store.jobQueue()
        var ids: [String] = []
        for index in 0..<8 {
            let text = index == 5 ? "unreadable" : "contract \(index)"
            ids.append(
                try await queue.enqueue(
                    NewJob(profile: "tier1", files: [JobUpload(name: "c.txt", bytes: Data(text.utf8))])
                )
                .job.id
            )
        }
        let log = JobRunLog()
        let pool = JobWorkerPool(queue: queue, settings: Self.fast) { claimed, progress in
            await log.record(claimed.job.id)
            try await progress.report(0.5, "halfway")
            let text = String(decoding: claimed.uploads[0].bytes, as: UTF8.self)
            if text == "unreadable" { throw JobQueueError.invalid("the file cannot be read") }
            return [Self.result(text)]
        }
        try await Self.runPool(pool) { try await queue.depth() == 0 }
        #expect(await log.runs.count == 8)
        #expect(await log.runs.values.allSatisfy { $0 == 1 })
        for (index, id) in ids.enumerated() {
            let job = try #require(try await queue.job(id: id))
            if index == 5 {
                #expect(job.state == .failed)
                #expect(job.error == "\(JobQueueError.invalid("the file cannot be read"))")
            } else {
                try #require(job.state == .done && job.analysisIds.count == 1)
                let stored = try #require(try await store.analysis(id: job.analysisIds[0]))
                #expect(stored.summary.documentName == "contract \(index)")
            }
        }
    }

    @Test func aJobLeftByADeadWorkerIsResumedByThePool() async throws {
        let store = try Self.memoryStore()
        let queue = store.jobQueue()
        let id = try await queue.enqueue(
            NewJob(profile: "tier1", files: [JobUpload(name: "c.txt", bytes: Data("x".utf8))])
        ).job.id
        // A worker of a process that was killed: it claimed the job and will never renew its lease.
        _ = try #require(try await queue.claim(worker: "killed", lease: .milliseconds(200)))
        let pool = JobWorkerPool(queue: queue, settings: Self.fast) { _, _ in [Self.result("resumed")] }
        try await Self.runPool(pool) { try await queue.job(id: id)?.state == .done }
        let job = try #require(try await queue.job(id: id))
        #expect(job.state == .done && job.analysisIds.count == 1 && job.attempts == 2)
        #expect(try await store.analysisCount() == 1)
    }

    @Test func gracefulShutdownFinishesTheJobInHand() async throws {
        let queue = try Self.memoryStore().jobQueue()
        let id = try await queue.enqueue(
            NewJob(profile: "tier1", files: [JobUpload(name: "c.txt", bytes: Data("x".utf8))])
        ).job.id
        let pool = JobWorkerPool(queue: queue, settings: Self.fast) { _, _ in
            try await Task.sleep(for: .milliseconds(600))
            return [Self.result("slow")]
        }
        // Shut down as soon as the job is running: the worker still completes it.
        try await Self.runPool(pool) { try await queue.job(id: id)?.state == .running }
        #expect(try await queue.job(id: id)?.state == .done)
    }

    @Test func theWorkbenchAnalysesAQueuedContractIntoTheStore() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let bench = try await Repo.workbench(store: store)
        let queue = store.jobQueue()
        let files = [
            JobUpload(name: "framework.txt", bytes: try Repo.contract("sovereign-framework-agreement.txt")),
            JobUpload(name: "terms.md", bytes: try Repo.contract("vendor-ai-terms.md")),
        ]
        let id = try await queue.enqueue(NewJob(profile: "tier2", files: files)).job.id
        let broken = try await queue.enqueue(
            NewJob(profile: "tier2", files: [JobUpload(name: "x.pdf", bytes: Data("not a pdf".utf8))])
        ).job.id
        let pool = JobWorkerPool(queue: queue, settings: Self.fast, work: bench.analyseJob)
        try await Self.runPool(pool) { try await queue.depth() == 0 }
        let job = try #require(try await queue.job(id: id))
        #expect(job.state == .done && job.analysisIds.count == 2)
        for (analysisID, file) in zip(job.analysisIds, files) {
            let stored = try #require(try await bench.store.analysis(id: analysisID))
            #expect(stored.summary.documentName == file.name && stored.summary.profile == "tier2")
        }
        let failed = try #require(try await queue.job(id: broken))
        #expect(failed.state == .failed && failed.error?.isEmpty == false)
    }
}
