import FineprintIdentity
import Foundation
import PostgresNIO

extension PostgresStore: AccountStore {
    /// The accounts' tables, recorded in `fineprint_migration` after the job queue's.
    static let accountMigrations: [(name: String, sql: [String])] = [
        (
            "accounts v1: app_user, api_token, user_session",
            [
                """
                CREATE TABLE app_user (
                    name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT, created_at TIMESTAMPTZ NOT NULL)
                """,
                """
                CREATE TABLE api_token (
                    id TEXT PRIMARY KEY, user_name TEXT NOT NULL REFERENCES app_user(name) ON DELETE CASCADE,
                    role TEXT NOT NULL, label TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE,
                    created_at TIMESTAMPTZ NOT NULL, revoked_at TIMESTAMPTZ)
                """,
                "CREATE INDEX api_token_user ON api_token(user_name)",
                """
                CREATE TABLE user_session (
                    id_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL REFERENCES app_user(name) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, last_seen_at TIMESTAMPTZ NOT NULL)
                """,
                "CREATE INDEX user_session_user ON user_session(user_name)",
            ]
        )
    ]

    public func addUser(_ user: User) async throws -> Bool {
        try await accountGuarded {
            let rows = try await self.client.query(
                """
                INSERT INTO app_user (name, role, password_hash, created_at)
                VALUES (\(user.name), \(user.role.rawValue), \(user.passwordHash), \(user.createdAt))
                ON CONFLICT (name) DO NOTHING RETURNING name
                """,
                logger: self.accountLogger
            )
            for try await _ in rows { return true }
            return false
        }
    }

    public func user(named name: String) async throws -> User? {
        try await accountGuarded {
            try await self.fetchUsers(
                "SELECT name, role, password_hash, created_at FROM app_user WHERE name = \(name)"
            ).first
        }
    }

    public func users() async throws -> [User] {
        try await accountGuarded {
            try await self.fetchUsers("SELECT name, role, password_hash, created_at FROM app_user ORDER BY name")
        }
    }

    public func setRole(_ role: Role, forUser name: String) async throws -> Bool {
        try await changed("UPDATE app_user SET role = \(role.rawValue) WHERE name = \(name) RETURNING name")
    }

    public func setPasswordHash(_ hash: String, forUser name: String) async throws -> Bool {
        let found = try await changed(
            "UPDATE app_user SET password_hash = \(hash) WHERE name = \(name) RETURNING name"
        )
        _ = try await changed("DELETE FROM user_session WHERE user_name = \(name) RETURNING user_name")
        return found
    }

    public func removeUser(named name: String) async throws -> Bool {
        try await changed("DELETE FROM app_user WHERE name = \(name) RETURNING name")
    }

    public func addToken(_ token: APIToken) async throws {
        _ = try await changed(
            """
            INSERT INTO api_token (id, user_name, role, label, secret_hash, created_at, revoked_at)
            VALUES (\(token.id), \(token.userName), \(token.role.rawValue), \(token.label), \(token.secretHash),
                    \(token.createdAt), \(token.revokedAt)) RETURNING id
            """
        )
    }

    public func token(secretHash: String) async throws -> APIToken? {
        try await accountGuarded {
            try await self.fetchTokens(
                "SELECT \(unescaped: Self.tokenColumns) FROM api_token WHERE secret_hash = \(secretHash)"
            ).first
        }
    }

    public func tokens() async throws -> [APIToken] {
        try await accountGuarded {
            try await self.fetchTokens(
                "SELECT \(unescaped: Self.tokenColumns) FROM api_token ORDER BY created_at DESC, id"
            )
        }
    }

    public func revokeToken(id: String, at date: Date) async throws -> Bool {
        try await changed(
            "UPDATE api_token SET revoked_at = \(date) WHERE id = \(id) AND revoked_at IS NULL RETURNING id"
        )
    }

    public func addSession(_ session: Session) async throws {
        _ = try await changed(
            """
            INSERT INTO user_session (id_hash, user_name, csrf_token, created_at, last_seen_at)
            VALUES (\(session.idHash), \(session.userName), \(session.csrfToken), \(session.createdAt),
                    \(session.lastSeenAt)) RETURNING id_hash
            """
        )
    }

    public func session(idHash: String) async throws -> Session? {
        try await accountGuarded {
            let rows = try await self.client.query(
                """
                SELECT id_hash, user_name, csrf_token, created_at, last_seen_at FROM user_session
                WHERE id_hash = \(idHash)
                """,
                logger: self.accountLogger
            )
            for try await row in rows.decode((String, String, String, Date, Date).self) {
                return Session(idHash: row.0, userName: row.1, csrfToken: row.2, createdAt: row.3, lastSeenAt: row.4)
            }
            return nil
        }
    }

    public func touchSession(idHash: String, at date: Date) async throws {
        _ = try await changed(
            "UPDATE user_session SET last_seen_at = \(date) WHERE id_hash = \(idHash) RETURNING id_hash"
        )
    }

    public func removeSession(idHash: String) async throws {
        _ = try await changed("DELETE FROM user_session WHERE id_hash = \(idHash) RETURNING id_hash")
    }

    public func removeExpiredSessions(at now: Date, policy: SessionPolicy) async throws -> Int {
        let idle = now.addingTimeInterval(-policy.idleTimeout)
        let created = now.addingTimeInterval(-policy.absoluteTimeout)
        return try await accountGuarded {
            let rows = try await self.client.query(
                """
                DELETE FROM user_session WHERE last_seen_at <= \(idle) OR created_at <= \(created) RETURNING id_hash
                """,
                logger: self.accountLogger
            )
            var count = 0
            for try await _ in rows { count += 1 }
            return count
        }
    }

    // MARK: Plumbing

    private static let tokenColumns = "id, user_name, role, label, secret_hash, created_at, revoked_at"

    private var accountLogger: Logger { Logger(label: "fineprint.store.accounts") }

    /// Runs a statement ending in RETURNING; true when it returned a row.
    private func changed(_ query: PostgresQuery) async throws -> Bool {
        try await accountGuarded {
            let rows = try await self.client.query(query, logger: self.accountLogger)
            var any = false
            for try await _ in rows { any = true }
            return any
        }
    }

    private func fetchUsers(_ query: PostgresQuery) async throws -> [User] {
        var users: [User] = []
        let rows = try await client.query(query, logger: accountLogger)
        for try await row in rows.decode((String, String, String?, Date).self) {
            let role = try AccountRecords.role(row.1, of: "user \(row.0)")
            users.append(User(name: row.0, role: role, passwordHash: row.2, createdAt: row.3))
        }
        return users
    }

    private func fetchTokens(_ query: PostgresQuery) async throws -> [APIToken] {
        var tokens: [APIToken] = []
        let rows = try await client.query(query, logger: accountLogger)
        for try await row in rows.decode((String, String, String, String, String, Date, Date?).self) {
            let role = try AccountRecords.role(row.2, of: "token \(row.0)")
            tokens.append(
                APIToken(
                    id: row.0,
                    userName: row.1,
                    role: role,
                    label: row.3,
                    secretHash: row.4,
                    createdAt: row.5,
                    revokedAt: row.6
                )
            )
        }
        return tokens
    }

    private func accountGuarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do { return try await body() } catch {
            throw PostgresErrors.translate(error, endpoint: endpoint, opening: false)
        }
    }
}
