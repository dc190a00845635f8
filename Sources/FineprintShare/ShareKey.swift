import Crypto
import Foundation

/// An Ed25519 public key as allies exchange it: the SubjectPublicKeyInfo DER of RFC 8410, its
/// fingerprint (SHA-256 of that DER), and a PEM file with a few informational header lines.
public struct SharePublicKey: Hashable, Sendable {
    /// The DER prefix of every Ed25519 SubjectPublicKeyInfo (RFC 8410 §4 and the example in §10.1):
    /// SEQUENCE(42) { SEQUENCE(5) { OID 1.3.101.112 }, BIT STRING(33, no unused bits) } before the 32 key bytes.
    static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    public let key: Curve25519.Signing.PublicKey

    public init(_ key: Curve25519.Signing.PublicKey) { self.key = key }

    public init(rawRepresentation: Data) throws {
        guard rawRepresentation.count == 32 else { throw ShareError.badKeyFile("an Ed25519 public key has 32 bytes") }
        key = try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
    }

    /// Reads the SubjectPublicKeyInfo DER of an Ed25519 key; any other algorithm is refused.
    public init(spki: Data) throws {
        guard spki.count == 44, Array(spki.prefix(12)) == Self.spkiPrefix else {
            throw ShareError.badKeyFile("not an Ed25519 SubjectPublicKeyInfo (RFC 8410)")
        }
        try self.init(rawRepresentation: spki.suffix(32))
    }

    public var rawRepresentation: Data { key.rawRepresentation }
    public var spki: Data { Data(Self.spkiPrefix) + key.rawRepresentation }

    /// `sha256:` and the lowercase hex SHA-256 of the SPKI DER; also the DSSE `keyid`.
    public var fingerprint: String { "sha256:" + Hex.string(SHA256.hash(data: spki)) }

    /// The fingerprint's hex in groups of four, for reading aloud over a second channel.
    public var groupedFingerprint: String { Self.grouped(fingerprint) }

    public static func grouped(_ fingerprint: String) -> String {
        let hex = Array(fingerprint.hasPrefix("sha256:") ? String(fingerprint.dropFirst(7)) : fingerprint)
        let groups = stride(from: 0, to: hex.count, by: 4).map { String(hex[$0..<min($0 + 4, hex.count)]) }
        return "sha256:" + groups.joined(separator: " ")
    }

    public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        key.isValidSignature(signature, for: message)
    }

    public static func == (lhs: SharePublicKey, rhs: SharePublicKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }
}

/// A public key file: explanatory lines (allowed before the PEM block by RFC 7468 §5.2) naming
/// the publisher, then the SPKI as `-----BEGIN PUBLIC KEY-----`, readable by OpenSSL and pyca.
public struct PublicKeyFile: Hashable, Sendable {
    public var key: SharePublicKey
    public var publisher: String?
    public var name: String?
    public var country: String?

    public init(key: SharePublicKey, publisher: String?, name: String?, country: String?) {
        self.key = key
        self.publisher = publisher
        self.name = name
        self.country = country
    }

    public var text: String {
        var lines = ["Fineprint share public key (Ed25519)"]
        if let publisher { lines.append("Publisher: \(publisher)") }
        if let name { lines.append("Name: \(name)") }
        if let country { lines.append("Country: \(country)") }
        lines.append("Fingerprint: \(key.groupedFingerprint)")
        lines.append("-----BEGIN PUBLIC KEY-----")
        let body = key.spki.base64EncodedString()
        lines += stride(from: 0, to: body.count, by: 64).map {
            String(body.dropFirst($0).prefix(64))
        }
        lines.append("-----END PUBLIC KEY-----")
        return lines.joined(separator: "\n") + "\n"
    }

    public init(text: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN PUBLIC KEY-----"),
            let end = lines.firstIndex(of: "-----END PUBLIC KEY-----"), begin < end
        else { throw ShareError.badKeyFile("no -----BEGIN PUBLIC KEY----- block") }
        guard let der = Data(base64Encoded: lines[(begin + 1)..<end].joined()) else {
            throw ShareError.badKeyFile("the PEM block is not base64")
        }
        key = try SharePublicKey(spki: der)
        var fields: [String: String] = [:]
        for line in lines[..<begin] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        publisher = fields["publisher"]
        name = fields["name"]
        country = fields["country"]
    }
}

enum Hex {
    static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func sha256(_ data: Data) -> String { string(SHA256.hash(data: data)) }

    static func data(_ hex: String) -> Data? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var bytes = Data()
        for index in stride(from: 0, to: chars.count, by: 2) {
            guard let byte = UInt8(String(decoding: chars[index...index + 1], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
