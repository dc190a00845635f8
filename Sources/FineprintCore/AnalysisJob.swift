import Foundation

/// An analysis waiting for, or done by, a worker: one upload of one or more files, judged against
/// one tier. The web app answers an upload with the job at once; workers claim it from the queue.
public struct AnalysisJob: Hashable, Codable, Sendable {
    public enum State: String, Hashable, Codable, Sendable, CaseIterable {
        case queued, running, done, failed

        /// Done or failed: nothing more will happen to the job.
        public var isFinished: Bool { self == .done || self == .failed }
    }

    /// Random and unguessable, so a job's address reveals nothing about other jobs.
    public var id: String
    public var state: State
    /// From 0 to 1, with `step` saying what the worker is doing ("reading contract.pdf").
    public var progress: Double
    public var step: String
    /// The tier or playbook the files are judged against.
    public var profile: String
    public var files: [JobFile]
    /// The stored analyses, one per file in order, once done.
    public var analysisIds: [Int64]
    /// Why the job failed, in words for the user.
    public var error: String?
    /// The client's key for this upload: the same key returns this job, never a second one.
    public var idempotencyKey: String?
    /// How many times a worker has claimed it (more than one after a worker died holding it).
    public var attempts: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String,
        state: State = .queued,
        progress: Double = 0,
        step: String = "waiting for a worker",
        profile: String,
        files: [JobFile],
        analysisIds: [Int64] = [],
        error: String? = nil,
        idempotencyKey: String? = nil,
        attempts: Int = 0,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.state = state
        self.progress = progress
        self.step = step
        self.profile = profile
        self.files = files
        self.analysisIds = analysisIds
        self.error = error
        self.idempotencyKey = idempotencyKey
        self.attempts = attempts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// A new job id: 128 random bits as 32 lowercase hex digits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Whether `text` has the shape of a job id (checked before it reaches a query or a path).
    public static func isWellFormedID(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// One uploaded file of a job, without its bytes.
public struct JobFile: Hashable, Codable, Sendable {
    /// The name it was uploaded under.
    public var name: String
    public var byteCount: Int

    public init(name: String, byteCount: Int) {
        self.name = name
        self.byteCount = byteCount
    }
}

/// One file to analyse, with its bytes, as the upload delivered it.
public struct JobUpload: Hashable, Sendable {
    public var name: String
    public var bytes: Data

    public init(name: String, bytes: Data) {
        self.name = name
        self.bytes = bytes
    }
}
