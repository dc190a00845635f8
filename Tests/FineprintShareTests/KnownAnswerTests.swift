import Crypto
import CryptoExtras
import FineprintShare
import Foundation
import Testing

@Suite("Known-answer vectors: DSSE PAE, RFC 8032 Ed25519, RFC 8410 SPKI fingerprints")
struct KnownAnswerTests {
    /// RFC 8032 §7.1, TEST 1: the secret key, its public key and the signature of the empty message.
    static let rfc8032Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
    static let rfc8032Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    static let rfc8032EmptySignature =
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"

    static func hex(_ text: String) -> Data {
        Data(
            stride(from: 0, to: text.count, by: 2).map { offset in
                let start = text.index(text.startIndex, offsetBy: offset)
                return UInt8(text[start..<text.index(start, offsetBy: 2)], radix: 16)!
            }
        )
    }

    @Test func thePreAuthenticationEncodingMatchesTheDSSESpecVector() {
        let pae = DSSEEnvelope.preAuthenticationEncoding(
            payloadType: "http://example.com/HelloWorld",
            body: Data("hello world".utf8)
        )
        #expect(String(decoding: pae, as: UTF8.self) == "DSSEv1 29 http://example.com/HelloWorld 11 hello world")
    }

    @Test func theRFC8032TestOneKeyAndSignatureCheck() throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Self.hex(Self.rfc8032Seed))
        #expect(key.publicKey.rawRepresentation == Self.hex(Self.rfc8032Public))
        #expect(key.publicKey.isValidSignature(Self.hex(Self.rfc8032EmptySignature), for: Data()))
        var flipped = Self.hex(Self.rfc8032EmptySignature)
        flipped[0] ^= 1
        #expect(!key.publicKey.isValidSignature(flipped, for: Data()))
    }

    @Test func theFingerprintIsTheSHA256OfTheRFC8410SubjectPublicKeyInfo() throws {
        let key = try SharePublicKey(rawRepresentation: Self.hex(Self.rfc8032Public))
        // Our fixed prefix gives the same DER as swift-crypto's ASN.1 encoder.
        #expect(key.spki == key.key.derRepresentation)
        // The public key example of RFC 8410 §10.1 starts with the same twelve bytes.
        let example = try #require(Data(base64Encoded: "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="))
        #expect(example.prefix(12) == key.spki.prefix(12))
        #expect(try SharePublicKey(spki: example).rawRepresentation == example.suffix(32))
        #expect(key.fingerprint == "sha256:06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9")
        #expect(key.groupedFingerprint.hasPrefix("sha256:06e3 fd8f da29 bb60"))
    }

    @Test func theResearchSignatureOverTheSpecPAEVerifiesAndOursIsEqual() throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Self.hex(Self.rfc8032Seed))
        let pae = DSSEEnvelope.preAuthenticationEncoding(
            payloadType: "http://example.com/HelloWorld",
            body: Data("hello world".utf8)
        )
        let expected = try #require(
            Data(
                base64Encoded:
                    "4DHX3Zn4qpBKvEj7maE8O9u9bjXEnPLLnyXVUJ2PXJR8DSLcL3QDpFvfJOj3pB/SPHsl6Jg4boxsMb6KvuYABw=="
            )
        )
        #expect(key.publicKey.isValidSignature(expected, for: pae))
        #expect(!key.publicKey.isValidSignature(expected, for: pae + Data([0x20])))
    }

    @Test func base64DecodingTakesStandardAndURLSafeFormsWithOrWithoutPadding() {
        let bytes = Data([0xFB, 0xFF, 0xBF, 0x01])
        #expect(DSSEEnvelope.decodeBase64("+/+/AQ==") == bytes)
        #expect(DSSEEnvelope.decodeBase64("-_-_AQ") == bytes)
        #expect(DSSEEnvelope.decodeBase64("-_-_AQ==") == bytes)
        #expect(DSSEEnvelope.decodeBase64("A") == nil)
        #expect(DSSEEnvelope.decodeBase64("AQ=A") == nil)
    }
}
