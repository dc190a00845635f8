import Crypto
import Foundation

/// A bundle encrypted to one recipient, for a channel that must not show what is shared: HPKE
/// (RFC 9180) in base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and ChaCha20-Poly1305,
/// from swift-crypto. Sealing hides the bundle; it does not vouch for the sender: the bundle inside
/// is signed and verified against the trust list exactly as an unsealed one.
///
/// The recipient's key is an X25519 key of its own (never the Ed25519 signing key). The file is
/// JSON: the format, the suite, the recipient key's fingerprint, the encapsulated key and the
/// ciphertext (base64). The header is the authenticated data, so it cannot be swapped.
public struct SealedBundle: Codable, Hashable, Sendable {
    public static let format = "fineprint.share-sealed/1"
    public static let suiteName = "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305"
    static let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    /// HPKE's `info`: binds the keys derived to this use.
    static let info = Data("fineprint share bundle v1".utf8)

    public var format: String
    public var suite: String
    /// `sha256:` and the hex SHA-256 of the recipient's 32-byte X25519 public key.
    public var recipient: String
    public var encapsulatedKey: String
    public var ciphertext: String

    public static func fingerprint(_ key: Curve25519.KeyAgreement.PublicKey) -> String {
        "sha256:" + Hex.sha256(key.rawRepresentation)
    }

    /// Encrypts `bundle` so that only the holder of `recipient`'s private key can read it.
    public static func seal(_ bundle: Data, to recipient: Curve25519.KeyAgreement.PublicKey) throws -> Data {
        var sender = try HPKE.Sender(recipientKey: recipient, ciphersuite: suite, info: info)
        var sealed = SealedBundle(
            format: format,
            suite: suiteName,
            recipient: fingerprint(recipient),
            encapsulatedKey: sender.encapsulatedKey.base64EncodedString(),
            ciphertext: ""
        )
        sealed.ciphertext = try sender.seal(bundle, authenticating: sealed.header).base64EncodedString()
        return try CanonicalJSON.encode(sealed)
    }

    /// The bundle inside; a clear error for another recipient, another format or altered bytes.
    public static func open(_ data: Data, with key: Curve25519.KeyAgreement.PrivateKey) throws -> Data {
        guard let sealed = try? JSONDecoder().decode(SealedBundle.self, from: data), sealed.format == format else {
            throw ShareError.sealed("not a sealed Fineprint bundle (\(format))")
        }
        guard sealed.suite == suiteName else { throw ShareError.sealed("unknown suite \"\(sealed.suite)\"") }
        let mine = fingerprint(key.publicKey)
        guard sealed.recipient == mine else {
            throw ShareError.sealed(
                "it is sealed for \(SharePublicKey.grouped(sealed.recipient)), not for this key (\(SharePublicKey.grouped(mine)))"
            )
        }
        guard let encapsulated = Data(base64Encoded: sealed.encapsulatedKey),
            let ciphertext = Data(base64Encoded: sealed.ciphertext)
        else { throw ShareError.sealed("its keys or ciphertext are not base64") }
        do {
            var recipient = try HPKE.Recipient(
                privateKey: key,
                ciphersuite: suite,
                info: info,
                encapsulatedKey: encapsulated
            )
            return try recipient.open(ciphertext, authenticating: sealed.header)
        } catch {
            throw ShareError.sealed("it was altered after sealing, or sealed with another key")
        }
    }

    /// What the ciphertext authenticates: every field but the ciphertext.
    var header: Data { Data([format, suite, recipient, encapsulatedKey].joined(separator: "\n").utf8) }
}
