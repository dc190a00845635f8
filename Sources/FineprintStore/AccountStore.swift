import FineprintIdentity
import Foundation

/// Where accounts, API tokens and browser sessions are kept, in the same database as the
/// documents (`SQLiteStore` and `PostgresStore` both keep them). Secrets never reach it: users
/// carry a bcrypt hash, tokens and sessions the SHA-256 of their random secret.
public protocol AccountStore: Sendable {
    /// Adds a user; false when the name is taken (nothing changes then).
    func addUser(_ user: User) async throws -> Bool
    func user(named name: String) async throws -> User?
    /// Every user, by name.
    func users() async throws -> [User]
    /// Changes a user's role; false when there is no such user. Their tokens keep their own role,
    /// capped at the user's when used.
    func setRole(_ role: Role, forUser name: String) async throws -> Bool
    /// Replaces a user's password hash and ends their sessions; false when there is no such user.
    func setPasswordHash(_ hash: String, forUser name: String) async throws -> Bool
    /// Removes a user with their sessions and tokens; false when there is no such user.
    func removeUser(named name: String) async throws -> Bool

    func addToken(_ token: APIToken) async throws
    func token(secretHash: String) async throws -> APIToken?
    /// Every token (revoked ones too), newest first.
    func tokens() async throws -> [APIToken]
    /// Marks a token revoked; false when no unrevoked token has this id.
    func revokeToken(id: String, at date: Date) async throws -> Bool

    func addSession(_ session: Session) async throws
    func session(idHash: String) async throws -> Session?
    /// Records that a session was used at `date` (the idle expiry counts from it).
    func touchSession(idHash: String, at date: Date) async throws
    func removeSession(idHash: String) async throws
    /// Removes sessions past either expiry at `now`; returns how many.
    @discardableResult
    func removeExpiredSessions(at now: Date, policy: SessionPolicy) async throws -> Int
}
