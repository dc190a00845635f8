import Foundation
import Testing

/// The account commands leave their changes in the audit log, named by the operator who ran them.
@Suite(.serialized) struct AccountCommandLineTests {
    @Test func accountChangesMadeOnTheCommandLineAreAudited() throws {
        let data = try CLI.temporaryFolder()
        let password = data.appendingPathComponent("password")
        try "a password long enough for the test\n".write(to: password, atomically: true, encoding: .utf8)
        let store = ["--data-dir", data.path]
        let add = try CLI.run(["users", "add", "ana", "--role", "analyst", "--password-file", password.path] + store)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try CLI.run(["users", "role", "ana", "reader"] + store).status == 0)
        let token = try CLI.run(["tokens", "create", "--user", "ana", "--name", "script"] + store)
        #expect(token.status == 0, "\(token.stderr)")
        let missing = try CLI.run(["users", "role", "nobody", "admin"] + store)
        #expect(missing.status == 2)
        let list = try CLI.run(["audit", "list", "--format", "csv"] + store)
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("role_change") && $0.contains("added as analyst") })
        #expect(lines.contains { $0.contains("role_change") && $0.contains("role reader") })
        #expect(lines.contains { $0.contains("token_create") && $0.contains("ana") })
        // A refused change is not recorded.
        #expect(!lines.contains { $0.contains("nobody") })
        #expect(try CLI.run(["audit", "verify"] + store).status == 0)
    }
}
