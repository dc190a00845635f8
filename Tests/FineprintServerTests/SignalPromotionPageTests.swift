import FineprintSignalDrafts
import FineprintSignals
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FineprintServer

@Suite("Promoting a signal from its page")
struct SignalPromotionPageTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The routes tests' store and items, with a drafts folder of its own to promote into.
    static func bench() async throws -> (WebWorkbench, SQLiteStore, SignalItem, URL) {
        var (bench, store, items) = try await SignalsRoutesTests.bench()
        let folder = try Repo.temporaryFolder().appendingPathComponent("drafts")
        bench.knowledgeDrafts = KnowledgeDrafts(folder: folder, bundledCorpus: Repo.corpusURL)
        var audit = try #require(items.first { $0.entry.nativeId == "g1" })
        // The shared feed is dated after today; the validator rightly refuses a source dated in the future.
        audit.entry.published = ISO8601DateFormatter().date(from: "2026-11-30T10:00:00Z")
        try await store.signalStore().saveItems([audit], revisions: [])
        return (bench, store, audit, folder)
    }

    static func newItem(provisions: String, reviewer: String = "fineprint-legal") -> ByteBuffer {
        let fields = [
            ("target", "new"), ("new_id", "eu_test_audit_guidance"), ("instrument", "Test guidance on audit rights"),
            ("jurisdiction", "EU"), ("article", "Para. 4"), ("summary", "Buyers should keep audit rights."),
            ("provisions", provisions), ("reviewer", reviewer), ("verified", "1"),
        ]
        var query = URLComponents()
        query.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        return ByteBuffer(string: query.percentEncodedQuery!)
    }

    @Test func anAnalystAcceptsAndPromotesThroughTheFormAndTheValidatorsProblemsShow() async throws {
        let (bench, store, audit, folder) = try await Self.bench()
        try await Repo.withApp(bench, as: .analyst) { client in
            try await client.execute(uri: "/signals/\(audit.id)", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("/signals/\(audit.id)/accept"))
                #expect(!page.contains("/signals/\(audit.id)/promote"))
            }
            try await client.execute(
                uri: "/signals/\(audit.id)/accept",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "reason=buyers+need+it&back=signal")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/signals/\(audit.id)")
            }
            try await client.execute(uri: "/signals/\(audit.id)", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("/signals/\(audit.id)/promote"))
                #expect(page.contains("fineprint-legal"))
            }
            // An unknown taxonomy provision: the validator refuses it and the form says why, values kept.
            try await client.execute(
                uri: "/signals/\(audit.id)/promote",
                method: .post,
                headers: Self.form,
                body: Self.newItem(provisions: "no_such_provision")
            ) { response in
                #expect(response.status == .unprocessableContent)
                let page = String(buffer: response.body)
                #expect(page.contains("does not validate"))
                #expect(page.contains("no_such_provision"))
                #expect(page.contains(#"value="eu_test_audit_guidance""#))
                #expect(page.contains(#"<option value="fineprint-legal" selected>"#))
            }
            try await client.execute(
                uri: "/signals/\(audit.id)/promote",
                method: .post,
                headers: Self.form,
                body: Self.newItem(provisions: "audit_rights", reviewer: "")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("choose the reviewer"))
            }
            try await client.execute(
                uri: "/signals/\(audit.id)/promote",
                method: .post,
                headers: Self.form,
                body: Self.newItem(provisions: "audit_rights")
            ) { response in
                #expect(response.status == .seeOther, "\(String(buffer: response.body).suffix(3000))")
            }
            try await client.execute(uri: "/signals/\(audit.id)", method: .get) { response in
                #expect(String(buffer: response.body).contains("eu_test_audit_guidance version 1 (primary_source)"))
            }
        }
        let published = try #require(try await store.signalStore().item(id: audit.id))
        #expect(published.state == .published)
        #expect(published.publication?.knowledgeItem == "eu_test_audit_guidance")
        let regulations = try String(
            contentsOf: folder.appendingPathComponent("knowledge/regulations.yaml"),
            encoding: .utf8
        )
        #expect(regulations.contains("id: eu_test_audit_guidance"))
        #expect(regulations.contains("signal: \(audit.id)"))
        let decisions = try await store.signalStore().decisions(itemId: audit.id)
        #expect(decisions.map(\.action) == [.accept, .promote])
        let events = try await store.auditLog().events(AuditFilter())
        #expect(
            events.contains { $0.targetKind == "signal" && $0.detail.hasPrefix("promote to eu_test_audit_guidance") }
        )
    }

    @Test func aReaderMayReadASignalButNotPromoteIt() async throws {
        let (bench, store, audit, _) = try await Self.bench()
        _ = try await store.signalStore().decide(
            SignalDecision(itemId: audit.id, action: .accept, by: "t", at: Date(), reason: "", scoredRelevant: true),
            state: .reviewed
        )
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/signals/\(audit.id)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/signals/\(audit.id)/promote",
                method: .post,
                headers: Self.form,
                body: Self.newItem(provisions: "audit_rights")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/signals/sig-0000000000000000", method: .get) {
                #expect($0.status == .notFound)
            }
        }
        #expect(try await store.signalStore().item(id: audit.id)?.state == .reviewed)
    }
}
