import FineprintCorpus
import FineprintSignals
import FineprintStore
import FineprintTestSupport
import Foundation
import Testing

/// The bundled corpus's sources and scorer, the fixture feeds, a fixed clock and stores on both backends.
enum SignalFixtures {
    /// The fixtures were written for this day: their newest items are a few days old.
    static let now = Date(timeIntervalSince1970: 1_796_860_800)  // 2026-12-10T00:00:00Z

    static let folder = RepositoryPaths.fixtures.appendingPathComponent("signals")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    static let catalog: Result<SignalSourceCatalog, Error> = Result {
        try SignalSourceCatalog.load(fromCorpus: RepositoryPaths.corpus)
    }

    static let scorer: Result<RelevanceScorer, Error> = Result {
        let corpus = try CorpusLoader.load(from: RepositoryPaths.corpus)
        return RelevanceScorer(
            config: try RelevanceConfig.load(fromCorpus: RepositoryPaths.corpus),
            provisions: corpus.taxonomy.provisions,
            knowledge: try KnowledgeLoader.load(fromCorpus: RepositoryPaths.corpus)
        )
    }

    static func source(_ id: String) throws -> SignalSource {
        try #require(try catalog.get().source(id))
    }

    /// A source declared in a test: `kind` and an address, everything else plain.
    static func declared(
        _ id: String,
        kind: String,
        address: String = "https://example.gov/feed",
        extra: String = ""
    )
        throws -> SignalSource
    {
        let yaml = """
            schema: fineprint.signals.source/1
            source:
              id: \(id)
              name: Test source
              publisher: Test publisher
              jurisdiction: EU
              language: en
              kind: \(kind)
              address: '\(address)'
              address_verified: false
              primary: true
              source_kind: regulator_release
              licence: test
              attribution: test
              minimum_interval_hours: 1
              expected_update_days: 7
            \(extra)
              enabled: true
            """
        return try SignalSourceCatalog.decode(yaml, file: "\(id).yaml")
    }

    static let backends = ["sqlite"] + (postgresURL == nil ? [] : ["postgresql"])

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["FINEPRINT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func withStore(_ backend: String, _ body: (any SignalStore) async throws -> Void) async throws {
        if backend == "sqlite" {
            return try await body(try SQLiteStore.inMemory().signalStore())
        }
        var endpoint = try PostgresEndpoint(url: try #require(postgresURL))
        endpoint.schema =
            "test_signals_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        try await PostgresStore.withRunningStore(endpoint: endpoint) { store in try await body(store.signalStore()) }
    }

    static func harvester(_ store: any SignalStore) throws -> SignalHarvester {
        SignalHarvester(store: store, scorer: try scorer.get())
    }
}
