import Crypto
import FineprintCore
import FineprintIdentity
import FineprintServer
import FineprintShare
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// An ally (publisher ee-mkm) whose signed bundle carries a model clause and its version of tier 1.
struct Ally {
    let key = Curve25519.Signing.PrivateKey()
    let publisher = SharePredicate.Publisher(id: "ee-mkm", name: "Ministry of Economic Affairs", country: "EE")
    var publicKey: SharePublicKey { SharePublicKey(key.publicKey) }
    var keyFile: PublicKeyFile {
        PublicKeyFile(key: publicKey, publisher: publisher.id, name: publisher.name, country: publisher.country)
    }

    static let clauseID = "audit_and_inspection"

    func bundle() throws -> Data {
        let corpus = try Repo.corpus.get()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var playbook = try #require(corpus.playbook("tier1"))
        playbook.name = "Estonian tier 1"
        let clause = try #require(corpus.clause(Self.clauseID))
        let items = [
            OutgoingItem(kind: .clause, id: clause.id, title: clause.title, content: try encoder.encode(clause)),
            OutgoingItem(kind: .playbook, id: "tier1", title: playbook.name, content: try encoder.encode(playbook)),
        ]
        let request = BundleRequest(
            publisher: publisher,
            sequence: 1,
            createdAt: Date(timeIntervalSince1970: 1_796_000_000),
            items: items.map { ($0, 1) }
        )
        return try BundlePacker.pack(request, signers: [key]).data
    }

    /// Trusts the ally in the store; with `importing`, imports its bundle too.
    func trusted(in store: SQLiteStore, importing: Bool) async throws {
        let ledger = store.shareLedger()
        _ = try await TrustList(ledger: ledger).add(
            keyFile,
            publisher: publisher.id,
            verifiedVia: "read aloud by phone",
            until: nil,
            scopes: []
        )
        if importing { _ = try await ShareImporter(ledger: ledger).importBundle(try bundle(), dryRun: false) }
    }
}

@Suite("Allies' items in the workbench: badges, judging with an ally's playbook, import and adopt pages")
struct AlliesPagesTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func bench(importing: Bool, ally: Ally = Ally()) async throws -> (WebWorkbench, SQLiteStore) {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        try await ally.trusted(in: store, importing: importing)
        return (try await Repo.workbench(store: store), store)
    }

    @Test func anAllysPlaybookJudgesAContractAndTheReportSaysWhose() async throws {
        let (bench, _) = try await Self.bench(importing: true)
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains(#"<option value="ee-mkm:tier1""#))
            }
            let contract = try Repo.contract("vendor-ai-terms.md")
            let id = try #require(try await upload(client, contract, name: "terms.md", profile: "ee-mkm:tier1"))
            let stored = try #require(try await (bench.store as? any MatterStore)?.analysis(publicID: id, in: .all))
            #expect(stored.analysis.profile == "ee-mkm:tier1")
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Estonian tier 1 (playbook of ee-mkm, v1, signed 2026-11-30)"))
            }
        }
    }

    @Test func theKnowledgeBaseShowsAnAllysClauseWithItsBadge() async throws {
        let ally = Ally()
        let (bench, _) = try await Self.bench(importing: true, ally: ally)
        let badge = "ee-mkm · v1 · signed by \(ally.publicKey.groupedFingerprint)"
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/knowledge/clause/ee-mkm:\(Ally.clauseID)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Shared: \(badge)"))
            }
            try await client.execute(uri: "/knowledge?q=inspection&kind=clause", method: .get) { response in
                #expect(response.text.contains("/knowledge/clause/ee-mkm:\(Ally.clauseID)"))
                #expect(response.text.contains("Shared: \(badge)"))
            }
            try await client.execute(uri: "/allies", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(badge))
                #expect(response.text.contains(#"value="ee-mkm/clause:\#(Ally.clauseID)""#))
            }
        }
    }

    @Test func importingThroughThePagesPreviewsFirstThenImports() async throws {
        let ally = Ally()
        let (bench, store) = try await Self.bench(importing: false, ally: ally)
        let bundle = try ally.bundle()
        try await Repo.withApp(bench, as: .analyst) { client in
            let digest = try await client.execute(
                uri: "/allies/import",
                method: .post,
                headers: Multipart.headers,
                body: Multipart.body(file: bundle, filename: "ee.fpshare")
            ) { response -> String in
                #expect(response.status == .ok)
                #expect(response.text.contains("Every check passed. Nothing has been written yet."))
                #expect(response.text.contains("clause:\(Ally.clauseID)"))
                let marker = #"name="digest" value=""#
                let start = try #require(response.text.range(of: marker)).upperBound
                return String(response.text[start...].prefix(64))
            }
            #expect(try await store.shareLedger().sharedItems(publisher: nil).isEmpty)
            try await client.execute(
                uri: "/allies/import/confirm",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "digest=\(digest)")
            ) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await store.shareLedger().sharedItems(publisher: "ee-mkm").count == 2)
            // The allies' playbook is a choice now, without a restart.
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains(#"<option value="ee-mkm:tier1""#))
            }
        }
        let rows = try await store.auditLog().events(AuditFilter(action: .shareImport))
        #expect(rows.first?.actor == "test-analyst")
    }

    @Test func adoptingFromThePageKeepsProvenanceAndRefusesOneOfOurIds() async throws {
        let (bench, store) = try await Self.bench(importing: true)
        try await Repo.withApp(bench, as: .analyst) { client in
            // Our corpus has a clause of that id: a clear refusal, nothing adopted.
            try await client.execute(
                uri: "/allies/adopt",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "item=ee-mkm%2Fclause%3A\(Ally.clauseID)&as=")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("never replace it"))
            }
            try await client.execute(
                uri: "/allies/adopt",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "item=ee-mkm%2Fclause%3A\(Ally.clauseID)&as=ee-audit")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/knowledge/clause/ee-audit")
            }
            try await client.execute(uri: "/knowledge/clause/ee-audit", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Provenance: adopted from ee-mkm/clause:\(Ally.clauseID) v1"))
                #expect(response.text.contains("Shared: adopted from ee-mkm"))
            }
        }
        let adopted = try await store.shareLedger().adoptedItems()
        #expect(adopted.map(\.id) == ["ee-audit"] && adopted.first?.adoptedBy == "test-analyst")
        #expect(try await store.auditLog().events(AuditFilter(action: .shareAdopt)).count == 1)
    }

    @Test func aReaderCannotImportAdoptOrManageTheTrustList() async throws {
        let (bench, _) = try await Self.bench(importing: true)
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/allies", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/allies/import", method: .get) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/allies/import",
                method: .post,
                headers: Multipart.headers,
                body: Multipart.body(file: try Ally().bundle(), filename: "ee.fpshare")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/allies/adopt",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "item=ee-mkm%2Fplaybook%3Atier1&as=ee-tier1")
            ) { #expect($0.status == .forbidden) }
        }
        try await Repo.withApp(bench, as: .analyst) { client in
            try await client.execute(uri: "/admin/share", method: .get) { #expect($0.status == .forbidden) }
        }
    }

    @Test func theAdminPageListsTrustedKeysInGroupsAndAddsOne() async throws {
        let ally = Ally()
        let (bench, store) = try await Self.bench(importing: false, ally: ally)
        let other = Ally()
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/admin/share", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(ally.publicKey.groupedFingerprint))
                #expect(response.text.contains("read aloud by phone"))
            }
            let text = other.keyFile.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(
                uri: "/admin/share/trust",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "key=\(text)&publisher=ee-mkm&verified_via=video+call&until=&scopes=clauses")
            ) { #expect($0.status == .seeOther) }
        }
        let keys = try await store.shareLedger().trustedKeys()
        #expect(keys.map(\.fingerprint).contains(other.publicKey.fingerprint))
        #expect(keys.first { $0.fingerprint == other.publicKey.fingerprint }?.scopes == ["clauses"])
        #expect(try await store.auditLog().events(AuditFilter(action: .shareTrust)).count == 1)
    }
}
