import Hummingbird

/// Comparing suppliers: stored analyses side by side against one tier, as a page and as JSON.
struct CompareController {
    let bench: WebWorkbench

    /// GET /compare?ids=…&profile=… — the comparison matrix.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let parameters = try CompareParameters(request)
        let scope = try await bench.scope(context)
        let comparison = try await bench.compare(parameters.ids, profile: parameters.profile, scope: scope)
        let model = CompareModel(comparison, ids: parameters.ids, corpus: bench.corpus, profiles: bench.profiles)
        return try bench.pages.page(model.marked(try await bench.reviewMarks(parameters.ids, scope: scope)))
    }

    /// GET /api/compare?ids=…&profile=… — the comparison in the Comparison library type's encoding.
    @Sendable func api(_ request: Request, context: WebRequestContext) async throws -> Response {
        let parameters = try CompareParameters(request)
        return try JSONResponse.make(
            try await bench.compare(parameters.ids, profile: parameters.profile, scope: try await bench.scope(context))
        )
    }
}
