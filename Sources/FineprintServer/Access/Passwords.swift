import Crypto
import Foundation
import HummingbirdBcrypt

/// Password hashing with bcrypt, and the random secrets of sessions and tokens.
public enum Passwords {
    /// 12: about a quarter of a second per login on a server core, the cost of one guess for an
    /// attacker holding the database.
    public static let defaultCost = 12
    /// bcrypt uses at most 72 bytes; a longer password would be silently cut, so it is refused.
    public static let maxBytes = 72
    public static let minCharacters = 10

    /// The bcrypt hash of `password` (runs for as long as the cost says: call it off the event loop).
    public static func hash(_ password: String, cost: Int) -> String {
        Bcrypt.hash(password, cost: UInt8(clamping: min(max(cost, 4), 31)))
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Why a new password is refused, or nil when it is acceptable.
    public static func problem(with password: String) -> String? {
        if password.count < minCharacters { return "a password needs at least \(minCharacters) characters" }
        if password.utf8.count > maxBytes {
            return "a password may have at most \(maxBytes) bytes (bcrypt ignores the rest)"
        }
        return nil
    }

    /// A fresh random secret: 32 bytes (256 bits) as URL-safe base64 without padding.
    public static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The lowercase hexadecimal SHA-256 of a secret, as the store keeps it.
    public static func sha256(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
