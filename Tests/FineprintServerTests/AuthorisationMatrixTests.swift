import FineprintIdentity
import FineprintServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route of the route table, read from the router itself, against every kind of caller:
/// anonymous, a reader, an analyst and an admin signed in by session, and an analyst's API token.
/// A route added without an entry in `RouteAccess` fails the first test.
@Suite("Authorisation matrix over every route")
struct AuthorisationMatrixTests {
    enum Caller: String, CaseIterable {
        case anonymous, reader, analyst, admin, token

        /// The role the caller acts with (nil: anonymous).
        var role: Role? {
            switch self {
            case .anonymous: return nil
            case .reader: return .reader
            case .analyst, .token: return .analyst
            case .admin: return .admin
            }
        }
    }

    static func routes(_ bench: WebWorkbench) -> [(method: HTTPRequest.Method, path: String)] {
        buildRouter(bench).routes.map { ($0.method, $0.path.description) }
    }

    @Test func everyRouteHasAnEntry() async throws {
        let bench = try await Repo.workbench()
        let routes = Self.routes(bench)
        #expect(routes.count >= 30)
        for route in routes {
            #expect(
                RouteAccess.entry(method: route.method, path: route.path) != nil,
                "\(route.method) \(route.path) has no entry in RouteAccess"
            )
        }
    }

    @Test func everyRouteAnswersEveryCallerAsItsEntrySays() async throws {
        let bench = try await Repo.workbench()
        let token = try await TestAuth.token(in: bench.accounts, role: .analyst, name: "script")
        for role in Role.allCases { _ = try await TestAuth.token(in: bench.accounts, role: role) }
        try await Repo.withAnonymousApp(bench) { client in
            for route in Self.routes(bench) {
                let entry = try #require(RouteAccess.entry(method: route.method, path: route.path))
                for caller in Caller.allCases {
                    var headers: HTTPFields = [:]
                    switch caller {
                    case .anonymous: break
                    case .token: headers[.authorization] = "Bearer \(token)"
                    case .reader, .analyst, .admin:
                        // A fresh session each time: the matrix includes POST /logout, which ends it.
                        let session = try await SignIn.session(bench, user: "test-\(caller.role!.rawValue)")
                        headers[.cookie] = "fineprint_session=\(session.cookie)"
                        headers[CSRFHeader.name] = session.csrf
                    }
                    let uri = Self.sample(route.path)
                    let response = try await client.execute(uri: uri, method: route.method, headers: headers) { $0 }
                    Self.expect(response, entry: entry, caller: caller, request: "\(route.method) \(uri)")
                }
            }
        }
    }

    static func expect(_ response: TestResponse, entry: RouteAccess.Requirement, caller: Caller, request: String) {
        let status = response.status.code
        let toLogin = status == 303 && (response.headers[.location] ?? "").hasPrefix("/login")
        let what = "\(request) as \(caller.rawValue): \(status)"
        switch entry {
        case .open:
            #expect(status != 401 && status != 403, "\(what)")
        case .role(let required):
            guard let role = caller.role else {
                if request.contains(" /api/") || request.hasSuffix(" /metrics") {
                    #expect(status == 401, "\(what)")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(what)")
                } else {
                    #expect(toLogin, "\(what)")
                }
                return
            }
            if role.allows(required) {
                // Signing out is the one allowed request that ends on the login page.
                let signsOut = request.hasPrefix("POST /logout")
                #expect(status != 401 && status != 403 && (!toLogin || signsOut), "\(what)")
            } else {
                #expect(status == 403, "\(what)")
            }
        }
    }

    /// A concrete address for a route's pattern.
    static func sample(_ path: String) -> String {
        let values = [
            "{id}": "1", "{format}": "json", "{kind}": "pattern", "{name}": "test-reader", "{publisher}": "ee-mkm",
        ]
        return values.reduce(path) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}

enum CSRFHeader {
    static let name = HTTPField.Name("X-CSRF-Token")!
}

/// Sessions made the way the login form makes them.
enum SignIn {
    static func session(_ bench: WebWorkbench, user: String) async throws -> (cookie: String, csrf: String) {
        let outcome = try await bench.accounts.login(name: user, password: TestAuth.password, address: "192.0.2.1")
        guard case .signedIn(let cookie, let session) = outcome else {
            Issue.record("\(user) could not sign in: \(outcome)")
            return ("", "")
        }
        return (cookie, session.csrfToken)
    }
}
