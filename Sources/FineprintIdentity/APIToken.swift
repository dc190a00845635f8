import Foundation

/// A bearer token for scripts: scoped to a role (never above its user's), revocable. Only the
/// SHA-256 of the secret is stored; the secret itself is shown once when it is created.
public struct APIToken: Hashable, Codable, Sendable {
    /// A public id (random, not secret) that names the token in lists and for revocation.
    public var id: String
    public var userName: String
    public var role: Role
    /// What the token is for, as its creator put it.
    public var label: String
    /// The lowercase hexadecimal SHA-256 of the secret.
    public var secretHash: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(
        id: String,
        userName: String,
        role: Role,
        label: String,
        secretHash: String,
        createdAt: Date,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.userName = userName
        self.role = role
        self.label = label
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}
