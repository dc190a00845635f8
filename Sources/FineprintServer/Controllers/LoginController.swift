import FineprintIdentity
import Foundation
import Hummingbird

/// GET/POST /login and POST /logout. The login form is protected against login CSRF by a
/// double-submit cookie: GET sets a random `fineprint_login` cookie and puts the same value in
/// the form, POST needs both to match.
struct LoginController {
    let bench: WebWorkbench
    let accounts: Accounts

    static let loginCookie = "fineprint_login"

    /// GET /login — the form (a signed-in user goes straight on).
    @Sendable func form(_ request: Request, context: WebRequestContext) async throws -> Response {
        let next = LoginPath.next(request.uri.queryParameters["next"].map(String.init))
        if context.identity != nil { return Response.redirect(to: next ?? "/", type: .normal) }
        return try loginPage(next: next, message: nil, status: .ok)
    }

    /// POST /login — name and password; a wrong pair and an unknown name get the same answer.
    @Sendable func login(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: LoginForm.self, context: context)
        let next = LoginPath.next(form.next)
        let expected = request.cookies[Self.loginCookie]?.value ?? ""
        guard !expected.isEmpty, CSRFCheck.same(form.csrf ?? "", expected) else {
            return try loginPage(next: next, message: "The form had expired. Sign in again.", status: .forbidden)
        }
        let name = String(form.name.prefix(200))
        let outcome = try await accounts.login(
            name: name,
            password: String(form.password.prefix(1000)),
            address: context.peerAddress ?? "unknown"
        )
        switch outcome {
        case .signedIn(let cookie, _):
            try await bench.record(.login, "user", name, actor: name, context: context)
            var response = Response.redirect(to: next ?? "/", type: .normal)
            response.setCookie(sessionCookie(cookie, maxAge: Int(accounts.settings.sessions.absoluteTimeout)))
            response.setCookie(expired(Self.loginCookie))
            return response
        case .refused:
            // The name as typed: an attempt on an unknown name is worth seeing too.
            try await bench.record(.loginFailed, "user", name, context: context)
            return try loginPage(next: next, message: "The name or password is wrong.", status: .unauthorized)
        case .throttled(let wait):
            var response = try loginPage(
                next: next,
                message: "Too many failed sign-ins. Wait \(Int(wait.rounded(.up)) / 60 + 1) minutes and try again.",
                status: .tooManyRequests
            )
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
    }

    /// POST /logout — ends the session (its row is deleted) and clears the cookie.
    @Sendable func logout(_ request: Request, context: WebRequestContext) async throws -> Response {
        if let cookie = request.cookies[AccessMiddleware.sessionCookie]?.value, !cookie.isEmpty {
            try await accounts.logout(cookie: cookie)
            if let name = context.identity?.userName {
                try await bench.record(.logout, "user", name, context: context)
            }
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(expired(AccessMiddleware.sessionCookie))
        return response
    }

    private func loginPage(next: String?, message: String?, status: HTTPResponse.Status) throws -> Response {
        let token = Passwords.randomSecret()
        let model = LoginModel(next: next ?? "", csrf: token, message: message)
        var response = HTML(try bench.pages.render(model), status: status).response
        response.setCookie(cookie(Self.loginCookie, value: token, maxAge: 3600))
        return response
    }

    private func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        cookie(AccessMiddleware.sessionCookie, value: value, maxAge: maxAge)
    }

    private func expired(_ name: String) -> Cookie { cookie(name, value: "", maxAge: 0) }

    private func cookie(_ name: String, value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name,
            value: value,
            maxAge: maxAge,
            path: "/",
            secure: accounts.settings.secureCookies,
            httpOnly: true,
            sameSite: .strict
        )
    }
}

struct LoginForm: Decodable {
    var name: String
    var password: String
    var next: String?
    var csrf: String?
}

/// The login page (view: login.mustache).
struct LoginModel: PageModel {
    static let template = "login"
    let title = "Sign in"
    var next: String
    var csrf: String
    var message: String?
}
