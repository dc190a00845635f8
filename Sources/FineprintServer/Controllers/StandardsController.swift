import FineprintCore
import FineprintStandards
import Foundation
import Hummingbird

/// A stored analysis checked against a standard, article by article: the page and the API. The check
/// runs on the stored `Analysis`, the same call `fineprint check` makes.
struct StandardsController {
    let bench: WebWorkbench

    /// GET /analyses/:id/standards/:standard — the checklist page.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let (id, result) = try await check(context)
        let others = bench.standards.filter { $0.id != result.standard.id }
        return try bench.pages.page(StandardCheckModel(analysisId: id, result: result, others: others))
    }

    /// GET /api/analyses/:id/standards/:standard — the check as `fineprint.standard-check/1` JSON.
    @Sendable func api(_ request: Request, context: WebRequestContext) async throws -> Response {
        try JSONResponse.make(try await check(context).result)
    }

    private func check(_ context: WebRequestContext) async throws -> (id: String, result: StandardCheckResult) {
        let stored = try await bench.scope(context).analysis(try context.parameters.require("id"))
        let id = stored.summary.publicId
        let name = try context.parameters.require("standard")
        guard let crosswalk = bench.standards.first(where: { $0.id == name }) else {
            throw WebError.notFound("standard '\(name)' (known: \(bench.standards.map(\.id).joined(separator: ", ")))")
        }
        // The reviewed reading when a person reviewed the analysis.
        let analysis = try await bench.reportInput(stored).analysis
        return (id, StandardCheck.run(analysis, against: crosswalk, taxonomy: bench.corpus.taxonomy))
    }
}
