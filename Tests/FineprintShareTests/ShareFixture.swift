import Crypto
import FineprintCore
import FineprintShare
import FineprintStore
import FineprintTestSupport
import Foundation
import Testing

/// Publishers, trust lists and bundles for the sharing tests, built from the bundled corpus.
enum ShareFixture {
    struct Publisher {
        var key = Curve25519.Signing.PrivateKey()
        var info: SharePredicate.Publisher
        var publicKey: SharePublicKey { SharePublicKey(key.publicKey) }
        var keyFile: PublicKeyFile {
            PublicKeyFile(key: publicKey, publisher: info.id, name: info.name, country: info.country)
        }

        init(_ id: String = "ee-mkm") {
            info = .init(id: id, name: "Ministry \(id)", country: "EE")
        }
    }

    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func ledger() throws -> any ShareLedger { try SQLiteStore.inMemory().shareLedger() }

    /// Two model clauses and a kill-list move of the bundled corpus, as the publisher would share them.
    static func items() throws -> [OutgoingItem] {
        let corpus = try BundledCorpus.corpus.get()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let clauses = try corpus.clauses.prefix(2).map {
            OutgoingItem(kind: .clause, id: $0.id, title: $0.title, content: try encoder.encode($0))
        }
        let move = try #require(corpus.moves.first)
        return clauses + [OutgoingItem(kind: .move, id: move.id, title: move.name, content: try encoder.encode(move))]
    }

    static func pack(
        _ publisher: Publisher,
        items: [OutgoingItem]? = nil,
        version: Int = 1,
        sequence: Int = 1,
        cosigners: [Publisher] = [],
        expires: Date? = nil,
        bundleId: String? = nil
    ) throws -> Data {
        let request = BundleRequest(
            publisher: publisher.info,
            sequence: sequence,
            createdAt: now.addingTimeInterval(-3_600),
            expiresAt: expires,
            items: try (items ?? self.items()).map { ($0, version) },
            bundleId: bundleId
        )
        return try BundlePacker.pack(request, signers: [publisher.key] + cosigners.map(\.key)).data
    }

    @discardableResult
    static func trust(
        _ publisher: Publisher,
        in ledger: any ShareLedger,
        until: Date? = nil,
        scopes: [String] = []
    ) async throws -> TrustedKey {
        try await TrustList(ledger: ledger, now: now).add(
            publisher.keyFile,
            publisher: publisher.info.id,
            verifiedVia: "read aloud by phone in the test",
            until: until,
            scopes: scopes
        )
    }

    static func verify(_ data: Data, _ ledger: any ShareLedger) async throws -> VerifiedBundle {
        try await BundleVerifier(ledger: ledger, now: now).verify(data)
    }

    /// The bundle with its files changed and zipped again (the signature is left as it was).
    static func rewrite(_ data: Data, _ change: (inout [String: Data]) throws -> Void) throws -> Data {
        var files = try BundleArchive.read(data)
        try change(&files)
        return try BundleArchive.write(files)
    }

    /// The bundle with its statement changed and signed again by `key`.
    static func resign(
        _ data: Data,
        with keys: [Curve25519.Signing.PrivateKey],
        _ change: (inout [String: Any]) -> Void
    ) throws -> Data {
        try rewrite(data) { files in
            let envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: try #require(files["envelope.dsse.json"]))
            let body = try #require(DSSEEnvelope.decodeBase64(envelope.payload))
            var statement = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            change(&statement)
            let payload = try JSONSerialization.data(withJSONObject: statement, options: [.sortedKeys])
            let signed = try DSSEEnvelope.sign(payload, payloadType: envelope.payloadType, with: keys)
            files["envelope.dsse.json"] = try JSONEncoder().encode(signed)
        }
    }

    /// Runs `body` and checks it fails with the error `code`, returning the message for further checks.
    @discardableResult
    static func expectRefusal(
        _ code: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async -> String {
        do {
            try await body()
            Issue.record("expected \(code), but it passed", sourceLocation: sourceLocation)
        } catch let error as ShareError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            return error.description
        } catch {
            Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
        }
        return ""
    }
}
