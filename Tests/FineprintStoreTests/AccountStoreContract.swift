import FineprintIdentity
import FineprintStore
import Foundation
import Testing

/// What every `AccountStore` must do: users with unique names, tokens found by their hash and
/// revoked once, sessions with both expiries, and a removed user taking their sessions and
/// tokens along. Dates are whole seconds, which both databases keep exactly.
extension StoreContract {
    static let day0 = Date(timeIntervalSince1970: 1_800_000_000)

    func withAccounts(_ body: (any AccountStore) async throws -> Void) async throws {
        try await withStore { store in try await body(try #require(store as? any AccountStore)) }
    }

    func usersHaveUniqueNamesAndRoundTrip() async throws {
        try await withAccounts { (accounts: any AccountStore) async throws in
            let ada = User(name: "ada", role: .admin, passwordHash: "$2b$04$hash", createdAt: Self.day0)
            #expect(try await accounts.addUser(ada))
            #expect(
                try await !accounts.addUser(User(name: "ada", role: .reader, passwordHash: nil, createdAt: Self.day0))
            )
            #expect(
                try await accounts.addUser(User(name: "bob", role: .reader, passwordHash: nil, createdAt: Self.day0))
            )
            #expect(try await accounts.user(named: "ada") == ada)
            #expect(try await accounts.user(named: "nobody") == nil)
            #expect(try await accounts.users().map(\.name) == ["ada", "bob"])
            #expect(try await accounts.setRole(.analyst, forUser: "bob"))
            #expect(try await !accounts.setRole(.analyst, forUser: "nobody"))
            #expect(try await accounts.user(named: "bob")?.role == .analyst)
            #expect(try await accounts.setPasswordHash("$2b$04$other", forUser: "bob"))
            #expect(try await accounts.user(named: "bob")?.passwordHash == "$2b$04$other")
        }
    }

    func tokensAreFoundByHashAndRevokedOnce() async throws {
        try await withAccounts { (accounts: any AccountStore) async throws in
            _ = try await accounts.addUser(User(name: "ada", role: .admin, passwordHash: nil, createdAt: Self.day0))
            let token = APIToken(
                id: "t1",
                userName: "ada",
                role: .reader,
                label: "nightly export",
                secretHash: String(repeating: "a", count: 64),
                createdAt: Self.day0
            )
            try await accounts.addToken(token)
            #expect(try await accounts.token(secretHash: token.secretHash) == token)
            #expect(try await accounts.token(secretHash: String(repeating: "b", count: 64)) == nil)
            #expect(try await accounts.revokeToken(id: "t1", at: Self.day0.addingTimeInterval(60)))
            #expect(try await !accounts.revokeToken(id: "t1", at: Self.day0.addingTimeInterval(120)))
            #expect(try await !accounts.revokeToken(id: "unknown", at: Self.day0))
            let revoked = try #require(try await accounts.token(secretHash: token.secretHash))
            #expect(revoked.revokedAt == Self.day0.addingTimeInterval(60))
            #expect(try await accounts.tokens().map(\.id) == ["t1"])
        }
    }

    func sessionsExpireAndGoWithTheirUser() async throws {
        try await withAccounts { (accounts: any AccountStore) async throws in
            _ = try await accounts.addUser(User(name: "ada", role: .admin, passwordHash: nil, createdAt: Self.day0))
            let policy = SessionPolicy(idleTimeout: 600, absoluteTimeout: 3600)
            let fresh = Session(
                idHash: "s1",
                userName: "ada",
                csrfToken: "c1",
                createdAt: Self.day0,
                lastSeenAt: Self.day0
            )
            var idle = fresh
            idle.idHash = "s2"
            try await accounts.addSession(fresh)
            try await accounts.addSession(idle)
            #expect(try await accounts.session(idHash: "s1") == fresh)
            // s1 is used at +500 s, s2 never: at +700 s only s2 is past its idle expiry.
            try await accounts.touchSession(idHash: "s1", at: Self.day0.addingTimeInterval(500))
            #expect(
                try await accounts.removeExpiredSessions(at: Self.day0.addingTimeInterval(700), policy: policy) == 1
            )
            #expect(try await accounts.session(idHash: "s2") == nil)
            #expect(try await accounts.session(idHash: "s1")?.lastSeenAt == Self.day0.addingTimeInterval(500))
            try await accounts.removeSession(idHash: "s1")
            #expect(try await accounts.session(idHash: "s1") == nil)

            try await accounts.addSession(fresh)
            try await accounts.addToken(
                APIToken(id: "t", userName: "ada", role: .admin, label: "", secretHash: "h", createdAt: Self.day0)
            )
            #expect(try await accounts.removeUser(named: "ada"))
            #expect(try await !accounts.removeUser(named: "ada"))
            #expect(try await accounts.session(idHash: "s1") == nil)
            #expect(try await accounts.tokens().isEmpty)
        }
    }

    func aNewPasswordEndsTheUsersSessions() async throws {
        try await withAccounts { (accounts: any AccountStore) async throws in
            _ = try await accounts.addUser(User(name: "ada", role: .admin, passwordHash: "x", createdAt: Self.day0))
            try await accounts.addSession(
                Session(idHash: "s", userName: "ada", csrfToken: "c", createdAt: Self.day0, lastSeenAt: Self.day0)
            )
            #expect(try await accounts.setPasswordHash("y", forUser: "ada"))
            #expect(try await accounts.session(idHash: "s") == nil)
            #expect(try await !accounts.setPasswordHash("y", forUser: "nobody"))
        }
    }
}

@Suite("Account store contract, on SQLite and on PostgreSQL when FINEPRINT_TEST_POSTGRES_URL is set")
struct AccountStoreContractTests {
    typealias Backend = StoreContract.Backend

    @Test(arguments: Backend.available) func usersHaveUniqueNamesAndRoundTrip(_ backend: Backend) async throws {
        try await StoreContract(backend).usersHaveUniqueNamesAndRoundTrip()
    }

    @Test(arguments: Backend.available) func tokensAreFoundByHashAndRevokedOnce(_ backend: Backend) async throws {
        try await StoreContract(backend).tokensAreFoundByHashAndRevokedOnce()
    }

    @Test(arguments: Backend.available) func sessionsExpireAndGoWithTheirUser(_ backend: Backend) async throws {
        try await StoreContract(backend).sessionsExpireAndGoWithTheirUser()
    }

    @Test(arguments: Backend.available) func aNewPasswordEndsTheUsersSessions(_ backend: Backend) async throws {
        try await StoreContract(backend).aNewPasswordEndsTheUsersSessions()
    }
}
