import FineprintStore
import Foundation
import Hummingbird

/// Deleting documents and analyses: the confirmation page and its form, and the API calls.
/// A deleted document takes its analyses and the jobs that made them; nothing is kept.
struct DeleteController {
    let bench: WebWorkbench

    /// GET /documents/:id/delete — what will be deleted, and the button that does it (owners and admins).
    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let scope = try await bench.scope(context)
        let document = try await scope.document(try context.parameters.require("id"))
        try scope.require(.owner, in: document.matterID)
        return try bench.pages.page(DeleteDocumentModel(document))
    }

    /// POST /documents/:id/delete — deletes, then shows the matter (303).
    @Sendable func deleteFromPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gone = try await deleteDocument(context)
        return Response.redirect(to: "/matters/\(gone.matterID)", type: .normal)
    }

    /// DELETE /api/documents/:id — 204 once the matter's document, its analyses and their jobs are gone.
    @Sendable func deleteDocument(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try await deleteDocument(context)
        return Response(status: .noContent)
    }

    /// DELETE /api/analyses/:id — 204 once the analysis is gone (its document stays).
    @Sendable func deleteAnalysis(_ request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try await bench.scope(context)
        let stored = try await scope.analysis(try context.parameters.require("id"))
        try scope.require(.owner, in: stored.summary.matterId)
        guard try await bench.deletingStore.deleteAnalysis(id: stored.summary.id) else {
            throw MatterScope.notFound("analysis", stored.summary.publicId)
        }
        bench.reportPages.remove(stored.summary.id)
        try await bench.record(.delete, "analysis", stored.summary.publicId, context: context)
        return Response(status: .noContent)
    }

    /// Deletes the document the route names, if the caller owns its matter (or is an admin).
    private func deleteDocument(_ context: WebRequestContext) async throws -> MatterDocument {
        let scope = try await bench.scope(context)
        let document = try await scope.document(try context.parameters.require("id"))
        try scope.require(.owner, in: document.matterID)
        try await bench.deleteDocument(document, context: context)
        return document
    }
}

/// The delete confirmation page (view: delete-document.mustache).
struct DeleteDocumentModel: PageModel {
    static let template = "delete-document"
    let title = "Delete a document"
    var id: String
    var matterID: String
    var sha256: String
    var name: String
    var nameFull: String?
    var created: String

    init(_ document: MatterDocument) {
        id = document.id
        matterID = document.matterID
        sha256 = document.sha256
        name = Format.fileName(document.name)
        nameFull = Format.fullFileName(document.name)
        created = Format.date(document.createdAt)
    }
}
