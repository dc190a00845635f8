import FineprintCore
import FineprintStore
import Foundation
import Hummingbird

/// Where the web app puts uploads: the job queue, bounded. An upload is stored with the job and
/// acknowledged; a worker analyses it later.
public struct JobDesk: Sendable {
    public let queue: any JobQueue
    /// The most jobs waiting or running; a further upload is answered 503 with `Retry-After`.
    public let capacity: Int
    /// The seconds a refused client is told to wait.
    public let retryAfterSeconds: Int

    public init(queue: any JobQueue, capacity: Int = 100, retryAfterSeconds: Int = 30) {
        self.queue = queue
        self.capacity = max(1, capacity)
        self.retryAfterSeconds = max(1, retryAfterSeconds)
    }
}

extension WebWorkbench {
    /// Checks an upload's tier and files, then queues them as one job. The same idempotency key
    /// returns the job it made first. Throws `JobQueueError.full` when the queue is full.
    func enqueue(
        _ uploads: [JobUpload],
        profile: String?,
        idempotencyKey: String?,
        matterID: String? = nil,
        on desk: JobDesk
    ) async throws -> (job: AnalysisJob, created: Bool) {
        try await findAlliedPlaybook(profile)
        let playbook = try playbook(profile)
        let key = try Self.checkedKey(idempotencyKey)
        if let key, let known = try await desk.queue.job(idempotencyKey: key) { return (known, false) }
        let files = try UploadBundle(maxUploadBytes: maxUploadBytes).files(uploads)
        for file in files { _ = try UploadedFile(filename: file.name, data: file.bytes).claimedFormat() }
        return try await desk.queue.enqueue(
            NewJob(profile: playbook.id, files: files, idempotencyKey: key, capacity: desk.capacity, matterID: matterID)
        )
    }

    /// Keys are the client's: printable ASCII, up to 200 characters; an empty one means none.
    static func checkedKey(_ key: String?) throws -> String? {
        guard let key, !key.isEmpty else { return nil }
        guard key.utf8.count <= 200, key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw WebError.badRequest(
                "The idempotency key must be 1 to 200 printable ASCII characters without spaces.",
                hint: "Send a random value, such as a UUID, as the Idempotency-Key header."
            )
        }
        return key
    }
}
