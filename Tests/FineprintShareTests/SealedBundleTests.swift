import Crypto
import FineprintShare
import Foundation
import Testing

@Suite("Sealing a bundle to a recipient with HPKE (X25519, HKDF-SHA256, ChaCha20-Poly1305)")
struct SealedBundleTests {
    typealias F = ShareFixture

    @Test func onlyTheRecipientOpensASealedBundleAndItIsStillTheSignedBundle() async throws {
        let bundle = try F.pack(F.Publisher())
        let recipient = Curve25519.KeyAgreement.PrivateKey()
        let sealed = try SealedBundle.seal(bundle, to: recipient.publicKey)
        #expect(sealed.range(of: bundle.prefix(64)) == nil, "the bundle's bytes do not show")
        #expect(try SealedBundle.open(sealed, with: recipient) == bundle)
        let stranger = Curve25519.KeyAgreement.PrivateKey()
        let message = await F.expectRefusal("E_SEALED") { _ = try SealedBundle.open(sealed, with: stranger) }
        #expect(message.contains("not for this key"))
    }

    @Test func anAlteredSealedBundleOrHeaderIsRefused() async throws {
        let recipient = Curve25519.KeyAgreement.PrivateKey()
        let sealed = try SealedBundle.seal(Data("a bundle".utf8), to: recipient.publicKey)
        var object = try #require(try JSONSerialization.jsonObject(with: sealed) as? [String: String])
        let encoded = try #require(object["ciphertext"])
        var ciphertext = try #require(Data(base64Encoded: encoded))
        ciphertext[3] ^= 1
        object["ciphertext"] = ciphertext.base64EncodedString()
        let flipped = try JSONSerialization.data(withJSONObject: object)
        await F.expectRefusal("E_SEALED") { _ = try SealedBundle.open(flipped, with: recipient) }
        // A header swapped for another sealing's encapsulated key fails too.
        let other = try SealedBundle.seal(Data("a bundle".utf8), to: recipient.publicKey)
        var swapped = try #require(try JSONSerialization.jsonObject(with: sealed) as? [String: String])
        let otherObject = try #require(try JSONSerialization.jsonObject(with: other) as? [String: String])
        swapped["encapsulatedKey"] = otherObject["encapsulatedKey"]
        let mixed = try JSONSerialization.data(withJSONObject: swapped)
        await F.expectRefusal("E_SEALED") { _ = try SealedBundle.open(mixed, with: recipient) }
        await F.expectRefusal("E_SEALED") { _ = try SealedBundle.open(Data("{}".utf8), with: recipient) }
    }
}
