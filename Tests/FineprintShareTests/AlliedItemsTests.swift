import FineprintCore
import FineprintShare
import FineprintStore
import FineprintTestSupport
import Foundation
import Testing

@Suite("Allies' items in use: origin, judging playbooks, adoption with provenance, newer versions")
struct AlliedItemsTests {
    typealias F = ShareFixture

    /// The bundled tier-1 playbook as an ally would send it, under its own name.
    static func allyPlaybook() throws -> OutgoingItem {
        var playbook = try #require(try BundledCorpus.corpus.get().playbook("tier1"))
        playbook.name = "Estonian tier 1"
        playbook.requirements = Array(playbook.requirements.prefix(3))
        return OutgoingItem(kind: .playbook, id: "tier1", title: playbook.name, content: try Self.encoded(playbook))
    }

    static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// A ledger holding the publisher's clauses, move and playbook (bundle of sequence 1).
    static func imported(_ publisher: F.Publisher, store: SQLiteStore) async throws -> any ShareLedger {
        let ledger = store.shareLedger()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.pack(publisher, items: try F.items() + [allyPlaybook()])
        _ = try await ShareImporter(ledger: ledger, now: F.now).importBundle(bundle, dryRun: false)
        return ledger
    }

    @Test func importedItemsCarryTheirOriginAndAnAllysPlaybookCanJudge() async throws {
        let publisher = F.Publisher()
        let ledger = try await Self.imported(publisher, store: try SQLiteStore.inMemory())
        let catalog = AlliedCatalog(items: try await ledger.sharedItems(publisher: nil), adopted: [])
        #expect(catalog.clauses.count == 2 && catalog.moves.count == 1 && catalog.playbooks.count == 1)
        let clause = try #require(catalog.clauses.first)
        #expect(clause.reference == "ee-mkm:\(clause.id)")
        #expect(clause.origin.signer == publisher.publicKey.fingerprint)
        // The day the bundle says it was made (an hour before "now"), not the import's.
        #expect(clause.origin.signedAt == F.now.addingTimeInterval(-3_600))
        #expect(clause.origin.badge.contains("ee-mkm · v1 · signed by sha256:"))
        let judging = try #require(catalog.playbook("ee-mkm:tier1", corpus: try BundledCorpus.corpus.get()))
        #expect(judging.id == "ee-mkm:tier1")
        #expect(judging.name.hasPrefix("Estonian tier 1 (playbook of ee-mkm, v1"))
        #expect(judging.requirements.count == 3)
    }

    @Test func anAllysPlaybookThatNamesProvisionsWeDoNotKnowIsNotOffered() async throws {
        var playbook = try #require(try BundledCorpus.corpus.get().playbook("tier1"))
        playbook.id = "odd"
        playbook.requirements[0].provision = "a_provision_we_do_not_have"
        let item = OutgoingItem(kind: .playbook, id: "odd", title: "Odd", content: try Self.encoded(playbook))
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        _ = try await ShareImporter(ledger: ledger, now: F.now).importBundle(
            try F.pack(publisher, items: [item]),
            dryRun: false
        )
        let catalog = AlliedCatalog(items: try await ledger.sharedItems(publisher: nil), adopted: [])
        #expect(catalog.playbooks.count == 1)
        #expect(catalog.judgingPlaybooks(corpus: try BundledCorpus.corpus.get()).isEmpty)
    }

    @Test func adoptingKeepsProvenanceIsAuditedAndNeverOverwritesOneOfOurs() async throws {
        let publisher = F.Publisher()
        let store = try SQLiteStore.inMemory()
        let ledger = try await Self.imported(publisher, store: store)
        let clause = try #require(try F.items().first)
        let adopter = ShareAdopter(
            ledger: ledger,
            ourIDs: [.clause: [clause.id]],
            now: F.now,
            auditLog: store.auditLog(),
            operatorName: "counsel"
        )
        // Our corpus has a clause of that id: refused, nothing written.
        await #expect(throws: ShareError.self) { try await adopter.adopt("ee-mkm/clause:\(clause.id)") }
        #expect(try await ledger.adoptedItems().isEmpty)
        let adopted = try await adopter.adopt("ee-mkm/clause:\(clause.id)", as: "ee-audit")
        #expect(adopted.id == "ee-audit" && adopted.fromId == clause.id && adopted.fromPublisher == "ee-mkm")
        #expect(adopted.fromVersion == 1 && adopted.signer == publisher.publicKey.fingerprint)
        #expect(adopted.adoptedBy == "counsel" && adopted.signedAt == F.now.addingTimeInterval(-3_600))
        #expect(try JSONDecoder().decode(ModelClause.self, from: adopted.content).id == "ee-audit")
        // Adopting again under the same id is refused by the ledger too.
        await #expect(throws: ShareLedgerError.adoptedExists(kind: "clause", id: "ee-audit")) {
            try await ShareAdopter(ledger: ledger, ourIDs: [:], now: F.now).adopt(
                "ee-mkm/clause:\(clause.id)",
                as: "ee-audit"
            )
        }
        let rows = try await store.auditLog().events(AuditFilter(action: .shareAdopt))
        #expect(rows.count == 1 && rows.first?.actor == "counsel" && rows.first?.targetID == "ee-audit")
        #expect(rows.first?.detail.contains("ee-mkm/clause:\(clause.id) v1") == true)
    }

    @Test func referencesThatAreNotAdoptableAreRefusedClearly() throws {
        #expect(throws: ShareError.self) { try ShareAdopter.parse("clause:audit") }
        #expect(throws: ShareError.self) { try ShareAdopter.parse("ee-mkm/analysis:12") }
        #expect(throws: ShareError.self) { try ShareAdopter.parse("ee-mkm/clause:") }
        let parsed = try ShareAdopter.parse("ee-mkm/playbook:tier1")
        #expect(parsed.publisher == "ee-mkm" && parsed.kind == .playbook && parsed.id == "tier1")
    }

    @Test func aNewerVersionOfAnAdoptedItemIsShownWithWhatChanged() async throws {
        let publisher = F.Publisher()
        let ledger = try await Self.imported(publisher, store: try SQLiteStore.inMemory())
        let items = try F.items()
        try await ShareAdopter(ledger: ledger, ourIDs: [:], now: F.now).adopt("ee-mkm/clause:\(items[0].id)")
        var before = AlliedCatalog(
            items: try await ledger.sharedItems(publisher: nil),
            adopted: try await ledger.adoptedItems()
        )
        #expect(before.adopted.first?.newer == nil)
        var changed = items[0]
        var object = try #require(try JSONSerialization.jsonObject(with: changed.content) as? [String: Any])
        object["text"] = "A revised text of the clause."
        changed.content = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let second = try F.pack(publisher, items: [changed], version: 2, sequence: 2)
        _ = try await ShareImporter(ledger: ledger, now: F.now).importBundle(second, dryRun: false)
        before = AlliedCatalog(
            items: try await ledger.sharedItems(publisher: nil),
            adopted: try await ledger.adoptedItems()
        )
        let newer = try #require(before.adopted.first?.newer)
        #expect(newer.version == 2 && !newer.withdrawn)
        #expect(newer.changedFields == ["text"])
        #expect(newer.summary.contains("newer version v2 available") && newer.summary.contains("changed text"))
        // The ally's own newest version is what the workbench now shows for their namespace.
        #expect(before.clauses.first { $0.id == items[0].id }?.origin.version == 2)
    }

    @Test func anAllysEvaluationFiguresSitBesideOurs() throws {
        let theirs = try #require(
            SharedEvaluation(
                Data(
                    #"{"dataset":"cuad","split":"validation","documents":102,"macro":{"f1":0.61,"precision":0.7},"provisions":[{"provision":"audit_rights","f1":0.8}]}"#
                        .utf8
                )
            )
        )
        let ours = try #require(
            SharedEvaluation(Data(#"{"dataset":"cuad","split":"validation","macro":{"f1":0.58}}"#.utf8))
        )
        let rows = theirs.beside(ours: ours)
        #expect(rows.map(\.name) == ["macro f1", "macro precision", "f1 audit_rights"])
        #expect(rows[0].theirs == 0.61 && rows[0].ours == 0.58)
        #expect(rows[1].ours == nil)
    }
}
