import FineprintIdentity
import FineprintServer
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Signing in and out, failed sign-ins and role changes are rows of the audit log, naming who.
@Suite("The audit log of accounts")
struct AccessAuditTests {
    @Test func signInsFailuresSignOutsAndRoleChangesAreRecorded() async throws {
        let bench = try await Repo.workbench()
        _ = try await TestAuth.token(in: bench.accounts, role: .analyst)
        try await Repo.withAnonymousApp(bench) { client in
            let refused = try await AccessTests.signInThroughTheForm(
                client,
                name: "test-analyst",
                password: "wrong one"
            )
            #expect(refused.status == .unauthorized)
            let answer = try await AccessTests.signInThroughTheForm(
                client,
                name: "test-analyst",
                password: TestAuth.password
            )
            let session = try #require(AccessTests.cookie("fineprint_session", in: answer))
            let page = try await client.execute(
                uri: "/analyses",
                method: .get,
                headers: [.cookie: "fineprint_session=\(session)"]
            ) { $0 }
            var headers = AccessTests.formHeaders
            headers[.cookie] = "fineprint_session=\(session)"
            _ = try await client.execute(
                uri: "/logout",
                method: .post,
                headers: headers,
                body: AccessTests.form(["csrf": AccessTests.csrfValue(page.text)])
            ) { $0 }
        }
        let log = try #require(bench.auditLog)
        let rows = try await log.events(AuditFilter()).filter { $0.targetKind == "user" }
        let seen = Set(rows.map { "\($0.action) \($0.targetID) by \($0.actor ?? "nobody")" })
        #expect(seen.contains("login_failed test-analyst by nobody"))
        #expect(seen.contains("login test-analyst by test-analyst"))
        #expect(seen.contains("logout test-analyst by test-analyst"))
        #expect(try await log.verify() == .intact(rows: try await log.events(AuditFilter()).count))
    }

    @Test func anAdminsRoleChangeNamesTheAdmin() async throws {
        let bench = try await Repo.workbench()
        _ = try await TestAuth.token(in: bench.accounts, role: .reader)
        try await Repo.withApp(bench) { client in
            try await client.execute(
                uri: "/admin/users/test-reader/role",
                method: .post,
                headers: AccessTests.formHeaders,
                body: AccessTests.form(["role": "analyst"])
            ) { response in
                #expect(response.status == .seeOther)
            }
        }
        let rows = try await #require(bench.auditLog).events(AuditFilter(action: .roleChange))
        #expect(rows.map(\.targetID) == ["test-reader"])
        #expect(rows.first?.actor != nil && rows.first?.detail == "role analyst")
    }
}
