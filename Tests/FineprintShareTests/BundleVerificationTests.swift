import Crypto
import FineprintShare
import FineprintStore
import FineprintTestSupport
import Foundation
import Testing
import ZIPFoundation

@Suite("Bundles: signing, the fourteen checks in order, one refusal per error")
struct BundleVerificationTests {
    typealias F = ShareFixture

    @Test func aBundleFromATrustedPublisherVerifiesWithEveryItemPlanned() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let verified = try await F.verify(try F.pack(publisher), ledger)
        #expect(verified.predicate.publisher.id == "ee-mkm")
        #expect(verified.signers.map(\.fingerprint) == [publisher.publicKey.fingerprint])
        #expect(verified.plan.count == 3)
        #expect(verified.plan.allSatisfy { $0.action == .add })
        #expect(verified.statement.subject.contains { $0.name.hasPrefix("items/clause/") })
    }

    @Test func packingTheSameRequestTwiceGivesTheSameBytes() throws {
        let publisher = F.Publisher()
        let first = try F.pack(publisher)
        #expect(try F.pack(publisher) == first)
        #expect(try F.pack(publisher, sequence: 2) != first)
    }

    @Test func oneChangedByteInAnItemIsNamed() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let tampered = try F.rewrite(try F.pack(publisher)) { files in
            let path = try #require(files.keys.sorted().first { $0.hasPrefix("items/clause/") })
            files[path]![5] ^= 0x01
        }
        let message = await F.expectRefusal("E_TAMPERED") { _ = try await F.verify(tampered, ledger) }
        #expect(message.contains("items/clause/"))
    }

    @Test func oneByteFlippedInTheZipItselfIsCaughtAndNamed() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        var bundle = try F.pack(publisher)
        let path = Data("items/move/".utf8)
        let header = try #require(bundle.range(of: path))
        bundle[header.upperBound + 60] ^= 0x01
        let message = await F.expectRefusal("E_FORMAT") { _ = try await F.verify(bundle, ledger) }
        #expect(message.contains("items/move/"))
        let readme = try #require(bundle.range(of: Data("README.txt".utf8)))
        var flippedReadme = try F.pack(publisher)
        flippedReadme[readme.upperBound + 40] ^= 0x01
        await F.expectRefusal("E_FORMAT") { _ = try await F.verify(flippedReadme, ledger) }
    }

    @Test func oneChangedByteInThePayloadBreaksTheSignature() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let tampered = try F.rewrite(try F.pack(publisher)) { files in
            var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: files["envelope.dsse.json"]!)
            var body = try #require(DSSEEnvelope.decodeBase64(envelope.payload))
            body[body.count / 2] ^= 0x01
            envelope.payload = body.base64EncodedString()
            files["envelope.dsse.json"] = try JSONEncoder().encode(envelope)
        }
        await F.expectRefusal("E_BAD_SIGNATURE") { _ = try await F.verify(tampered, ledger) }
    }

    @Test func anUnknownKeyIsNamedByItsFingerprint() async throws {
        let publisher = F.Publisher()
        let message = await F.expectRefusal("E_UNKNOWN_KEY") {
            _ = try await F.verify(try F.pack(publisher), try F.ledger())
        }
        #expect(message.contains(SharePublicKey.grouped(publisher.publicKey.fingerprint)))
        #expect(message.contains("trust add"))
    }

    @Test func anExpiredKeyIsRefused() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger, until: F.now.addingTimeInterval(-60))
        await F.expectRefusal("E_KEY_EXPIRED") { _ = try await F.verify(try F.pack(publisher), ledger) }
    }

    @Test func aRevokedKeyIsRefusedWithTheDateAndReason() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        _ = try await TrustList(ledger: ledger, now: F.now.addingTimeInterval(-10)).revoke(
            fingerprint: publisher.publicKey.fingerprint,
            reason: "laptop stolen"
        )
        let message = await F.expectRefusal("E_KEY_REVOKED") { _ = try await F.verify(try F.pack(publisher), ledger) }
        #expect(message.contains("laptop stolen"))
    }

    @Test func aSignedStatementOfAnotherPredicateTypeIsRefused() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let other = try F.resign(try F.pack(publisher), with: [publisher.key]) { statement in
            statement["predicateType"] = "https://in-toto.io/attestation/test-result/v0.1"
        }
        let message = await F.expectRefusal("E_PREDICATE_TYPE") { _ = try await F.verify(other, ledger) }
        #expect(message.contains("test-result"))
        let notStatement = try F.resign(try F.pack(publisher), with: [publisher.key]) {
            $0["_type"] = "https://example.org/x"
        }
        await F.expectRefusal("E_STATEMENT") { _ = try await F.verify(notStatement, ledger) }
    }

    @Test func anotherPayloadTypeIsRefused() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.rewrite(try F.pack(publisher)) { files in
            var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: files["envelope.dsse.json"]!)
            envelope.payloadType = "application/json"
            files["envelope.dsse.json"] = try JSONEncoder().encode(envelope)
        }
        await F.expectRefusal("E_PAYLOAD_TYPE") { _ = try await F.verify(bundle, ledger) }
    }

    @Test func aURLSafeUnpaddedSignaturePasses() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.rewrite(try F.pack(publisher)) { files in
            var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: files["envelope.dsse.json"]!)
            envelope.signatures = envelope.signatures.map { signature in
                var urlSafe = signature
                urlSafe.sig = signature.sig.replacingOccurrences(of: "+", with: "-")
                    .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
                return urlSafe
            }
            files["envelope.dsse.json"] = try JSONEncoder().encode(envelope)
        }
        #expect(try await F.verify(bundle, ledger).signers.count == 1)
    }

    @Test func aThresholdOfTwoNeedsTwoDistinctTrustedKeys() async throws {
        let first = F.Publisher()
        var second = F.Publisher()
        second.info = first.info
        let ledger = try F.ledger()
        try await F.trust(first, in: ledger)
        try await F.trust(second, in: ledger)
        try await ledger.setThreshold(publisher: "ee-mkm", threshold: 2)
        let message = await F.expectRefusal("E_THRESHOLD") { _ = try await F.verify(try F.pack(first), ledger) }
        #expect(message.contains("requires 2"))
        await F.expectRefusal("E_THRESHOLD") {
            _ = try await F.verify(try F.pack(first, cosigners: [first]), ledger)
        }
        let both = try await F.verify(try F.pack(first, cosigners: [second]), ledger)
        #expect(Set(both.signers.map(\.fingerprint)).count == 2)
    }

    @Test func aKeyTrustedForAnotherPublisherOrOtherKindsIsRefused() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger, scopes: ["clauses", "playbooks"])
        let message = await F.expectRefusal("E_KEY_SCOPE") { _ = try await F.verify(try F.pack(publisher), ledger) }
        #expect(message.contains("move"))
        var impostor = publisher
        impostor.info = .init(id: "lv-varam", name: "Other ministry", country: "LV")
        await F.expectRefusal("E_PUBLISHER_MISMATCH") {
            _ = try await F.verify(try F.pack(impostor, items: Array(try F.items().prefix(1))), ledger)
        }
    }

    @Test func missingAndUnlistedFilesAreNamed() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.pack(publisher)
        let missing = try F.rewrite(bundle) { files in
            files.removeValue(forKey: try #require(files.keys.first { $0.hasPrefix("items/move/") }))
        }
        let message = await F.expectRefusal("E_MISSING_ITEM") { _ = try await F.verify(missing, ledger) }
        #expect(message.contains("items/move/"))
        let extra = try F.rewrite(bundle) { $0["items/clause/smuggled@1.json"] = Data("{}".utf8) }
        await F.expectRefusal("E_UNLISTED_FILE") { _ = try await F.verify(extra, ledger) }
    }

    @Test func anItemThatIsNotWhatItsKindSaysIsRefused() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let wrong = OutgoingItem(
            kind: .clause,
            id: "not_a_clause",
            title: "x",
            content: Data(#"{"id":"not_a_clause"}"#.utf8)
        )
        await F.expectRefusal("E_ITEM_INVALID") {
            _ = try await F.verify(try F.pack(publisher, items: [wrong]), ledger)
        }
    }

    @Test func anExpiredBundleIsRefused() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.pack(publisher, expires: F.now.addingTimeInterval(-1))
        await F.expectRefusal("E_BUNDLE_EXPIRED") { _ = try await F.verify(bundle, ledger) }
    }

    @Test func aParentDirectoryEntryIsRefused() async throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let bytes = Data("x".utf8)
        try archive.addEntry(with: "../evil.json", type: .file, uncompressedSize: Int64(1)) { (_: Int64, _: Int) in
            bytes
        }
        let message = await F.expectRefusal("E_FORMAT") {
            _ = try await F.verify(try #require(archive.data), try F.ledger())
        }
        #expect(message.contains("../evil.json"))
        #expect(throws: ShareError.self) {
            try BundleArchive.read(try F.rewrite(try F.pack(F.Publisher())) { $0["/etc/x"] = bytes })
        }
    }

    @Test func aZipBombIsRefusedBeforeItUnpacks() async throws {
        let zeros = Data(count: 20 * 1024 * 1024)
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(
            with: "items/clause/bomb@1.json",
            type: .file,
            uncompressedSize: Int64(zeros.count),
            compressionMethod: .deflate
        ) {
            (position: Int64, size: Int) in zeros.subdata(in: Int(position)..<Int(position) + size)
        }
        let message = await F.expectRefusal("E_FORMAT") {
            _ = try await F.verify(try #require(archive.data), try F.ledger())
        }
        #expect(message.contains("zip bomb"))
        var limits = BundleArchive.Limits()
        limits.maxEntries = 2
        #expect(throws: ShareError.self) { try BundleArchive.read(try F.pack(F.Publisher()), limits: limits) }
    }

    @Test func anEntryClaimingMoreBytesThanTheArchiveHoldsIsRefused() throws {
        // A fuzz seed: a zip whose document entry claims 16 MB of compressed data in a 635-byte file.
        let url = RepositoryPaths.fixtures.appendingPathComponent("fuzz/docx/overlong-compressed-entry.docx")
        let data = try Data(contentsOf: url)
        #expect(throws: ShareError.self) { try BundleArchive.read(data) }
    }

    @Test func somethingThatIsNotAZipIsNotABundle() async throws {
        await F.expectRefusal("E_FORMAT") { _ = try await F.verify(Data("hello".utf8), try F.ledger()) }
    }
}
