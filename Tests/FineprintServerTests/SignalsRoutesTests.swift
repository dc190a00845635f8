import FineprintSignals
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FineprintServer

@Suite("The signals review queue on the web and in the API")
struct SignalsRoutesTests {
    static let source = """
        schema: fineprint.signals.source/1
        source:
          id: test_feed
          name: Test feed
          publisher: Test regulator
          jurisdiction: EU
          language: en
          kind: rss
          address: 'https://example.gov/feed'
          address_verified: false
          primary: true
          source_kind: regulator_release
          licence: test
          attribution: test
          minimum_interval_hours: 1
          expected_update_days: 7
          enabled: false
        """

    static let feed = """
        <rss version="2.0"><channel><link>https://example.gov/</link>
        <item><title>Guidance on audit rights in AI procurement contracts</title><guid>g1</guid>
        <link>https://example.gov/g1</link><pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate></item>
        <item><title>Fishing quotas</title><guid>g2</guid><link>https://example.gov/g2</link></item>
        </channel></rss>
        """

    /// A store holding the two items of `feed`, with a bench that knows their source.
    static func bench() async throws -> (WebWorkbench, SQLiteStore, [SignalItem]) {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        var bench = try await Repo.workbench(store: store)
        let source = try SignalSourceCatalog.decode(Self.source, file: "test_feed.yaml")
        bench.signalSources = SignalSourceCatalog(sources: [source])
        let config = try RelevanceConfig.load(fromCorpus: Repo.corpusURL)
        let scorer = RelevanceScorer(
            config: config,
            provisions: bench.corpus.taxonomy.provisions,
            knowledge: try Repo.knowledge.get()
        )
        let harvester = SignalHarvester(store: store.signalStore(), scorer: scorer)
        let at = ISO8601DateFormatter().date(from: "2026-12-08T00:00:00Z")!
        _ = try await harvester.ingest(Data(Self.feed.utf8), source: source, location: "t", origin: .import, at: at)
        let items = try await store.signalStore().items(source: nil, state: nil)
        return (bench, store, items)
    }

    @Test func thePageListsSignalsWithReasonsFormsAndSourceHealth() async throws {
        let (bench, _, items) = try await Self.bench()
        let audit = try #require(items.first { $0.entry.nativeId == "g1" })
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/signals", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Guidance on audit rights in AI procurement contracts"))
                #expect(page.contains("audit_rights"))
                #expect(page.contains("/signals/\(audit.id)/accept"))
                #expect(page.contains("test_feed"))
            }
            try await client.execute(uri: "/signals?state=bogus", method: .get) { #expect($0.status == .badRequest) }
            // The form's "any" option sends an empty state.
            try await client.execute(uri: "/signals?state=&source=", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/signals/\(audit.id)/accept", method: .post) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func theAPIListsAndDecidesAsDocumented() async throws {
        let (bench, store, items) = try await Self.bench()
        let validator = try APITests.validator()
        let audit = try #require(items.first { $0.entry.nativeId == "g1" })
        try await Repo.withApp(bench, as: .analyst) { client in
            try await client.execute(uri: "/api/signals?queue=1", method: .get) { response in
                #expect(response.status == .ok)
                try APITests.check(response, "/api/signals", .get, validator: validator)
            }
            // The OpenAPI document lists the states: an empty one is not among them.
            try await client.execute(uri: "/api/signals?state=", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/signals/\(audit.id)", method: .get) { response in
                try APITests.check(response, "/api/signals/{id}", .get, validator: validator)
            }
            try await client.execute(
                uri: "/api/signals/\(audit.id)/decision",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"action":"accept","reason":"buyers need this"}"#)
            ) { response in
                #expect(response.status == .ok)
                try APITests.check(response, "/api/signals/{id}/decision", .post, validator: validator)
            }
            try await client.execute(
                uri: "/api/signals/\(audit.id)/decision",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"action":"promote"}"#)
            ) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/signals/sig-0000000000000000", method: .get) {
                #expect($0.status == .notFound)
            }
        }
        #expect(try await store.signalStore().item(id: audit.id)?.state == .reviewed)
        let decisions = try await store.signalStore().decisions(itemId: audit.id)
        #expect(decisions.map(\.reason) == ["buyers need this"])
        #expect(try await store.auditLog().events(AuditFilter()).contains { $0.targetKind == "signal" })
    }

    @Test func theFeedHoldsOnlyPublishedPrimarySourcedSignals() async throws {
        let (bench, store, items) = try await Self.bench()
        var published = try #require(items.first { $0.entry.nativeId == "g1" })
        published.state = .published
        published.publication = .init(
            knowledgeItem: "eu_ai_act_art_4",
            version: 2,
            confidence: "primary_source",
            by: "analyst",
            at: Date()
        )
        try await store.signalStore().saveItems([published], revisions: [])
        let audit = published
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/signals/feed.atom", method: .get) { response in
                #expect(response.status == .ok)
                let xml = String(buffer: response.body)
                #expect(xml.contains(audit.id))
                #expect(!xml.contains("Fishing quotas"))
                let stamp = try #require(response.headers[.lastModified])
                try await client.execute(
                    uri: "/signals/feed.atom",
                    method: .get,
                    headers: [.ifModifiedSince: stamp]
                ) { #expect($0.status == .notModified) }
            }
        }
    }
}
