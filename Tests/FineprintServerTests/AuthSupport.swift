import FineprintIdentity
import FineprintServer
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Signing in for the server tests: users and API tokens made through the same `Accounts` calls
/// as `fineprint users` and `fineprint tokens`, and clients that send them.
enum TestAuth {
    /// Cheap bcrypt (cost 4) so that tests which sign in do not spend seconds hashing.
    static var access: AccessSettings { AccessSettings(bcryptCost: 4) }
    static let password = "a test password of enough length"

    /// Adds a user `NAME` with `role` (password `password`) and returns a token of theirs.
    static func token(in accounts: Accounts, role: Role, name: String? = nil) async throws -> String {
        let user = name ?? "test-\(role.rawValue)"
        if try await accounts.store.user(named: user) == nil {
            try await accounts.addUser(name: user, role: role, password: password)
        }
        return try await accounts.createToken(userName: user, role: role, label: "tests").secret
    }

    /// A token of an admin in the SQLite store of a data folder (before the app opens it).
    static func token(folder: URL, role: Role = .admin) async throws -> String {
        let accounts = Accounts(store: try SQLiteStore(dataDirectory: folder), settings: access)
        return try await token(in: accounts, role: role)
    }
}

/// A test client that sends `Authorization: Bearer <token>` with every request that names no
/// credentials of its own (no Authorization header, no cookie).
struct AuthenticatedClient: TestClientProtocol {
    let client: any TestClientProtocol
    let token: String

    init(_ client: any TestClientProtocol, token: String) {
        self.client = client
        self.token = token
    }

    func executeRequest(
        uri: String,
        method: HTTPRequest.Method,
        headers: HTTPFields,
        body: ByteBuffer?
    ) async throws -> TestResponse {
        var headers = headers
        if headers[.authorization] == nil, headers[.cookie] == nil { headers[.authorization] = "Bearer \(token)" }
        return try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    var port: Int? { client.port }
}

extension TestArguments {
    /// Builds the application as `fineprint serve` does and runs `body` with a client acting as an admin.
    func testAsAdmin<Value: Sendable>(
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        guard case .sqlite(let folder) = storage else { preconditionFailure("the test arguments keep SQLite") }
        let token = try await TestAuth.token(folder: folder)
        return try await buildApplication(self).test(.router) { client in
            try await body(AuthenticatedClient(client, token: token))
        }
    }
}
