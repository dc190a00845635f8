import HTTPTypes
import Hummingbird

/// Headers on every response:
/// - a strict Content-Security-Policy (only this server's stylesheet and script; no inline code,
///   no external origin, so the app works air-gapped and uploaded text cannot run), no MIME
///   sniffing, no framing, no referrer to other sites (Hummingbird has CORS middleware but none for
///   these);
/// - the request id Hummingbird puts in the request's logger metadata (`hb.request.id`, the id
///   `LogRequestsMiddleware` logs) as `X-Request-Id`, so a user's error report finds its log line;
/// - `Cache-Control: no-store` unless the answer is a static file, and always on paths that may
///   carry contract text, analyses or the audit log, so neither the browser nor a proxy keeps a copy.
struct ResponseHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    /// Paths that start with one of these (or are "/", whose page lists the recent analyses).
    static var noStorePrefixes: [String] {
        ["/analyses", "/api/", "/jobs/", "/compare", "/diff", "/documents/", "/admin/", "/matters"]
    }

    static func neverStored(_ path: String) -> Bool {
        path == "/" || noStorePrefixes.contains { path.hasPrefix($0) }
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with a form's
        // POST, and the cross-site check needs the real origin. Other sites still get no referrer.
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xRequestID] = context.id
        if response.headers[.cacheControl] == nil || Self.neverStored(request.uri.path) {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

/// Lets every error render itself as a `WebError`: errors of other types become one through
/// their `WebErrorConvertible` extension, and the page templates are handed to it. A path that is
/// a route, asked with a method it does not take, answers 405 with `Allow` (not the router's 404).
struct WebErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let bench: WebWorkbench
    let routes: RouteMethods

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var web = WebError(methodNotAllowed(request, error) ?? error, uploadLimit: bench.maxUploadBytes)
            web.pages = try? bench.pages
            if web.status.code >= 500 { context.logger.error("\(request.method) \(request.uri.path): \(error)") }
            return try web.response(from: request, context: context)
        }
    }

    private func methodNotAllowed(_ request: Request, _ error: any Error) -> WebError? {
        guard let error = error as? HTTPError, error.status == .notFound else { return nil }
        let allowed = routes.methods(for: request.uri.path)
        guard !allowed.isEmpty, !allowed.contains(request.method) else { return nil }
        return WebError.methodNotAllowed(allowed: allowed)
    }
}

/// The methods each route of the route table takes, matched by path (`{name}` matches one segment).
struct RouteMethods: Sendable {
    private var routes: [(segments: [String], method: HTTPRequest.Method)] = []

    init(_ router: Router<some RequestContext>) {
        routes = router.routes.map { route in
            (route.path.description.split(separator: "/").map(String.init), route.method)
        }
    }

    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/").map(String.init)
        return routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { pattern, segment in
                    pattern.hasPrefix("{") || pattern.hasPrefix(":") || pattern == segment
                }
        }.map(\.method)
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xRequestID = Self("X-Request-Id")!
}
