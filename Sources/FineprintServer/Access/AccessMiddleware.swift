import FineprintIdentity
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird

/// Authenticates every request (bearer token, trusted proxy header, or session cookie), applies
/// the cross-site checks to state-changing ones, and enforces `RouteAccess`: an anonymous page
/// request is sent to the login page (303), an anonymous API request gets 401 with
/// `WWW-Authenticate: Bearer`, a role too low gets 403.
struct AccessMiddleware: RouterMiddleware {
    let accounts: Accounts
    let maxUploadBytes: Int

    static let sessionCookie = "fineprint_session"

    func handle(
        _ request: Request,
        context: WebRequestContext,
        next: (Request, WebRequestContext) async throws -> Response
    ) async throws -> Response {
        var request = request
        var context = context
        context.identity = try await identify(request, context: context)
        try await recordTokenUse(request, context: context)
        if !Self.isSafe(request.method) {
            let csrf = CSRFCheck(settings: accounts.settings, maxBodyBytes: maxUploadBytes)
            try csrf.checkOrigin(request)
            if let token = context.identity?.csrfToken { try await csrf.checkToken(&request, expected: token) }
        }
        switch RouteAccess.requirement(method: request.method, endpoint: context.endpointPath) {
        case .open:
            break
        case .role(let role):
            guard let identity = context.identity else { return try unauthenticated(request) }
            guard identity.role.allows(role) else { throw Self.forbidden(role) }
        }
        return try await next(request, context)
    }

    /// A bearer token first (scripts), then the proxy's header when it comes from a trusted
    /// proxy, then the session cookie. A bearer token that is wrong is not retried as a cookie.
    func identify(_ request: Request, context: WebRequestContext) async throws -> Identity? {
        if let authorization = request.headers[.authorization] {
            guard let secret = Self.bearer(authorization) else { return nil }
            return try await accounts.identity(bearer: secret)
        }
        let settings = accounts.settings
        if let header = settings.trustedHeader, let name = HTTPField.Name(header),
            let user = request.headers[name], settings.trustedProxies.contains(context.peerAddress ?? "")
        {
            return try await accounts.identity(trustedUser: user)
        }
        if let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty {
            return try await accounts.identity(sessionCookie: cookie)
        }
        return nil
    }

    /// A token's first request each minute is a `token_use` audit row (`TokenUseLog`).
    func recordTokenUse(_ request: Request, context: WebRequestContext) async throws {
        guard case .token(let id) = context.identity?.method, accounts.tokenUses.isFirstInWindow(id),
            let log = (accounts.store as? any AuditLogStore)?.auditLog()
        else { return }
        try await log.append(
            NewAuditEvent(
                actor: context.identity?.userName,
                action: .tokenUse,
                targetKind: "token",
                targetID: id,
                address: context.peerAddress,
                detail: "\(request.method.rawValue) \(request.uri.path.prefix(200)) (first use this minute)"
            )
        )
    }

    static func bearer(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        return secret.isEmpty || secret.count > 200 ? nil : secret
    }

    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }

    /// The API (and the metrics scraper) get 401; a page gets the login page, coming back here after.
    func unauthenticated(_ request: Request) throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/metrics" {
            var error = WebError(
                .unauthorized,
                title: "Sign in first",
                message: "This address needs a signed-in user or an API token.",
                hint: "Send 'Authorization: Bearer <token>' (make one with `fineprint tokens create`)."
            )
            error.headers[.wwwAuthenticate] = "Bearer realm=\"fineprint\""
            throw error
        }
        let next = request.method == .get ? LoginPath.next(request.uri.description) : nil
        return Response.redirect(to: LoginPath.login(next: next), type: .normal)
    }

    static func forbidden(_ role: Role) -> WebError {
        WebError(
            .forbidden,
            title: "Not allowed",
            message: "This needs the \(role.rawValue) role, which your account does not have.",
            hint: "Ask an administrator of the workbench for it."
        )
    }
}

/// The login page's address and the local path it returns to.
enum LoginPath {
    /// `next` if it is a local path ("/…", not "//…" nor "/\\…"), else nil: the login page never
    /// sends a browser to another site.
    static func next(_ candidate: String?) -> String? {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
            candidate.count <= 2000, !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }),
            !candidate.hasPrefix("/login")
        else { return nil }
        return candidate
    }

    static func login(next: String?) -> String {
        guard let next, let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else {
            return "/login"
        }
        return "/login?next=\(encoded)"
    }
}
