import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintNegotiation
import FineprintReport
import FineprintShare
import FineprintStore
import FineprintTestSupport
import Foundation
import Testing

@Suite("An ally's playbook carries its negotiation positions whole")
struct CarriedPositionsTests {
    typealias F = ShareFixture

    static func item(_ shared: SharedPlaybook) throws -> OutgoingItem {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return OutgoingItem(
            kind: .playbook,
            id: shared.playbook.id,
            title: shared.playbook.name,
            content: try encoder.encode(shared)
        )
    }

    /// Tier 1 made ready to share, with the ally's own wording for data ownership.
    static func allysTier1() throws -> SharedPlaybook {
        let corpus = try BundledCorpus.corpus.get()
        var shared = try SharedPlaybook.make(try #require(corpus.playbook("tier1")), corpus: corpus)
        let index = try #require(shared.playbook.requirements.firstIndex { $0.provision == "data_ownership" })
        let preferred = try #require(shared.playbook.requirements[index].position?.preferred)
        let clause = try #require(shared.carried?.clauses.firstIndex { $0.id == preferred })
        shared.carried?.clauses[clause].text = "Everything the Ministry puts in or gets out stays the Ministry's."
        shared.playbook.requirements[index].position?.fallbacks = ["The Ministry keeps its data; nothing else."]
        shared.playbook.requirements[index].position?.walkAway = "No supplier ownership of Ministry data, ever."
        return shared
    }

    static func imported(_ items: [OutgoingItem]) async throws -> (AlliedCatalog, VerifiedBundle) {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let verified = try await ShareImporter(ledger: ledger, now: F.now).importBundle(
            try F.pack(publisher, items: items, version: 2),
            dryRun: false
        )
        return (AlliedCatalog(items: try await ledger.sharedItems(publisher: nil), adopted: []), verified)
    }

    @Test func aPlaybookWithItsPositionsMakesTheRoundTripWhole() async throws {
        let corpus = try BundledCorpus.corpus.get()
        let tier1 = try #require(corpus.playbook("tier1"))
        let shared = try SharedPlaybook.make(tier1, corpus: corpus)
        #expect(shared.playbook.positions == nil)
        for requirement in shared.playbook.requirements {
            var ours = try #require(corpus.position(for: requirement.provision, in: tier1))
            ours.provision = nil
            #expect(requirement.position == ours)
        }
        #expect(shared.positionProblems().isEmpty)
        let (catalog, verified) = try await Self.imported([try Self.item(shared)])
        #expect(verified.warnings.isEmpty)
        #expect(catalog.carriedPositions["ee-mkm:tier1"] == shared.carried)
        let item = try #require(catalog.playbooks.first)
        #expect(item.value == shared.playbook)
        let judging = try #require(catalog.playbook("ee-mkm:tier1", corpus: corpus))
        let inJudging = catalog.judgingCorpus(for: judging.id, base: corpus)
        let position = try #require(inJudging.position(for: "data_ownership", in: judging))
        #expect(position.preferred.hasPrefix("ee-mkm:"))
        #expect(inJudging.clause(position.preferred)?.title.hasSuffix("(ee-mkm v2)") == true)
    }

    @Test func aPackMadeWithAnAllysPlaybookAsksInTheAllysWords() async throws {
        let corpus = try BundledCorpus.corpus.get()
        let (catalog, _) = try await Self.imported([try Self.item(try Self.allysTier1())])
        let playbook = try #require(catalog.playbook("ee-mkm:tier1", corpus: corpus))
        let document = try DocumentReader().read(
            fileAt: RepositoryPaths.contracts.appendingPathComponent("vendor-ai-terms.md")
        )
        let analysis = try BundledCorpus.analyzer.get().analyze(document, playbook: playbook)
        let input = ReportInput(
            analysis: analysis,
            corpus: catalog.judgingCorpus(for: playbook.id, base: corpus),
            playbook: playbook,
            text: document.text
        )
        let pack = PackBuilder(input: input, date: "2026-12-06").build()
        let issue = try #require(pack.issues.first { $0.subject == "data_ownership" })
        #expect(issue.askText == "Everything the Ministry puts in or gets out stays the Ministry's.")
        #expect(issue.askTitle.hasSuffix("(ee-mkm v2)"))
        #expect(issue.fallbacks == ["The Ministry keeps its data; nothing else."])
        #expect(issue.walkAway == "No supplier ownership of Ministry data, ever.")
        #expect(pack.profileName.contains("playbook of ee-mkm, v2"))
        // The same contract judged by our tier 1 asks in our words.
        let ours = PackBuilder(input: try Self.ourInput(document), date: "2026-12-06").build()
        #expect(ours.issues.first { $0.subject == "data_ownership" }?.askText != issue.askText)
    }

    static func ourInput(_ document: ExtractedDocument) throws -> ReportInput {
        let corpus = try BundledCorpus.corpus.get()
        let playbook = try #require(corpus.playbook("tier1"))
        let analysis = try BundledCorpus.analyzer.get().analyze(document, playbook: playbook)
        return ReportInput(analysis: analysis, corpus: corpus, playbook: playbook, text: document.text)
    }

    @Test func aTamperedPositionFailsVerificationNamingItsItem() async throws {
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let bundle = try F.pack(publisher, items: [try Self.item(try Self.allysTier1())])
        let tampered = try F.rewrite(bundle) { files in
            let path = try #require(files.keys.first { $0.hasPrefix("items/playbook/") })
            let text = String(decoding: try #require(files[path]), as: UTF8.self)
            #expect(text.contains("No supplier ownership of Ministry data, ever."))
            files[path] = Data(text.replacingOccurrences(of: "ever.", with: "mostly.").utf8)
        }
        let message = await F.expectRefusal("E_TAMPERED") { _ = try await F.verify(tampered, ledger) }
        #expect(message.contains("items/playbook/tier1@1.json"))
    }

    @Test func aSignedButUnsoundPositionIsAnInvalidItem() async throws {
        var shared = try Self.allysTier1()
        shared.playbook.requirements[0].position?.why = "  "
        shared.playbook.requirements[1].position?.preferred = "a_clause_nobody_carried"
        let publisher = F.Publisher()
        let ledger = try F.ledger()
        try await F.trust(publisher, in: ledger)
        let message = await F.expectRefusal("E_ITEM_INVALID") {
            _ = try await F.verify(try F.pack(publisher, items: [try Self.item(shared)]), ledger)
        }
        #expect(message.contains("does not say why it matters"))
        #expect(message.contains("prefers unknown clause 'a_clause_nobody_carried'"))
    }

    @Test func anOldBundleWithPositionsByNameStillImportsAndSaysWhatIsMissing() async throws {
        let corpus = try BundledCorpus.corpus.get()
        let tier1 = try #require(corpus.playbook("tier1"))
        let old = try Self.item(SharedPlaybook(playbook: tier1, carried: nil))
        let (catalog, verified) = try await Self.imported([old])
        let note = try #require(verified.warnings.first)
        #expect(note.contains("by name only (set 'standard')"))
        #expect(note.contains("\(tier1.requirements.count) requirements without a position"))
        #expect(note.contains("data_ownership"))
        #expect(catalog.carriedPositions["ee-mkm:tier1"] == nil)
        let judging = try #require(catalog.playbook("ee-mkm:tier1", corpus: corpus))
        #expect(catalog.judgingCorpus(for: judging.id, base: corpus).clauses.count == corpus.clauses.count)
    }
}
