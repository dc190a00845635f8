import FineprintCore
import FineprintStore
import Foundation
import GRDB
import PostgresNIO
import Testing

/// Opens an empty queue on a backend, as the stores open it: SQLite in memory (the queue's tables
/// made by the store's migrations), or the queue of a PostgreSQL store on a schema of its own in the
/// test server, whose client runs for the duration of `body`.
enum JobQueueBackends {
    static let backends = PostgresTestServer.url == nil ? ["sqlite"] : ["sqlite", "postgres"]

    static func withQueue(_ backend: String, _ body: (any JobQueue) async throws -> Void) async throws {
        try await withStore(backend) { try await body($0.jobQueue()) }
    }

    static func withStore(_ backend: String, _ body: (any JobQueueStore) async throws -> Void) async throws {
        guard backend == "postgres" else {
            try await body(try SQLiteStore(writer: try DatabaseQueue()))
            return
        }
        try await PostgresStore.withRunningStore(endpoint: try PostgresTestServer.freshEndpoint(prefix: "jobs_")) {
            try await body($0)
        }
    }

    /// A file's result as a worker hands it to `complete`.
    static func result(_ text: String) -> JobResult {
        let document = Fixtures.document(text)
        return JobResult(document: document, analysis: Fixtures.analysis(sha: document.sha256))
    }

    static func newJob(
        _ text: String = "The Supplier shall keep the data in Ireland.",
        key: String? = nil,
        capacity: Int = 100
    )
        -> NewJob
    {
        NewJob(
            profile: "tier1",
            files: [JobUpload(name: "contract.txt", bytes: Data(text.utf8))],
            idempotencyKey: key,
            capacity: capacity
        )
    }
}

@Suite("Job queue, on SQLite in memory and (when FINEPRINT_TEST_POSTGRES_URL is set) PostgreSQL")
struct JobQueueTests {
    @Test(arguments: JobQueueBackends.backends) func theSameIdempotencyKeyReturnsTheSameJob(
        _ backend: String
    )
        async throws
    {
        try await JobQueueBackends.withQueue(backend) { queue in
            let first = try await queue.enqueue(JobQueueBackends.newJob(key: "upload-1"))
            let retry = try await queue.enqueue(JobQueueBackends.newJob("other bytes", key: "upload-1"))
            let other = try await queue.enqueue(JobQueueBackends.newJob(key: "upload-2"))
            #expect(first.created)
            #expect(!retry.created)
            #expect(retry.job.id == first.job.id)
            #expect(retry.job.files == [JobFile(name: "contract.txt", byteCount: 44)])
            #expect(other.created && other.job.id != first.job.id)
            #expect(try await queue.depth() == 2)
            let stored = try #require(try await queue.job(id: first.job.id))
            #expect(stored.state == .queued && stored.idempotencyKey == "upload-1" && stored.attempts == 0)
        }
    }

    @Test(arguments: JobQueueBackends.backends) func twoWorkersNeverClaimTheSameJob(_ backend: String) async throws {
        try await JobQueueBackends.withQueue(backend) { queue in
            var enqueued: Set<String> = []
            for index in 0..<12 {
                enqueued.insert(try await queue.enqueue(JobQueueBackends.newJob("job \(index)")).job.id)
            }
            // Two workers claim as fast as they can until the queue is empty.
            let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in ["a", "b"] {
                    group.addTask {
                        var mine: [String] = []
                        while let claimed = try await queue.claim(worker: worker, lease: .seconds(30)) {
                            mine.append(claimed.job.id)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 12)
            #expect(Set(all) == enqueued)
            #expect(try await queue.claim(worker: "c", lease: .seconds(30)) == nil)
        }
    }

    @Test(arguments: JobQueueBackends.backends) func aClaimCarriesTheBytesAndCompletionRecordsTheAnalyses(
        _ backend: String
    ) async throws {
        try await JobQueueBackends.withQueue(backend) { queue in
            let files = [
                JobUpload(name: "a.txt", bytes: Data("first contract".utf8)),
                JobUpload(name: "b.pdf", bytes: Data([0, 255, 1, 128])),
            ]
            let job = try await queue.enqueue(NewJob(profile: "tier2", files: files)).job
            let claimed = try #require(try await queue.claim(worker: "a", lease: .seconds(30)))
            #expect(claimed.job.id == job.id && claimed.job.state == .running && claimed.job.attempts == 1)
            #expect(claimed.uploads == files)
            try await queue.heartbeat(claimed.lease, progress: 0.5, step: "analysing b.pdf", extendBy: .seconds(30))
            let halfway = try #require(try await queue.job(id: job.id))
            #expect(halfway.progress == 0.5 && halfway.step == "analysing b.pdf")
            let ids = try await queue.complete(
                claimed.lease,
                results: [JobQueueBackends.result("first"), JobQueueBackends.result("second")]
            )
            let done = try #require(try await queue.job(id: job.id))
            #expect(ids.count == 2 && ids[0] < ids[1])
            #expect(done.state == .done && done.analysisIds == ids && done.progress == 1)
            #expect(try await queue.depth() == 0)
            // A finished job's lease is spent.
            await #expect(throws: JobQueueError.leaseLost(jobID: job.id)) {
                try await queue.fail(claimed.lease, message: "late")
            }
        }
    }

    @Test(arguments: JobQueueBackends.backends) func anExpiredLeaseResumesTheJobAfterAWorkerDies(
        _ backend: String
    )
        async throws
    {
        try await JobQueueBackends.withQueue(backend) { queue in
            let job = try await queue.enqueue(JobQueueBackends.newJob(key: "k")).job
            // Worker a claims under a long lease: nothing is requeued while it holds it.
            let dead = try #require(try await queue.claim(worker: "a", lease: .seconds(120)))
            #expect(try await queue.requeueExpired(maxAttempts: 3) == 0)
            // Its last renewal was for 1 ms, then it "crashed" and renewed no more.
            try await queue.heartbeat(dead.lease, progress: 0.3, step: "analysing", extendBy: .milliseconds(1))
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await queue.requeueExpired(maxAttempts: 3) == 1)
            #expect(try await queue.job(id: job.id)?.state == .queued)
            let resumed = try #require(try await queue.claim(worker: "b", lease: .seconds(30)))
            #expect(resumed.job.id == job.id && resumed.job.attempts == 2)
            // The dead worker's late result is refused; the live one's is kept.
            await #expect(throws: JobQueueError.leaseLost(jobID: job.id)) {
                try await queue.complete(dead.lease, results: [JobQueueBackends.result("late")])
            }
            let ids = try await queue.complete(resumed.lease, results: [JobQueueBackends.result("live")])
            #expect(try await queue.job(id: job.id)?.analysisIds == ids)
        }
    }

    @Test(arguments: JobQueueBackends.backends) func aJobThatKeepsKillingItsWorkerIsFailed(
        _ backend: String
    )
        async throws
    {
        try await JobQueueBackends.withQueue(backend) { queue in
            let job = try await queue.enqueue(JobQueueBackends.newJob()).job
            for _ in 0..<2 {
                _ = try #require(try await queue.claim(worker: "a", lease: .milliseconds(50)))
                try await Task.sleep(for: .milliseconds(200))
                try await queue.requeueExpired(maxAttempts: 2)
            }
            let failed = try #require(try await queue.job(id: job.id))
            #expect(failed.state == .failed && failed.attempts == 2)
            #expect(failed.error?.contains("2 times") == true)
            #expect(try await queue.claim(worker: "a", lease: .seconds(1)) == nil)
        }
    }

    @Test(arguments: JobQueueBackends.backends) func aFullQueueRefusesNewJobsButAnswersRetries(
        _ backend: String
    )
        async throws
    {
        try await JobQueueBackends.withQueue(backend) { queue in
            let first = try await queue.enqueue(JobQueueBackends.newJob(key: "1", capacity: 2)).job
            _ = try await queue.enqueue(JobQueueBackends.newJob(key: "2", capacity: 2))
            await #expect(throws: JobQueueError.full(capacity: 2)) {
                _ = try await queue.enqueue(JobQueueBackends.newJob(key: "3", capacity: 2))
            }
            #expect(try await queue.enqueue(JobQueueBackends.newJob(key: "1", capacity: 2)).job.id == first.id)
            #expect(try await queue.depth() == 2)
            // A finished job frees its place.
            let claimed = try #require(try await queue.claim(worker: "a", lease: .seconds(30)))
            try await queue.fail(claimed.lease, message: "unreadable")
            #expect(try await queue.enqueue(JobQueueBackends.newJob(key: "3", capacity: 2)).created)
            #expect(try await queue.job(id: claimed.job.id)?.error == "unreadable")
        }
    }

    @Test func badJobsAreRefusedBeforeAnythingIsStored() async throws {
        try await JobQueueBackends.withQueue("sqlite") { queue in
            await #expect(throws: JobQueueError.self) {
                _ = try await queue.enqueue(NewJob(profile: "tier1", files: []))
            }
            await #expect(throws: JobQueueError.self) {
                _ = try await queue.enqueue(JobQueueBackends.newJob(key: String(repeating: "k", count: 201)))
            }
            let depth = try await queue.depth()
            let missing = try await queue.job(id: "nonexistent")
            #expect(depth == 0 && missing == nil)
        }
    }

    @Test func jobIDsAreRandomAndWellFormed() {
        let ids = (0..<100).map { _ in AnalysisJob.newID() }
        #expect(Set(ids).count == 100)
        #expect(ids.allSatisfy { AnalysisJob.isWellFormedID($0) })
        #expect(!AnalysisJob.isWellFormedID("../etc/passwd"))
        #expect(!AnalysisJob.isWellFormedID(String(repeating: "G", count: 32)))
    }

    /// The analyses are stored with the job's completion or not at all: a worker whose lease was
    /// lost (it was presumed dead and the job resumed elsewhere) leaves no analysis behind, so the
    /// resumed job's result is the only one.
    @Test(arguments: JobQueueBackends.backends) func aLostLeaseStoresNoAnalysis(_ backend: String) async throws {
        try await JobQueueBackends.withStore(backend) { store in
            let queue = store.jobQueue()
            _ = try await queue.enqueue(JobQueueBackends.newJob())
            let dead = try #require(try await queue.claim(worker: "a", lease: .milliseconds(1)))
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await queue.requeueExpired(maxAttempts: 3) == 1)
            let live = try #require(try await queue.claim(worker: "b", lease: .seconds(30)))
            await #expect(throws: JobQueueError.leaseLost(jobID: dead.job.id)) {
                try await queue.complete(dead.lease, results: [JobQueueBackends.result("from the dead worker")])
            }
            #expect(try await store.analysisCount() == 0)
            #expect(
                try await store.document(sha256: JobQueueBackends.result("from the dead worker").document.sha256) == nil
            )
            try await queue.complete(live.lease, results: [JobQueueBackends.result("from the live one")])
            #expect(try await store.analysisCount() == 1)
        }
    }
}
