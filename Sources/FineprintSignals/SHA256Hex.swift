import Crypto
import Foundation

enum SHA256Hex {
    static func of(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

extension Data {
    /// The lowercase hex SHA-256 of these bytes: a snapshot's name.
    public var signalSHA256: String { SHA256Hex.of(self) }
}
