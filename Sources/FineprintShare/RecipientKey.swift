import Crypto
import Foundation

/// The X25519 key a ministry receives sealed bundles with, kept beside its signing key:
/// `recipient.key` (mode 0600, in the clear, as age keeps its identities: keep the folder on an
/// encrypted disk) and `recipient.pub`, which it sends to allies.
extension KeyDirectory {
    static let recipientPrivateName = "recipient.key"
    static let recipientPublicName = "recipient.pub"

    /// Makes the recipient key pair; refuses to replace one (bundles sealed to it could no longer be opened).
    public func makeRecipientKey() throws -> Curve25519.KeyAgreement.PublicKey {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard !FileManager.default.fileExists(atPath: file(Self.recipientPrivateName).path) else {
            throw ShareError.badKeyFile("\(file(Self.recipientPrivateName).path) exists; it is never replaced")
        }
        let key = Curve25519.KeyAgreement.PrivateKey()
        try write(
            Data((key.rawRepresentation.base64EncodedString() + "\n").utf8),
            to: Self.recipientPrivateName,
            secret: true
        )
        let text =
            [
                "Fineprint share recipient key (X25519, for sealed bundles)",
                "Fingerprint: \(SharePublicKey.grouped(SealedBundle.fingerprint(key.publicKey)))",
                key.publicKey.rawRepresentation.base64EncodedString(),
            ].joined(separator: "\n") + "\n"
        try write(Data(text.utf8), to: Self.recipientPublicName, secret: false)
        return key.publicKey
    }

    public func recipientKey() throws -> Curve25519.KeyAgreement.PrivateKey {
        let path = file(Self.recipientPrivateName).path
        guard let data = FileManager.default.contents(atPath: path),
            let raw = Data(
                base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            ),
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        else {
            throw ShareError.badKeyFile(
                "\(path) is missing or not a recipient key; make one with `share recipient-key`"
            )
        }
        return key
    }

    /// A `recipient.pub` as written above: its last line is the key.
    public static func recipientPublicKey(text: String) throws -> Curve25519.KeyAgreement.PublicKey {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let last = lines.last(where: { !$0.isEmpty }), let raw = Data(base64Encoded: last),
            let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw)
        else { throw ShareError.badKeyFile("not a Fineprint recipient key (recipient.pub)") }
        return key
    }
}
