import FineprintShare
import FineprintStore
import Foundation
import Hummingbird
import NIOCore

/// The allies' items: the list with each item's badge, adopting one into our namespace, and
/// importing a bundle (a preview of every check's outcome first, then the import).
struct AlliesController {
    let bench: WebWorkbench

    /// GET /allies — reads the ledger again, so items imported on the command line show too.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        try await bench.refreshAllies()
        return try bench.pages.page(AlliesModel(bench.allies.snapshot.catalog))
    }

    /// POST /allies/adopt — form fields `item` (PUBLISHER/KIND:ID) and optional `as`.
    @Sendable func adopt(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: AdoptForm.self, context: context)
        let ledger = try ledger()
        let newID = form.as.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let adopter = ShareAdopter(
            ledger: ledger,
            ourIDs: ShareAdopter.ourIDs(
                corpus: bench.corpus,
                knowledge: bench.knowledge,
                standards: bench.standards.map(\.id),
                adopted: try await ledger.adoptedItems()
            ),
            auditLog: bench.auditLog,
            operatorName: context.auditActor,
            address: context.peerAddress
        )
        let adopted = try await adopter.adopt(form.item, as: newID)
        try await bench.refreshAllies()
        let page =
            ["clause", "move", "playbook"].contains(adopted.kind)
            ? "/knowledge/\(adopted.kind)/\(adopted.id)" : "/allies"
        return Response.redirect(to: page, type: .normal)
    }

    /// GET /allies/import
    @Sendable func importForm(_ request: Request, context: WebRequestContext) async throws -> HTML {
        try bench.pages.page(ShareImportModel(maxSize: UploadLimit.described(bench.maxUploadBytes)))
    }

    /// POST /allies/import — checks the uploaded bundle (writing nothing) and shows the preview
    /// with a button that imports exactly these bytes.
    @Sendable func preview(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let bundle = try await BundleUpload.read(request, maxBytes: bench.maxUploadBytes)
        let verified = try await ShareImporter(ledger: try ledger()).importBundle(bundle, dryRun: true)
        let digest = bench.pendingBundles.keep(bundle)
        return try bench.pages.page(
            ShareImportModel(maxSize: UploadLimit.described(bench.maxUploadBytes), preview: verified, digest: digest)
        )
    }

    /// POST /allies/import/confirm — field `digest`: the previewed bundle, checked again and imported.
    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: ConfirmImportForm.self, context: context)
        guard let bundle = bench.pendingBundles.take(form.digest) else {
            throw WebError.badRequest(
                "That preview is no longer held.",
                hint: "Upload the bundle again and import it from its preview."
            )
        }
        let importer = ShareImporter(
            ledger: try ledger(),
            auditLog: bench.auditLog,
            operatorName: context.auditActor
        )
        _ = try await importer.importBundle(bundle, dryRun: false)
        try await bench.refreshAllies()
        return Response.redirect(to: "/allies", type: .normal)
    }

    private func ledger() throws -> any ShareLedger {
        guard let ledger = bench.shareLedger else { throw WebError.notFound("sharing (this store keeps no ledger)") }
        return ledger
    }
}

struct AdoptForm: Decodable {
    var item: String
    var `as`: String?
}

struct ConfirmImportForm: Decodable {
    var digest: String
}
