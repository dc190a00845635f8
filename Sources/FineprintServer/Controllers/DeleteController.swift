import FineprintStore
import Foundation
import Hummingbird

/// Deleting documents and analyses: the confirmation page and its form, and the API calls.
/// A deleted document takes its analyses and the jobs that made them; nothing is kept.
struct DeleteController {
    let bench: WebWorkbench

    /// GET /documents/:id/delete — what will be deleted, and the button that does it.
    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let sha256 = try Self.documentID(context)
        guard let document = try await bench.store.document(sha256: sha256) else {
            throw WebError.notFound("document \(sha256)")
        }
        return try bench.pages.page(DeleteDocumentModel(document))
    }

    /// POST /documents/:id/delete — deletes, then shows the history (303).
    @Sendable func deleteFromPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try await bench.deleteDocument(try Self.documentID(context), context: context)
        return Response.redirect(to: "/analyses", type: .normal)
    }

    /// DELETE /api/documents/:id — 204 once the document, its analyses and their jobs are gone.
    @Sendable func deleteDocument(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try await bench.deleteDocument(try Self.documentID(context), context: context)
        return Response(status: .noContent)
    }

    /// DELETE /api/analyses/:id — 204 once the analysis is gone (its document stays).
    @Sendable func deleteAnalysis(_ request: Request, context: WebRequestContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        guard try await bench.deletingStore.deleteAnalysis(id: id) else {
            throw WebError.notFound("analysis number \(id)")
        }
        bench.reportPages.remove(id)
        try await bench.record(.delete, "analysis", String(id), context: context)
        return Response(status: .noContent)
    }

    /// A document's id is the SHA-256 of its bytes: 64 lowercase hex digits.
    static func documentID(_ context: WebRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard id.utf8.count == 64, id.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw WebError.notFound("document \(id.prefix(80))")
        }
        return id
    }
}

/// The delete confirmation page (view: delete-document.mustache).
struct DeleteDocumentModel: PageModel {
    static let template = "delete-document"
    let title = "Delete a document"
    var sha256: String
    var name: String
    var nameFull: String?
    var created: String

    init(_ document: StoredDocument) {
        sha256 = document.sha256
        name = Format.fileName(document.name)
        nameFull = Format.fullFileName(document.name)
        created = Format.date(document.createdAt)
    }
}
