import FineprintStore
import Foundation

extension WebWorkbench {
    /// The store's audit log; nil for a store that keeps none.
    public var auditLog: (any AuditLog)? { (store as? any AuditLogStore)?.auditLog() }

    /// Appends what the request did to the audit log, naming its actor (the signed-in user unless
    /// `actor` says who, as for a sign-in) and peer address. A failed append fails the request: an
    /// action the log cannot record is not done unrecorded.
    func record(
        _ action: AuditAction,
        _ targetKind: String,
        _ targetID: String,
        detail: String = "",
        actor: String? = nil,
        context: WebRequestContext
    ) async throws {
        guard let log = auditLog else { return }
        try await log.append(
            NewAuditEvent(
                actor: actor ?? context.auditActor,
                action: action,
                targetKind: targetKind,
                targetID: targetID,
                address: context.peerAddress,
                detail: detail
            )
        )
    }

    /// The store as one that deletes; every store the server opens is one.
    var deletingStore: any DeletingStore {
        get throws {
            guard let store = store as? any DeletingStore else {
                throw WebError.notFound("deleting (this store cannot delete)")
            }
            return store
        }
    }

    /// Deletes a matter's document with its analyses and jobs, forgets their cached pages, and records it.
    @discardableResult
    func deleteDocument(_ document: MatterDocument, context: WebRequestContext) async throws -> DeletedDocument {
        guard let gone = try await matterStore.deleteMatterDocument(id: document.id) else {
            throw MatterScope.notFound("document", document.id)
        }
        for id in gone.analysisIds { reportPages.remove(id) }
        try await record(
            .delete,
            "document",
            document.id,
            detail:
                "\(gone.name) in matter \(document.matterID): \(gone.analysisIds.count) analyses, \(gone.jobs) jobs",
            context: context
        )
        return gone
    }
}
