import Crypto
import FineprintShare
import FineprintStore
import FineprintTestSupport
import Foundation
import Testing

@Suite("Keys: passphrase-sealed files, public key files, rotation and revocation notices")
struct KeyTests {
    typealias F = ShareFixture

    @Test func keygenWritesAPrivateFileOnlyTheOwnerCanReadSealedByThePassphrase() throws {
        let folder = try TemporaryFiles.folder("share-keys").appendingPathComponent("keys")
        let passphrase = Data("correct horse battery".utf8)
        let keys = try KeyDirectory.generate(
            at: folder.path,
            publisher: .init(id: "ee-mkm", name: "Ministry", country: "EE"),
            passphrase: passphrase
        )
        let attributes = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent("ee-mkm.key").path
        )
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let keyText = try String(contentsOf: folder.appendingPathComponent("ee-mkm.key"), encoding: .utf8)
        #expect(keyText.contains("scrypt") && !keyText.contains("\"seed\""))
        let key = try keys.signingKey(passphrase: passphrase)
        #expect(SharePublicKey(key.publicKey) == (try keys.identity().key))
        #expect(throws: ShareError.self) { try keys.signingKey(passphrase: Data("wrong".utf8)) }
        #expect(throws: ShareError.self) { try keys.signingKey(passphrase: nil) }
        #expect(throws: ShareError.self) {
            try KeyDirectory.generate(
                at: folder.path,
                publisher: .init(id: "ee-mkm", name: "M", country: "EE"),
                passphrase: nil
            )
        }
    }

    @Test func aPublicKeyFileRoundTripsAndIsPlainPEM() throws {
        let publisher = F.Publisher()
        let text = publisher.keyFile.text
        #expect(text.contains("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
        let read = try PublicKeyFile(text: text)
        #expect(read.key == publisher.publicKey && read.publisher == "ee-mkm" && read.country == "EE")
        #expect(throws: ShareError.self) { try PublicKeyFile(text: "no key here") }
    }

    @Test func aRotationSignedByOldAndNewKeyMovesTheTrustList() async throws {
        let folder = try TemporaryFiles.folder("share-rotate").appendingPathComponent("keys")
        let keys = try KeyDirectory.generate(
            at: folder.path,
            publisher: .init(id: "ee-mkm", name: "Ministry", country: "EE"),
            passphrase: nil
        )
        let old = try keys.identity().key
        let ledger = try F.ledger()
        _ = try await TrustList(ledger: ledger, now: F.now).add(
            PublicKeyFile(key: old, publisher: "ee-mkm", name: nil, country: nil),
            publisher: "ee-mkm",
            verifiedVia: "phone",
            until: nil,
            scopes: ["clauses"]
        )
        let notice = try Data(contentsOf: try keys.rotate(passphrase: nil, newPassphrase: nil))
        let new = try keys.identity().key
        #expect(new != old)
        let added = try await TrustList(ledger: ledger, now: F.now).rotate(notice: notice)
        #expect(added.fingerprint == new.fingerprint && added.scopes == ["clauses"])
        let listed = try await ledger.trustedKeys()
        #expect(listed.first { $0.fingerprint == old.fingerprint }?.replacedBy == new.fingerprint)
        // A notice re-signed by the new key alone is refused.
        var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: notice)
        envelope.signatures.removeFirst()
        await F.expectRefusal("E_NOTICE") {
            _ = try await TrustList(ledger: try F.ledger(), now: F.now).rotate(
                notice: try JSONEncoder().encode(envelope)
            )
        }
        // A rotation from a key nobody trusts adds nothing.
        await F.expectRefusal("E_UNKNOWN_KEY") {
            _ = try await TrustList(ledger: try F.ledger(), now: F.now).rotate(notice: notice)
        }
    }

    @Test func theRevocationNoticeMadeAtKeygenRevokesTheKey() async throws {
        let folder = try TemporaryFiles.folder("share-revoke").appendingPathComponent("keys")
        let keys = try KeyDirectory.generate(
            at: folder.path,
            publisher: .init(id: "ee-mkm", name: "Ministry", country: "EE"),
            passphrase: nil
        )
        let ledger = try F.ledger()
        let key = try keys.identity().key
        _ = try await TrustList(ledger: ledger, now: F.now).add(
            PublicKeyFile(key: key, publisher: "ee-mkm", name: nil, country: nil),
            publisher: "ee-mkm",
            verifiedVia: "phone",
            until: nil,
            scopes: []
        )
        let revoked = try await TrustList(ledger: ledger, now: F.now).revoke(
            notice: try Data(contentsOf: keys.revocationNotice)
        )
        #expect(revoked.fingerprint == key.fingerprint && revoked.revokedAt != nil)
        // Another key's signature on a revocation notice is refused.
        let forged = try KeyNotice.revocation(
            of: Curve25519.Signing.PrivateKey(),
            publisher: "ee-mkm",
            reason: "x",
            at: F.now
        )
        var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: try Data(contentsOf: keys.revocationNotice))
        envelope.signatures = forged.signatures
        await F.expectRefusal("E_NOTICE") {
            _ = try await TrustList(ledger: ledger).revoke(notice: try JSONEncoder().encode(envelope))
        }
    }
}
