import Hummingbird

/// `Cache-Control: no-store` on every answer that may carry contract text, analyses or the audit
/// log (pages, downloads, the API, errors on those paths), so neither the browser nor a proxy keeps
/// a copy on disk. The static files, the knowledge base and health answers may still be cached.
struct NoStoreMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Paths that start with one of these (or are "/", whose page lists the recent analyses).
    static var prefixes: [String] {
        ["/analyses", "/api/", "/jobs/", "/compare", "/diff", "/documents/", "/admin/", "/matters"]
    }

    static func applies(to path: String) -> Bool {
        path == "/" || prefixes.contains { path.hasPrefix($0) }
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if Self.applies(to: request.uri.path) { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
