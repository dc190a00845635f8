import Crypto
import Foundation

/// A DSSE v1 envelope (github.com/secure-systems-lab/dsse): the exact payload bytes, their type,
/// and signatures over the pre-authentication encoding of both.
public struct DSSEEnvelope: Codable, Hashable, Sendable {
    public struct Signature: Codable, Hashable, Sendable {
        /// An unauthenticated hint: only narrows which trusted keys are tried.
        public var keyid: String?
        public var sig: String

        public init(keyid: String?, sig: String) {
            self.keyid = keyid
            self.sig = sig
        }
    }

    public var payload: String
    public var payloadType: String
    public var signatures: [Signature]

    public init(payload: String, payloadType: String, signatures: [Signature]) {
        self.payload = payload
        self.payloadType = payloadType
        self.signatures = signatures
    }

    /// Signs `body` as `payloadType` with every key given (in order).
    public static func sign(
        _ body: Data,
        payloadType: String,
        with keys: [Curve25519.Signing.PrivateKey]
    ) throws -> DSSEEnvelope {
        let message = preAuthenticationEncoding(payloadType: payloadType, body: body)
        let signatures = try keys.map { key in
            Signature(
                keyid: SharePublicKey(key.publicKey).fingerprint,
                sig: try key.signature(for: message).base64EncodedString()
            )
        }
        return DSSEEnvelope(payload: body.base64EncodedString(), payloadType: payloadType, signatures: signatures)
    }

    /// `DSSEv1 SP len(type) SP type SP len(body) SP body`, lengths in ASCII decimal.
    public static func preAuthenticationEncoding(payloadType: String, body: Data) -> Data {
        let type = Data(payloadType.utf8)
        var message = Data("DSSEv1 \(type.count) ".utf8)
        message += type
        message += Data(" \(body.count) ".utf8)
        message += body
        return message
    }

    /// Standard or URL-safe base64, padded or not (DSSE verifiers must accept both).
    public static func decodeBase64(_ text: String) -> Data? {
        var normalized = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        normalized = normalized.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        guard !normalized.contains("="), normalized.count % 4 != 1 else { return nil }
        normalized += String(repeating: "=", count: (4 - normalized.count % 4) % 4)
        return Data(base64Encoded: normalized)
    }

    /// The keys among `candidates` whose signature verifies over this envelope, each counted once.
    /// A signature that does not verify is skipped, as the DSSE threshold rule says.
    func verifiedKeys(among candidates: [SharePublicKey]) -> (body: Data, keys: [SharePublicKey])? {
        guard let body = Self.decodeBase64(payload) else { return nil }
        let message = Self.preAuthenticationEncoding(payloadType: payloadType, body: body)
        var verified: [SharePublicKey] = []
        for signature in signatures {
            guard let sig = Self.decodeBase64(signature.sig), sig.count == 64 else { continue }
            let hinted = candidates.filter { $0.fingerprint == signature.keyid }
            let tried = hinted.isEmpty ? candidates : hinted
            for key in tried where !verified.contains(key) && key.isValidSignature(sig, for: message) {
                verified.append(key)
                break
            }
        }
        return (body, verified)
    }
}

/// The one JSON form this module writes: sorted keys, no escaped slashes, no whitespace, so the
/// same values always give the same bytes (reproducible bundles).
enum CanonicalJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func pretty<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value)
    }
}

enum Timestamp {
    /// RFC 3339 in UTC with a `Z`, to the second, as in-toto asks.
    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
