import HTTPTypes
import Hummingbird

/// Headers on every response: a strict Content-Security-Policy (only this server's stylesheet
/// and script; no inline code, no external origin, so the app works air-gapped and uploaded text
/// cannot run), no MIME sniffing, no framing, no referrer to other sites, and no caching (`no-store`) unless the
/// answer is a static file. Hummingbird has CORS middleware but none for these.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
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
        // Contract text, reports and analyses must not be kept by browsers or proxies; only the
        // static files say otherwise.
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Echoes the request id Hummingbird puts in the request's logger metadata (`hb.request.id`, the
/// id `LogRequestsMiddleware` logs) as `X-Request-Id`, so a user's error report finds its log line.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xRequestID] = context.id
        return response
    }
}

/// Lets every error render itself as a `WebError`: errors of other types become one through
/// their `WebErrorConvertible` extension, and the page templates are handed to it.
struct WebErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let bench: WebWorkbench

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var web = WebError(error, uploadLimit: bench.maxUploadBytes)
            web.pages = try? bench.pages
            if web.status.code >= 500 { context.logger.error("\(request.method) \(request.uri.path): \(error)") }
            return try web.response(from: request, context: context)
        }
    }
}

/// Answers 405 with `Allow` (not the router's 404) when the path is a route but the method is not
/// one of its methods.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteMethods

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            throw WebError.methodNotAllowed(allowed: allowed)
        }
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
