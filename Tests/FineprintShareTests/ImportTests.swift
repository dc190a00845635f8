import Crypto
import FineprintShare
import FineprintStore
import Foundation
import Testing

@Suite("Import: namespaced, rollback and equivocation protection, nothing written on failure")
struct ImportTests {
    typealias F = ShareFixture

    @Test func anImportRecordsTheItemsUnderThePublisherAndAgainChangesNothing() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.pack(publisher)
        let importer = ShareImporter(ledger: ledger, now: F.now)
        _ = try await importer.importBundle(bundle, dryRun: true)
        #expect(try await ledger.sharedItems(publisher: nil).isEmpty)
        _ = try await importer.importBundle(bundle, dryRun: false)
        let items = try await ledger.sharedItems(publisher: "ee-mkm")
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0.signer == publisher.publicKey.fingerprint && $0.version == 1 })
        let again = try await importer.importBundle(bundle, dryRun: false)
        #expect(again.alreadyImported != nil)
        #expect(try await ledger.sharedItems(publisher: nil).count == 3)
    }

    /// An import is an audit row naming the operator, the bundle, its publisher and signer; a
    /// preview and a repeat of the same bundle add none.
    @Test func anImportIsRecordedInTheAuditLog() async throws {
        let publisher = F.Publisher()
        let store = try SQLiteStore.inMemory()
        let ledger = store.shareLedger()
        let log = store.auditLog()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.pack(publisher)
        let importer = ShareImporter(ledger: ledger, now: F.now, auditLog: log, operatorName: "counsel")
        _ = try await importer.importBundle(bundle, dryRun: true)
        #expect(try await log.events(AuditFilter()).isEmpty)
        _ = try await importer.importBundle(bundle, dryRun: false)
        _ = try await importer.importBundle(bundle, dryRun: false)
        let rows = try await log.events(AuditFilter(action: .shareImport))
        #expect(rows.count == 1)
        #expect(rows.first?.actor == "counsel" && rows.first?.targetKind == "bundle")
        #expect(rows.first?.detail.contains("publisher ee-mkm") == true)
        #expect(rows.first?.detail.contains(publisher.publicKey.fingerprint) == true)
        #expect(try await log.verify() == .intact(rows: 1))
    }

    @Test func anOlderVersionReplayedIsRefusedAndANewerOneUpdates() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let importer = ShareImporter(ledger: ledger, now: F.now)
        let items = try F.items()
        var changed = items[0]
        changed.content = try JSONSerialization.data(
            withJSONObject: (try JSONSerialization.jsonObject(with: changed.content) as! [String: Any]).merging(
                ["title": "Revised"],
                uniquingKeysWith: { $1 }
            ),
            options: [.sortedKeys]
        )
        _ = try await importer.importBundle(
            try F.pack(publisher, items: [changed], version: 2, sequence: 2),
            dryRun: false
        )
        let older = try F.pack(publisher, items: [items[0]], version: 1, sequence: 1)
        let message = await F.expectRefusal("E_OLDER_VERSION") {
            _ = try await importer.importBundle(older, dryRun: false)
        }
        #expect(message.contains("v1") && message.contains("v2"))
        let newer = try await importer.importBundle(
            try F.pack(publisher, items: [items[0]], version: 3, sequence: 3),
            dryRun: true
        )
        #expect(newer.plan.first?.action == .update(from: 2))
    }

    @Test func aBundleIdReusedWithOtherContentIsEquivocation() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let importer = ShareImporter(ledger: ledger, now: F.now)
        let id = "6b1d5a52-0000-5000-8000-000000000001"
        let items = try F.items()
        _ = try await importer.importBundle(try F.pack(publisher, items: [items[0]], bundleId: id), dryRun: false)
        let other = try F.pack(publisher, items: [items[1]], bundleId: id)
        await F.expectRefusal("E_EQUIVOCATION") { _ = try await importer.importBundle(other, dryRun: false) }
        #expect(try await ledger.sharedItems(publisher: nil).count == 1)
    }

    @Test func oneVersionWithTwoContentsIsEquivocation() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let importer = ShareImporter(ledger: ledger, now: F.now)
        var item = try F.items()[0]
        _ = try await importer.importBundle(try F.pack(publisher, items: [item], sequence: 1), dryRun: false)
        item.content += Data(" ".utf8)
        await F.expectRefusal("E_EQUIVOCATION") {
            _ = try await importer.importBundle(try F.pack(publisher, items: [item], sequence: 2), dryRun: false)
        }
    }

    @Test func aWithdrawnItemIsMarkedNotDeleted() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let importer = ShareImporter(ledger: ledger, now: F.now)
        let item = try F.items()[0]
        _ = try await importer.importBundle(try F.pack(publisher, items: [item]), dryRun: false)
        let withdrawal = try OutgoingItem.withdrawal(kind: .clause, id: item.id)
        let result = try await importer.importBundle(
            try F.pack(publisher, items: [withdrawal], version: 2, sequence: 2),
            dryRun: false
        )
        #expect(result.plan.first?.action == .withdraw)
        let versions = try await ledger.sharedItems(publisher: "ee-mkm")
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.last?.withdrawn == true)
    }

    @Test func aFailedCheckWritesNothing() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let tampered = try F.rewrite(try F.pack(publisher)) { files in
            let path = try #require(files.keys.first { $0.hasPrefix("items/move/") })
            files[path]![3] ^= 0x20
        }
        await F.expectRefusal("E_TAMPERED") {
            _ = try await ShareImporter(ledger: ledger, now: F.now).importBundle(tampered, dryRun: false)
        }
        #expect(try await ledger.sharedItems(publisher: nil).isEmpty)
        #expect(try await ledger.importedBundle(id: "anything") == nil)
    }
}
