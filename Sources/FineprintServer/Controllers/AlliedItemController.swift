import FineprintShare
import Foundation
import Hummingbird

/// GET /allies/items/{publisher}/{kind}/{id} — one ally's item, any kind, with who signed it.
struct AlliedItemController {
    let bench: WebWorkbench

    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let publisher = context.parameters.get("publisher") ?? ""
        let kind = context.parameters.get("kind") ?? ""
        let id = context.parameters.get("id") ?? ""
        try await bench.refreshAllies()
        guard
            let model = AlliedItemModel.find(
                publisher: publisher,
                kind: kind,
                id: id,
                in: bench.allies.snapshot.catalog,
                ours: bench.ourEvaluations,
                taxonomy: bench.corpus.taxonomy
            )
        else {
            throw WebError.notFound("ally's item \(publisher)/\(kind)/\(id)")
        }
        return try bench.pages.page(model)
    }
}
