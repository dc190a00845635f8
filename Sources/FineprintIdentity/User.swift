import Foundation

/// A local account. The password hash is bcrypt's modular-crypt string; a user of the
/// trusted-header mode may have none (the proxy authenticated them).
public struct User: Hashable, Codable, Sendable {
    /// The login name, unique, kept as typed.
    public var name: String
    public var role: Role
    public var passwordHash: String?
    public var createdAt: Date

    public init(name: String, role: Role, passwordHash: String?, createdAt: Date) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    /// Whether `name` may be a login name: 1 to 64 letters, digits, and `.`, `_`, `-`, `@`.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.count) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || ".-_@".unicodeScalars.contains(scalar)
        }
    }
}
