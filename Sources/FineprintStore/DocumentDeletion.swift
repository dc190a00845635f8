import Foundation

/// What deleting a document removed.
public struct DeletedDocument: Hashable, Sendable {
    public var sha256: String
    public var name: String
    /// The analyses of it, now gone with it.
    public var analysisIds: [Int64]
    /// The jobs that produced those analyses (they kept the uploaded bytes), now gone too.
    public var jobs: Int

    public init(sha256: String, name: String, analysisIds: [Int64], jobs: Int) {
        self.sha256 = sha256
        self.name = name
        self.analysisIds = analysisIds
        self.jobs = jobs
    }
}

/// A store whose documents and analyses can be deleted for good: in SQLite the freed pages are
/// overwritten (`secure_delete`) and the file is vacuumed and checkpointed, so the text is no
/// longer anywhere in the database's files; in PostgreSQL the rows are deleted.
public protocol DeletingStore: Store {
    /// Deletes the document with its analyses, their findings and the jobs that produced them; nil
    /// when there is no such document.
    func deleteDocument(sha256: String) async throws -> DeletedDocument?
    /// Deletes one analysis with its findings; false when there is none.
    func deleteAnalysis(id: Int64) async throws -> Bool
    /// Whether the analysis is still stored (a cheap check for a page cached before another
    /// process deleted it).
    func analysisExists(id: Int64) async throws -> Bool
    /// The documents stored before `date`, oldest first: what a retention period removes.
    func documents(storedBefore date: Date) async throws -> [StoredDocument]
}

/// The retention period enforced: documents older than `days` are deleted and each deletion is
/// recorded as a `retention_delete` audit row. `now` is injected so tests need not wait.
public struct RetentionSweep: Sendable {
    public var days: Int
    public var store: any DeletingStore
    public var log: (any AuditLog)?

    public init(days: Int, store: any DeletingStore, log: (any AuditLog)?) {
        self.days = days
        self.store = store
        self.log = log
    }

    /// Deletes what is past the period at `now`; returns what it deleted.
    @discardableResult public func run(now: Date = Date()) async throws -> [DeletedDocument] {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        var deleted: [DeletedDocument] = []
        for document in try await store.documents(storedBefore: cutoff) {
            guard let gone = try await store.deleteDocument(sha256: document.sha256) else { continue }
            deleted.append(gone)
            try await log?.append(
                .retentionDeletion(
                    of: gone.sha256,
                    at: now,
                    detail: "\(gone.name): stored \(document.createdAt), past the \(days)-day retention period; "
                        + "\(gone.analysisIds.count) analyses, \(gone.jobs) jobs"
                )
            )
        }
        return deleted
    }
}

extension NewAuditEvent {
    /// The audit row of a document a retention period deleted: no actor, the sweep did it.
    static func retentionDeletion(of documentID: String, at time: Date, detail: String) -> NewAuditEvent {
        NewAuditEvent(
            time: time,
            actor: nil,
            action: .retentionDelete,
            targetKind: "document",
            targetID: documentID,
            detail: detail
        )
    }
}
