import FineprintStore
import Foundation
import Testing

/// What every `ShareLedger` must do, on each backend of `StoreContract`.
extension StoreContract {
    func withLedger<T: Sendable>(_ body: (any ShareLedger) async throws -> T) async throws -> T {
        try await withStore { store in
            let ledgerStore = try #require(store as? any ShareLedgerStore)
            return try await body(ledgerStore.shareLedger())
        }
    }

    static let day = Date(timeIntervalSince1970: 1_796_000_000)

    static func key(_ fingerprint: String, publisher: String = "ee-mkm") -> TrustedKey {
        TrustedKey(
            fingerprint: fingerprint,
            publicKey: Data(repeating: 7, count: 32),
            publisher: publisher,
            verifiedVia: "read aloud by phone",
            addedAt: day,
            validUntil: day.addingTimeInterval(86_400 * 365),
            scopes: ["clauses", "playbooks"]
        )
    }

    func theTrustListKeepsKeysAndTheirRevocation() async throws {
        try await withLedger { ledger in
            let key = Self.key("sha256:aa")
            try await ledger.addTrustedKey(key)
            await #expect(throws: ShareLedgerError.keyExists(fingerprint: "sha256:aa", publisher: "ee-mkm")) {
                try await ledger.addTrustedKey(key)
            }
            #expect(try await ledger.trustedKeys() == [key])
            #expect(
                try await ledger.revokeKey(
                    fingerprint: "sha256:aa",
                    at: Self.day.addingTimeInterval(10),
                    reason: "lost"
                )
            )
            // A second revocation keeps the first date.
            #expect(
                try await ledger.revokeKey(
                    fingerprint: "sha256:aa",
                    at: Self.day.addingTimeInterval(99),
                    reason: "lost"
                )
            )
            #expect(!(try await ledger.revokeKey(fingerprint: "sha256:bb", at: Self.day, reason: "x")))
            try await ledger.markReplaced(fingerprint: "sha256:aa", by: "sha256:cc")
        }
        try await withLedger { ledger in
            let stored = try #require(try await ledger.trustedKeys().first)
            #expect(stored.revokedAt == Self.day.addingTimeInterval(10) && stored.revocationReason == "lost")
            #expect(stored.replacedBy == "sha256:cc" && stored.scopes == ["clauses", "playbooks"])
        }
    }

    func thresholdsArePerPublisher() async throws {
        try await withLedger { ledger in
            #expect(try await ledger.thresholds().isEmpty)
            try await ledger.setThreshold(publisher: "ee-mkm", threshold: 2)
            try await ledger.setThreshold(publisher: "ee-mkm", threshold: 3)
            try await ledger.setThreshold(publisher: "lv-varam", threshold: 1)
            #expect(try await ledger.thresholds() == ["ee-mkm": 3, "lv-varam": 1])
            await #expect(throws: ShareLedgerError.badThreshold(0)) {
                try await ledger.setThreshold(publisher: "x", threshold: 0)
            }
        }
    }

    func importsAndTheirItemsAreKept() async throws {
        let bundle = ImportedBundle(
            bundleId: "b-1",
            publisher: "ee-mkm",
            digest: String(repeating: "a", count: 64),
            signers: ["sha256:aa", "sha256:bb"],
            sequence: 4,
            importedAt: Self.day,
            itemCount: 2
        )
        let item = SharedItem(
            publisher: "ee-mkm",
            kind: "clause",
            id: "exit_assistance",
            version: 3,
            sha256: String(repeating: "b", count: 64),
            withdrawn: false,
            title: "Exit assistance",
            signer: "sha256:aa",
            bundleId: "b-1",
            importedAt: Self.day,
            content: Data(#"{"id":"exit_assistance"}"#.utf8),
            signedAt: Self.day.addingTimeInterval(-3_600)
        )
        var other = item
        (other.publisher, other.withdrawn, other.version, other.signedAt) = ("lv-varam", true, 1, nil)
        try await withLedger { ledger in
            #expect(try await ledger.importedBundle(id: "b-1") == nil)
            try await ledger.recordImport(bundle, items: [item, other])
            var again = bundle
            again.bundleId = "b-2"
            var duplicate = item
            duplicate.bundleId = "b-2"
            try await ledger.recordImport(again, items: [duplicate])
        }
        try await withLedger { ledger in
            let stored = try await ledger.importedBundle(id: "b-1")
            #expect(stored == bundle)
            #expect(try await ledger.sharedItems(publisher: "ee-mkm") == [item])
            #expect(try await ledger.sharedItems(publisher: nil) == [item, other])
        }
    }

    func adoptedItemsKeepTheirProvenanceAndAreNeverReplaced() async throws {
        let adopted = AdoptedItem(
            kind: "clause",
            id: "ee-exit",
            title: "Exit assistance",
            content: Data(#"{"id":"ee-exit"}"#.utf8),
            fromPublisher: "ee-mkm",
            fromId: "exit_assistance",
            fromVersion: 3,
            fromBundle: "b-1",
            fromSha256: String(repeating: "b", count: 64),
            signer: "sha256:aa",
            signedAt: Self.day.addingTimeInterval(-3_600),
            adoptedAt: Self.day,
            adoptedBy: "counsel"
        )
        var playbook = adopted
        (playbook.kind, playbook.id, playbook.signedAt, playbook.adoptedBy) = ("playbook", "ee-exit", nil, nil)
        try await withLedger { ledger in
            #expect(try await ledger.adoptedItems().isEmpty)
            try await ledger.recordAdoption(adopted)
            try await ledger.recordAdoption(playbook)
            var other = adopted
            other.content = Data(#"{"id":"ee-exit","text":"other"}"#.utf8)
            await #expect(throws: ShareLedgerError.adoptedExists(kind: "clause", id: "ee-exit")) {
                try await ledger.recordAdoption(other)
            }
        }
        try await withLedger { ledger in
            let held = try await ledger.adoptedItems()
            #expect(held == [adopted, playbook])
        }
    }
}

@Suite("Share ledger contract, on SQLite and on PostgreSQL when FINEPRINT_TEST_POSTGRES_URL is set")
struct ShareLedgerContractTests {
    typealias Backend = StoreContract.Backend

    @Test(arguments: Backend.available) func theTrustListKeepsKeysAndTheirRevocation(_ backend: Backend) async throws {
        try await StoreContract(backend).theTrustListKeepsKeysAndTheirRevocation()
    }

    @Test(arguments: Backend.available) func thresholdsArePerPublisher(_ backend: Backend) async throws {
        try await StoreContract(backend).thresholdsArePerPublisher()
    }

    @Test(arguments: Backend.available) func importsAndTheirItemsAreKept(_ backend: Backend) async throws {
        try await StoreContract(backend).importsAndTheirItemsAreKept()
    }

    @Test(arguments: Backend.available) func adoptedItemsKeepTheirProvenanceAndAreNeverReplaced(
        _ backend: Backend
    ) async throws {
        try await StoreContract(backend).adoptedItemsKeepTheirProvenanceAndAreNeverReplaced()
    }
}
