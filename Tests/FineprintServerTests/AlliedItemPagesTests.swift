import Crypto
import FineprintCore
import FineprintServer
import FineprintShare
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The page of each ally's item: what it says, who signed it, adoptions, newer versions, figures beside ours")
struct AlliedItemPagesTests {
    static let evaluation = #"{"dataset":"cuad","split":"test","documents":40,"macro":{"f1":0.612,"precision":0.7}}"#
    static let ours = #"{"dataset":"cuad","split":"test","documents":40,"macro":{"f1":0.734,"precision":0.8}}"#
    static let crosswalk =
        "id: ee-crosswalk\nname: Estonian procurement crosswalk\nrows:\n  - { article: \"§ 12\", provision: audit_rights }\n"

    /// The ally's clause (version `version`, its text changed from version 2), a crosswalk and results.
    static func bundle(_ ally: Ally, version: Int) throws -> Data {
        let corpus = try Repo.corpus.get()
        var clause = try #require(corpus.clause(Ally.clauseID))
        if version > 1 { clause.text = "The Ministry may audit at any time, on two days' notice." }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let items = [
            OutgoingItem(kind: .clause, id: clause.id, title: clause.title, content: try encoder.encode(clause)),
            OutgoingItem(kind: .standard, id: "ee-crosswalk", title: "crosswalk", content: Data(crosswalk.utf8)),
            OutgoingItem(kind: .evaluation, id: "cuad-run", title: "CUAD results", content: Data(evaluation.utf8)),
        ]
        let request = BundleRequest(
            publisher: ally.publisher,
            sequence: version,
            createdAt: Date(timeIntervalSince1970: 1_796_000_000 + Double(version) * 86_400),
            items: items.map { ($0, version) }
        )
        return try BundlePacker.pack(request, signers: [ally.key]).data
    }

    static func bench(versions: Int = 1, adopt: Bool = false) async throws -> (WebWorkbench, Ally) {
        let ally = Ally()
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        try await ally.trusted(in: store, importing: false)
        let ledger = store.shareLedger()
        _ = try await ShareImporter(ledger: ledger).importBundle(try bundle(ally, version: 1), dryRun: false)
        if adopt {
            _ = try await ShareAdopter(ledger: ledger, ourIDs: [:], operatorName: "counsel")
                .adopt("ee-mkm/clause:\(Ally.clauseID)", as: "ee-audit")
        }
        for version in stride(from: 2, through: versions, by: 1) {
            _ = try await ShareImporter(ledger: ledger).importBundle(try bundle(ally, version: version), dryRun: false)
        }
        var bench = try await Repo.workbench(store: store)
        bench.ourEvaluations = [try #require(SharedEvaluation(Data(ours.utf8)))]
        return (bench, ally)
    }

    @Test func anEvaluationPageShowsTheirFiguresBesideOursAndWhoSignedThem() async throws {
        let (bench, ally) = try await Self.bench()
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/allies/items/ee-mkm/evaluation/cuad-run", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("Their figures beside ours"))
                #expect(page.contains("<td>macro f1</td><td>0.612</td><td>0.734</td>"))
                #expect(page.contains(SharePublicKey.grouped(ally.publicKey.fingerprint)))
                #expect(page.contains("Signed on</dt><dd>2026-12-01"))
                #expect(page.contains("ee-mkm · v1 · signed by"))
            }
        }
    }

    @Test func aCrosswalkPageShowsTheSignedFileAndTheAlliesPageLinksEveryItem() async throws {
        let (bench, _) = try await Self.bench()
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/allies/items/ee-mkm/standard/ee-crosswalk", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("name: Estonian procurement crosswalk"))
            }
            try await client.execute(uri: "/allies", method: .get) { response in
                for item in ["standard/ee-crosswalk", "evaluation/cuad-run", "clause/\(Ally.clauseID)"] {
                    #expect(response.text.contains(#"href="/allies/items/ee-mkm/\#(item)""#))
                }
            }
        }
    }

    @Test func anAdoptedClausesPageShowsItsProvenanceAndTheNewerVersion() async throws {
        let (bench, _) = try await Self.bench(versions: 2, adopt: true)
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/allies/items/ee-mkm/clause/\(Ally.clauseID)", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("The Ministry may audit at any time, on two days"))
                #expect(page.contains("version 2"))
                #expect(page.contains("adopted from ee-mkm/clause:\(Ally.clauseID) v1"))
                #expect(page.contains("adopted by counsel"))
                #expect(page.contains("newer version v2 available (signed 2026-12-02): changed text"))
                #expect(page.contains(#"href="/knowledge/clause/ee-audit""#))
            }
            try await client.execute(uri: "/knowledge/clause/ee-audit", method: .get) { response in
                #expect(response.text.contains(#"href="/allies/items/ee-mkm/clause/\#(Ally.clauseID)""#))
            }
        }
    }

    @Test func anUnknownItemIsNotFoundAlikeWhateverPartIsUnknown() async throws {
        let (bench, _) = try await Self.bench()
        try await Repo.withApp(bench, as: .reader) { client in
            for uri in [
                "/allies/items/ee-mkm/clause/no_such_clause", "/allies/items/lv-vm/clause/\(Ally.clauseID)",
                "/allies/items/ee-mkm/bogus/\(Ally.clauseID)", "/allies/items/ee-mkm/evaluation/\(Ally.clauseID)",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
    }

    @Test func aPlaybookPageShowsEachPositionWholeOrSaysWhatAnOldBundleLacks() async throws {
        let ally = Ally()
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        try await ally.trusted(in: store, importing: true)  // tier 1 as an old bundle: positions by name
        let corpus = try Repo.corpus.get()
        var tier2 = try SharedPlaybook.make(try #require(corpus.playbook("tier2")), corpus: corpus)
        tier2.playbook.requirements[0].position?.walkAway = "Nothing less than the Ministry's own words."
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let item = OutgoingItem(kind: .playbook, id: "tier2", title: "Tier 2", content: try encoder.encode(tier2))
        let request = BundleRequest(publisher: ally.publisher, sequence: 2, createdAt: Date(), items: [(item, 1)])
        let bundle = try BundlePacker.pack(request, signers: [ally.key]).data
        _ = try await ShareImporter(ledger: store.shareLedger()).importBundle(bundle, dryRun: false)
        let bench = try await Repo.workbench(store: store)
        let first = try #require(corpus.taxonomy.provision(tier2.playbook.requirements[0].provision))
        let count = tier2.playbook.requirements.count
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/allies/items/ee-mkm/playbook/tier2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h2>\(first.name)</h2>"))
                #expect(response.text.contains("Walk away below: Nothing less than the Ministry&#39;s own words."))
                #expect(!response.text.contains("by name only"))
            }
            try await client.execute(uri: "/knowledge/playbook/ee-mkm:tier2", method: .get) { response in
                #expect(response.text.contains("\(count) of \(count) requirements carry their own position"))
                #expect(response.text.contains(#"href="/allies/items/ee-mkm/playbook/tier2""#))
            }
            try await client.execute(uri: "/allies/items/ee-mkm/playbook/tier1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text.contains("carries its negotiation positions by name only (set &#39;standard&#39;)")
                )
            }
        }
    }
}
