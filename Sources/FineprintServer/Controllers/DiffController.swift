import Hummingbird

/// What changed between two stored versions of a document, as a page and as JSON.
struct DiffController {
    let bench: WebWorkbench

    /// GET /diff?from=…&to=… — rights changes first, then the text clause by clause.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let versions = try request.uri.decodeQuery(as: DiffParameters.self, context: context).required()
        let scope = try await bench.scope(context)
        let diff = try await bench.diff(from: versions.from, to: versions.to, scope: scope)
        let model = DiffModel(diff, oldId: versions.from, newId: versions.to, corpus: bench.corpus)
        // Both sides are the reviewed readings (`bench.diff`); mark what people changed, as compare does.
        let marks = try await bench.reviewMarks([versions.from, versions.to], scope: scope)
        return try bench.pages.page(model.marked(old: marks[0], new: marks[1]))
    }

    /// GET /api/diff?from=…&to=… — the VersionDiff library type's encoding.
    @Sendable func api(_ request: Request, context: WebRequestContext) async throws -> Response {
        let versions = try request.uri.decodeQuery(as: DiffParameters.self, context: context).required()
        return try JSONResponse.make(
            try await bench.diff(from: versions.from, to: versions.to, scope: try await bench.scope(context))
        )
    }
}
