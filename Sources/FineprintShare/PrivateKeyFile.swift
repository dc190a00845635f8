import Crypto
import CryptoExtras
import Foundation

/// A publisher's private signing key as kept on disk: JSON, the 32-byte seed sealed with
/// ChaCha20-Poly1305 under a key derived from the passphrase by scrypt (the fingerprint is the
/// authenticated data, so a sealed key cannot be passed off as another's). Without a passphrase
/// the seed is stored in the clear; the file is always written with mode 0600.
public struct PrivateKeyFile: Codable, Sendable {
    public static let format = "fineprint.share-private-key/1"

    struct Sealed: Codable, Sendable {
        var kdf: String
        var salt: String
        var logN: Int
        var r: Int
        var p: Int
        var cipher: String
        var box: String
    }

    var format: String
    public var publisher: String
    public var fingerprint: String
    var sealed: Sealed?
    var seed: String?

    /// scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, about a tenth of a second).
    static let defaultLogN = 15

    public init(key: Curve25519.Signing.PrivateKey, publisher: String, passphrase: Data?) throws {
        format = Self.format
        self.publisher = publisher
        fingerprint = SharePublicKey(key.publicKey).fingerprint
        guard let passphrase else {
            seed = key.rawRepresentation.base64EncodedString()
            return
        }
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let derived = try Self.derive(passphrase, salt: salt, logN: Self.defaultLogN, r: 8, p: 1)
        let box = try ChaChaPoly.seal(key.rawRepresentation, using: derived, authenticating: Data(fingerprint.utf8))
        sealed = Sealed(
            kdf: "scrypt",
            salt: salt.base64EncodedString(),
            logN: Self.defaultLogN,
            r: 8,
            p: 1,
            cipher: "chacha20-poly1305",
            box: box.combined.base64EncodedString()
        )
    }

    public var isEncrypted: Bool { sealed != nil }

    /// The signing key; throws a clear error for a missing or wrong passphrase.
    public func signingKey(passphrase: Data?) throws -> Curve25519.Signing.PrivateKey {
        guard format == Self.format else { throw ShareError.badKeyFile("not a Fineprint private key (\(format))") }
        let raw: Data
        if let sealed {
            guard let passphrase else {
                throw ShareError.passphrase("the private key of \(publisher) is encrypted: give --passphrase-file")
            }
            guard sealed.kdf == "scrypt", sealed.cipher == "chacha20-poly1305", (10...20).contains(sealed.logN),
                (1...16).contains(sealed.r), (1...4).contains(sealed.p), let salt = Data(base64Encoded: sealed.salt),
                let combined = Data(base64Encoded: sealed.box)
            else { throw ShareError.badKeyFile("unsupported key encryption parameters") }
            let derived = try Self.derive(passphrase, salt: salt, logN: sealed.logN, r: sealed.r, p: sealed.p)
            do {
                raw = try ChaChaPoly.open(
                    ChaChaPoly.SealedBox(combined: combined),
                    using: derived,
                    authenticating: Data(fingerprint.utf8)
                )
            } catch { throw ShareError.passphrase("wrong passphrase for the private key of \(publisher)") }
        } else {
            guard let seed, let decoded = Data(base64Encoded: seed) else {
                throw ShareError.badKeyFile("the private key file holds no key")
            }
            raw = decoded
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        guard SharePublicKey(key.publicKey).fingerprint == fingerprint else {
            throw ShareError.badKeyFile("the private key does not match its recorded fingerprint \(fingerprint)")
        }
        return key
    }

    private static func derive(_ passphrase: Data, salt: Data, logN: Int, r: Int, p: Int) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: passphrase,
            salt: salt,
            outputByteCount: 32,
            rounds: 1 << logN,
            blockSize: r,
            parallelism: p,
            maxMemory: 256 * 1024 * 1024
        )
    }
}

/// Reads a passphrase file: its first line, without the line break.
public enum PassphraseFile {
    public static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShareError.passphrase("cannot read the passphrase file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let line =
            text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !line.isEmpty else { throw ShareError.passphrase("the passphrase file \(path) is empty") }
        return Data(line.utf8)
    }
}
