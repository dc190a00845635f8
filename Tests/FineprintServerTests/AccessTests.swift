import FineprintIdentity
import FineprintServer
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Sign-in, sessions, tokens and the browser checks")
struct AccessTests {
    static func form(_ fields: [String: String]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics
        let body = fields.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return ByteBuffer(string: body)
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in through the login page as a browser does; returns the session cookie's value.
    static func signInThroughTheForm(
        _ client: any TestClientProtocol,
        name: String,
        password: String,
        next: String = "/"
    ) async throws -> TestResponse {
        let page = try await client.execute(uri: "/login", method: .get) { $0 }
        let loginCookie = try #require(Self.cookie("fineprint_login", in: page))
        let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
        var headers = formHeaders
        headers[.cookie] = "fineprint_login=\(loginCookie)"
        return try await client.execute(
            uri: "/login",
            method: .post,
            headers: headers,
            body: form(["name": name, "password": password, "csrf": String(csrf), "next": next])
        ) { $0 }
    }

    static func cookie(_ name: String, in response: TestResponse) -> String? {
        for field in response.headers[values: .setCookie] where field.hasPrefix(name + "=") {
            return String(field.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    @Test func theLoginFormSignsInAndLogoutEndsTheSession() async throws {
        let bench = try await Repo.workbench()
        _ = try await TestAuth.token(in: bench.accounts, role: .analyst)
        try await Repo.withAnonymousApp(bench) { client in
            let answer = try await Self.signInThroughTheForm(
                client,
                name: "test-analyst",
                password: TestAuth.password,
                next: "/analyses"
            )
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "/analyses")
            let setCookie = try #require(
                answer.headers[values: .setCookie].first { $0.hasPrefix("fineprint_session=") }
            )
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] { #expect(setCookie.contains(attribute)) }
            // Served on loopback without a public URL: no TLS, so not Secure.
            #expect(!setCookie.contains("Secure"))
            let session = try #require(Self.cookie("fineprint_session", in: answer))
            let page = try await client.execute(
                uri: "/analyses",
                method: .get,
                headers: [.cookie: "fineprint_session=\(session)"]
            ) { $0 }
            #expect(page.status == .ok)
            #expect(page.text.contains("Signed in as <strong>test-analyst</strong>"))
            let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            var headers = Self.formHeaders
            headers[.cookie] = "fineprint_session=\(session)"
            let out = try await client.execute(
                uri: "/logout",
                method: .post,
                headers: headers,
                body: Self.form(["csrf": String(csrf)])
            ) { $0 }
            #expect(out.status == .seeOther && out.headers[.location] == "/login")
            let after = try await client.execute(
                uri: "/analyses",
                method: .get,
                headers: [.cookie: "fineprint_session=\(session)"]
            ) { $0 }
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login?next=%2Fanalyses")
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameAnswerAndOnlyLocalNextIsFollowed() async throws {
        let bench = try await Repo.workbench()
        _ = try await TestAuth.token(in: bench.accounts, role: .reader)
        try await Repo.withAnonymousApp(bench) { client in
            let wrong = try await Self.signInThroughTheForm(client, name: "test-reader", password: "not the password")
            let unknown = try await Self.signInThroughTheForm(client, name: "nobody-here", password: "not the password")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.text.contains("The name or password is wrong."))
            #expect(
                wrong.text
                    == unknown.text.replacingOccurrences(
                        of: Self.csrfValue(unknown.text),
                        with: Self.csrfValue(wrong.text)
                    )
            )
            let offsite = try await Self.signInThroughTheForm(
                client,
                name: "test-reader",
                password: TestAuth.password,
                next: "//evil.example/"
            )
            #expect(offsite.status == .seeOther && offsite.headers[.location] == "/")
        }
    }

    static func csrfValue(_ page: String) -> String {
        page.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.1) } ?? ""
    }

    @Test func failedLoginsAreThrottledWithRetryAfter() async throws {
        var access = TestAuth.access
        access.throttle = .init(perAccount: 3, perAddress: 100, window: 600)
        let bench = try await Repo.workbench(access: access)
        _ = try await TestAuth.token(in: bench.accounts, role: .reader)
        try await Repo.withAnonymousApp(bench) { client in
            for _ in 0..<3 {
                let answer = try await Self.signInThroughTheForm(
                    client,
                    name: "test-reader",
                    password: "wrong password"
                )
                #expect(answer.status == .unauthorized)
            }
            // Even the right password is refused while the account is throttled.
            let blocked = try await Self.signInThroughTheForm(client, name: "test-reader", password: TestAuth.password)
            #expect(blocked.status == .tooManyRequests)
            let wait = try #require(blocked.headers[.retryAfter].flatMap { Int($0) })
            #expect(wait > 0 && wait <= 600)
        }
    }

    @Test func aLoginFormPostedWithoutItsCookieIsRefused() async throws {
        let bench = try await Repo.workbench()
        _ = try await TestAuth.token(in: bench.accounts, role: .reader)
        try await Repo.withAnonymousApp(bench) { client in
            let answer = try await client.execute(
                uri: "/login",
                method: .post,
                headers: Self.formHeaders,
                body: Self.form(["name": "test-reader", "password": TestAuth.password, "csrf": "forged"])
            ) { $0 }
            #expect(answer.status == .forbidden)
            #expect(Self.cookie("fineprint_session", in: answer) == nil)
        }
    }

    @Test func sessionsEndWhenIdleAndAtTheirAbsoluteExpiry() async throws {
        var access = TestAuth.access
        access.sessions = SessionPolicy(idleTimeout: 600, absoluteTimeout: 3600)
        let bench = try await Repo.workbench(access: access)
        _ = try await TestAuth.token(in: bench.accounts, role: .reader)
        let accounts = bench.accounts
        let start = Date()
        let first = try await SignIn.session(bench, user: "test-reader")
        #expect(try await accounts.identity(sessionCookie: first.cookie, now: start.addingTimeInterval(300)) != nil)
        // Used at +300 s, so still live at +800 s; unused after that, gone at +1500 s.
        #expect(try await accounts.identity(sessionCookie: first.cookie, now: start.addingTimeInterval(800)) != nil)
        #expect(try await accounts.identity(sessionCookie: first.cookie, now: start.addingTimeInterval(1500)) == nil)
        // Used every 500 s, a session still ends an hour after sign-in.
        let second = try await SignIn.session(bench, user: "test-reader")
        for step in 1...7 {
            let now = start.addingTimeInterval(Double(step) * 500)
            #expect(try await (accounts.identity(sessionCookie: second.cookie, now: now) != nil) == (step * 500 < 3600))
        }
    }

    @Test func stateChangingRequestsNeedTheTokenAndThisOrigin() async throws {
        let bench = try await Repo.workbench()
        let token = try await TestAuth.token(in: bench.accounts, role: .analyst)
        // Uploads go to a matter: the analyst's only one (matters came after this test; deliberate change).
        try await (bench.store as! any MatterStore).addMatter(Matter(name: "T", kind: .tender), owner: "test-analyst")
        let contract = try Repo.contract("vendor-ai-terms.md")
        try await Repo.withAnonymousApp(bench) { client in
            let session = try await SignIn.session(bench, user: "test-analyst")
            func post(_ extra: HTTPFields, csrfField: String?) async throws -> TestResponse {
                var headers = Multipart.headers
                headers.append(contentsOf: extra)
                var body = ByteBuffer()
                if let csrfField {
                    body.writeString(
                        "--\(Multipart.boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrfField)\r\n"
                    )
                }
                var upload = Multipart.body(file: contract, filename: "terms.md")
                body.writeBuffer(&upload)
                return try await client.execute(uri: "/analyses", method: .post, headers: headers, body: body) { $0 }
            }
            let cookie: HTTPFields = [.cookie: "fineprint_session=\(session.cookie)"]
            #expect(try await post(cookie, csrfField: nil).status == .forbidden)
            #expect(try await post(cookie, csrfField: "wrong").status == .forbidden)
            var crossSite = cookie
            crossSite[.origin] = "http://evil.example"
            #expect(try await post(crossSite, csrfField: session.csrf).status == .forbidden)
            var sameSite = cookie
            sameSite[.origin] = "http://localhost"
            let accepted = try await post(sameSite, csrfField: session.csrf)
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers[.location]?.hasPrefix("/analyses/") == true)
            // A script with a bearer token needs no CSRF token.
            let scripted = try await post([.authorization: "Bearer \(token)"], csrfField: nil)
            #expect(scripted.status == .seeOther)
        }
    }

    @Test func anotherHostIsRefused() async throws {
        var access = TestAuth.access
        access.publicURL = URL(string: "https://fineprint.example.gov")
        let bench = try await Repo.workbench(access: access)
        // The test client names the host "localhost", which is not this server's public host.
        try await Repo.withAnonymousApp(bench) { client in
            let answer = try await client.execute(uri: "/health", method: .get) { $0 }
            #expect(answer.status == .misdirectedRequest)
            #expect(answer.text.contains("does not answer to the host name"))
        }
    }

    @Test func aRevokedTokenNoLongerWorks() async throws {
        let bench = try await Repo.workbench()
        _ = try await TestAuth.token(in: bench.accounts, role: .admin)
        let made = try await bench.accounts.createToken(userName: "test-admin", role: .reader, label: "to revoke")
        try await Repo.withAnonymousApp(bench) { client in
            let bearer: HTTPFields = [.authorization: "Bearer \(made.secret)"]
            #expect(try await client.execute(uri: "/api/analyses", method: .get, headers: bearer) { $0.status } == .ok)
            // Revoked on the admin page, by an admin's session with its CSRF token.
            let admin = try await SignIn.session(bench, user: "test-admin")
            let page = try await client.execute(
                uri: "/admin/users",
                method: .get,
                headers: [.cookie: "fineprint_session=\(admin.cookie)"]
            ) { $0 }
            #expect(page.text.contains(made.token.id))
            var headers = Self.formHeaders
            headers[.cookie] = "fineprint_session=\(admin.cookie)"
            let revoke = try await client.execute(
                uri: "/admin/tokens/\(made.token.id)/revoke",
                method: .post,
                headers: headers,
                body: Self.form(["csrf": admin.csrf])
            ) { $0 }
            #expect(revoke.status == .seeOther)
            let after = try await client.execute(uri: "/api/analyses", method: .get, headers: bearer) { $0 }
            #expect(after.status == .unauthorized)
        }
    }

    @Test func aTokenNeverActsAboveItsUsersRole() async throws {
        let bench = try await Repo.workbench()
        _ = try await TestAuth.token(in: bench.accounts, role: .analyst)
        await #expect(throws: AccountError.self) {
            try await bench.accounts.createToken(userName: "test-analyst", role: .admin, label: "")
        }
        let made = try await bench.accounts.createToken(userName: "test-analyst", role: .analyst, label: "")
        #expect(try await bench.accounts.store.setRole(.reader, forUser: "test-analyst"))
        #expect(try await bench.accounts.identity(bearer: made.secret)?.role == .reader)
    }

    @Test func contractsAndAnalysesAreNeverCached() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let id = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "t.md"))
            for uri in ["/analyses/\(id)", "/analyses/\(id)/download/json", "/api/analyses/\(id)", "/api/analyses"] {
                let answer = try await client.execute(uri: uri, method: .get) { $0 }
                #expect(answer.status == .ok && answer.headers[.cacheControl] == "no-store", "\(uri)")
            }
        }
    }
}
