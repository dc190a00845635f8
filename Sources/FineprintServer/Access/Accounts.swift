import FineprintIdentity
import FineprintStore
import Foundation
import Synchronization

/// Accounts as the CLI and the web app use them: adding users with checked passwords, API tokens
/// shown once and stored hashed, logins with throttling, and the identity behind a session
/// cookie, a bearer token or a trusted proxy's header.
public struct Accounts: Sendable {
    public let store: any AccountStore
    public let settings: AccessSettings
    let throttle: LoginThrottle
    /// Which tokens' use this minute is already in the audit log.
    let tokenUses = TokenUseLog()
    private let decoy: DecoyHash

    public init(store: any AccountStore, settings: AccessSettings = AccessSettings()) {
        self.store = store
        self.settings = settings
        throttle = LoginThrottle(limits: settings.throttle)
        decoy = DecoyHash(cost: settings.bcryptCost)
    }

    // MARK: Users and tokens

    /// Adds a user with a password; the name and password are checked first.
    public func addUser(name: String, role: Role, password: String) async throws {
        guard User.isValidName(name) else { throw AccountError.invalidName(name) }
        if let problem = Passwords.problem(with: password) { throw AccountError.weakPassword(problem) }
        let hash = try await hashOffThread(password)
        let user = User(name: name, role: role, passwordHash: hash, createdAt: Date())
        guard try await store.addUser(user) else { throw AccountError.nameTaken(name) }
    }

    /// Replaces a user's password (their sessions end).
    public func setPassword(name: String, password: String) async throws {
        if let problem = Passwords.problem(with: password) { throw AccountError.weakPassword(problem) }
        let hash = try await hashOffThread(password)
        guard try await store.setPasswordHash(hash, forUser: name) else { throw AccountError.noSuchUser(name) }
    }

    /// Makes a token for `userName` with `role` (default and ceiling: the user's role); returns the
    /// secret, which is not kept and cannot be shown again.
    public func createToken(
        userName: String,
        role: Role?,
        label: String
    ) async throws -> (secret: String, token: APIToken) {
        guard let user = try await store.user(named: userName) else { throw AccountError.noSuchUser(userName) }
        let scoped = role ?? user.role
        guard user.role.allows(scoped) else { throw AccountError.roleAboveUser(user: userName, role: user.role) }
        let secret = "fp_" + Passwords.randomSecret()
        let id = String(Passwords.sha256(Passwords.randomSecret()).prefix(12))
        let token = APIToken(
            id: id,
            userName: userName,
            role: scoped,
            label: String(label.prefix(200)),
            secretHash: Passwords.sha256(secret),
            createdAt: Date()
        )
        try await store.addToken(token)
        return (secret, token)
    }

    // MARK: Signing in

    public enum LoginOutcome: Sendable {
        /// The cookie's value (the session's secret id) and the stored session.
        case signedIn(cookie: String, session: Session)
        /// Wrong name or password: the same answer for both, so names cannot be discovered.
        case refused
        case throttled(retryAfter: TimeInterval)
    }

    /// Checks a name and password. An unknown name costs the same bcrypt work as a known one.
    public func login(name: String, password: String, address: String) async throws -> LoginOutcome {
        if let wait = throttle.retryAfter(account: name, address: address) { return .throttled(retryAfter: wait) }
        let user = try await store.user(named: name)
        let decoy = self.decoy
        let matches = try await OffThread.run(niced: false) {
            Passwords.verify(password, hash: user?.passwordHash ?? decoy.hash)
        }
        guard let user, user.passwordHash != nil, matches else {
            throttle.recordFailure(account: name, address: address)
            return .refused
        }
        throttle.recordSuccess(account: name)
        let cookie = Passwords.randomSecret()
        let now = Date()
        let session = Session(
            idHash: Passwords.sha256(cookie),
            userName: user.name,
            csrfToken: Passwords.randomSecret(),
            createdAt: now,
            lastSeenAt: now
        )
        try await store.addSession(session)
        return .signedIn(cookie: cookie, session: session)
    }

    public func logout(cookie: String) async throws {
        try await store.removeSession(idHash: Passwords.sha256(cookie))
    }

    // MARK: Who is asking

    /// The identity behind a session cookie, or nil when it names no live session (an expired
    /// one is removed). The last-use time is written at most once a minute.
    public func identity(sessionCookie cookie: String, now: Date = Date()) async throws -> Identity? {
        let idHash = Passwords.sha256(cookie)
        guard let session = try await store.session(idHash: idHash) else { return nil }
        guard session.isLive(at: now, policy: settings.sessions) else {
            try await store.removeSession(idHash: idHash)
            return nil
        }
        guard let user = try await store.user(named: session.userName) else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > 60 { try await store.touchSession(idHash: idHash, at: now) }
        return Identity(userName: user.name, role: user.role, method: .session(csrfToken: session.csrfToken))
    }

    /// The identity behind a bearer token: its role, capped at its user's current role.
    public func identity(bearer secret: String) async throws -> Identity? {
        guard let token = try await store.token(secretHash: Passwords.sha256(secret)), !token.isRevoked,
            let user = try await store.user(named: token.userName)
        else { return nil }
        return Identity(userName: user.name, role: min(token.role, user.role), method: .token(id: token.id))
    }

    /// The identity a trusted proxy vouched for; the user must exist here (their role is ours).
    public func identity(trustedUser name: String) async throws -> Identity? {
        guard let user = try await store.user(named: name) else { return nil }
        return Identity(userName: user.name, role: user.role, method: .trustedHeader)
    }

    private func hashOffThread(_ password: String) async throws -> String {
        let cost = settings.bcryptCost
        return try await OffThread.run(niced: false) { Passwords.hash(password, cost: cost) }
    }
}

/// A bcrypt hash of a random password, checked when the name is unknown so that the answer takes
/// as long as for a known name. Made on first use.
final class DecoyHash: Sendable {
    private let cost: Int
    private let value = Mutex<String?>(nil)

    init(cost: Int) { self.cost = cost }

    var hash: String {
        if let made = value.withLock({ $0 }) { return made }
        let made = Passwords.hash(Passwords.randomSecret(), cost: cost)
        value.withLock { $0 = made }
        return made
    }
}

/// Why an account operation was refused; each says what to do.
public enum AccountError: Error, CustomStringConvertible, Equatable {
    case invalidName(String)
    case nameTaken(String)
    case noSuchUser(String)
    case weakPassword(String)
    case roleAboveUser(user: String, role: Role)
    case noSuchToken(String)

    public var description: String {
        switch self {
        case .invalidName(let name):
            return "'\(name)' cannot be a user name: use 1 to 64 letters, digits, '.', '_', '-' or '@'"
        case .nameTaken(let name): return "a user named '\(name)' already exists"
        case .noSuchUser(let name): return "there is no user named '\(name)' (see `fineprint users list`)"
        case .weakPassword(let problem): return "the password is refused: \(problem)"
        case .roleAboveUser(let user, let role):
            return "a token of \(user) can have at most their role, \(role.rawValue)"
        case .noSuchToken(let id): return "there is no unrevoked token with id '\(id)' (see `fineprint tokens list`)"
        }
    }
}
