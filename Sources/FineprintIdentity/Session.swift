import Foundation

/// A signed-in browser. The cookie holds a random 256-bit id; the database keeps only its SHA-256,
/// so a copy of the database does not let anyone sign in. A session ends at `idleExpiry` past its
/// last use or at `absoluteExpiry` past its creation, whichever comes first.
public struct Session: Hashable, Codable, Sendable {
    /// The lowercase hexadecimal SHA-256 of the cookie's id.
    public var idHash: String
    public var userName: String
    /// The per-session secret that forms carry against cross-site requests.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date

    public init(idHash: String, userName: String, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.idHash = idHash
        self.userName = userName
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }

    /// Whether the session is still good at `now` under `policy`.
    public func isLive(at now: Date, policy: SessionPolicy) -> Bool {
        now.timeIntervalSince(lastSeenAt) < policy.idleTimeout
            && now.timeIntervalSince(createdAt) < policy.absoluteTimeout
    }
}

/// How long sessions last.
public struct SessionPolicy: Hashable, Sendable {
    /// Ends a session unused for this long.
    public var idleTimeout: TimeInterval
    /// Ends every session this long after sign-in, used or not.
    public var absoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }
}
