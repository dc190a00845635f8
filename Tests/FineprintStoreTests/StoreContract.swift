import FineprintCore
import FineprintRegister
import FineprintStore
import Foundation
import GRDB
import Testing

/// What every `Store` must do, whatever keeps the data. `withStore` opens the store under test for
/// the duration of a closure; opening it again reaches the same data, as a restarted server would.
struct StoreContract: Sendable {
    enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqliteInMemory = "SQLite in memory"
        case sqliteFile = "SQLite file"
        case postgres = "PostgreSQL"
        var testDescription: String { rawValue }

        /// The backends the contract runs on here: PostgreSQL when a test server is configured.
        static var available: [Backend] {
            PostgresTestServer.url == nil ? [.sqliteInMemory, .sqliteFile] : allCases
        }
    }

    /// Where this contract's data lives: one of these, by backend.
    private enum Place: Sendable {
        case memory(DatabaseQueue)
        case folder(URL)
        case schema(PostgresEndpoint)
    }
    private let place: Place

    init(_ backend: Backend) throws {
        switch backend {
        case .sqliteInMemory: place = .memory(try DatabaseQueue())
        case .sqliteFile: place = .folder(try Fixtures.temporaryFolder())
        case .postgres: place = .schema(try PostgresTestServer.freshEndpoint())
        }
    }

    /// Opens the store (reopening an in-memory one means a new store on the same database).
    func withStore<T: Sendable>(_ body: (any Store) async throws -> T) async throws -> T {
        switch place {
        case .memory(let queue): return try await body(try SQLiteStore(writer: queue))
        case .folder(let folder): return try await body(try SQLiteStore(dataDirectory: folder))
        case .schema(let endpoint):
            return try await PostgresStore.withRunningStore(endpoint: endpoint) { store in try await body(store) }
        }
    }

    func sameBytesAreStoredOnce() async throws {
        try await withStore { store in
            let first = try await store.saveDocument(Fixtures.document("hello world", name: "first.txt"))
            let again = try await store.saveDocument(Fixtures.document("hello world", name: "renamed.txt"))
            #expect(first.inserted)
            #expect(!again.inserted)
            #expect(again.document.name == "first.txt")
            #expect(again.document == first.document)
            #expect(first.document.byteCount == 11 && first.document.format == .txt)
            #expect(try await store.document(sha256: first.document.sha256) == first.document)
            #expect(try await store.documentBytes(sha256: first.document.sha256) == Data("hello world".utf8))
            #expect(try await store.documentBytes(sha256: String(repeating: "e", count: 64)) == nil)
        }
    }

    func everyAnalysisIsANewRowAndRoundTrips() async throws {
        try await withStore { store in
            let doc = try await store.saveDocument(Fixtures.document("hello world")).document
            let a = try await store.saveAnalysis(Fixtures.analysis(sha: doc.sha256, profile: "tier1", score: 55))
            let b = try await store.saveAnalysis(Fixtures.analysis(sha: doc.sha256, profile: "tier2", score: 70))
            #expect(a.id != b.id)
            #expect(try await store.analysisCount() == 2)
            let list = try await store.analyses(limit: 10, offset: 0)
            #expect(list.map(\.id) == [b.id, a.id])
            #expect(list.last.map(Self.sameSummary(a)) == true)
            #expect(try await store.analyses(limit: 1, offset: 1).map(\.id) == [a.id])
            let loaded = try #require(try await store.analysis(id: a.id))
            #expect(loaded.analysis == Fixtures.analysis(sha: doc.sha256, profile: "tier1", score: 55))
            #expect(Self.sameSummary(a)(loaded.summary))
            #expect(loaded.summary.moves == 1)
            #expect(try await store.analysis(id: 9999) == nil)
        }
    }

    func anAnalysisOfAnUnknownDocumentIsRefused() async throws {
        try await withStore { store in
            let sha = String(repeating: "f", count: 64)
            await #expect(throws: StoreError.unknownDocument(sha256: sha)) {
                _ = try await store.saveAnalysis(Fixtures.analysis(sha: sha))
            }
        }
    }

    func nothingIsLostWhenTheStoreIsReopened() async throws {
        let id = try await withStore { store in
            let doc = try await store.saveDocument(Fixtures.document("kept across restarts")).document
            return try await store.saveAnalysis(Fixtures.analysis(sha: doc.sha256)).id
        }
        try await withStore { reopened in
            let loaded = try #require(try await reopened.analysis(id: id))
            #expect(loaded.summary.documentName == "a.txt")
            #expect(
                try await reopened.document(sha256: loaded.analysis.document.sha256)?.text == "kept across restarts"
            )
        }
    }

    func knowledgeSearchRanksTitleMatchesAndFilters() async throws {
        try await withStore { store in
            try await store.replaceKnowledge(Self.knowledge)
            let training = try await store.searchKnowledge(KnowledgeQuery(text: "training"))
            #expect(training.map(\.entry.id) == ["m1", "c1"])
            #expect(training[0].snippet?.contains("\u{1}") == true)
            #expect(training[0].entry == Self.knowledge[0])
            // The last word is a prefix; operators in the input are inert.
            #expect(try await store.searchKnowledge(KnowledgeQuery(text: "custom")).map(\.entry.id) == ["m1"])
            #expect(try await store.searchKnowledge(KnowledgeQuery(text: "audit NEAR(\"")).map(\.entry.id) == [])
            let clauses = try await store.searchKnowledge(KnowledgeQuery(text: "training", kind: "clause"))
            #expect(clauses.map(\.entry.id) == ["c1"])
            #expect(try await store.searchKnowledge(KnowledgeQuery(tag: "audit")).map(\.entry.id) == ["c1"])
            #expect(try await store.searchKnowledge(KnowledgeQuery(tag: "aud")).isEmpty, "a tag matches whole")
            #expect(try await store.searchKnowledge(KnowledgeQuery()).map(\.entry.id) == ["c1", "m1"])
            #expect(try await store.knowledgeCounts() == ["move": 1, "clause": 1])
            #expect(try await store.knowledgeEntry(kind: "clause", id: "c1") == Self.knowledge[1])
            #expect(try await store.knowledgeEntry(kind: "move", id: "c1") == nil)
            // Replacing the index drops what was there.
            try await store.replaceKnowledge([])
            #expect(try await store.searchKnowledge(KnowledgeQuery(text: "training")).isEmpty)
            #expect(try await store.knowledgeCounts().isEmpty)
        }
    }

    static let knowledge = [
        KnowledgeEntry(
            kind: "move",
            id: "m1",
            title: "Training on customer data",
            summary: "The vendor trains.",
            body: "Models improve using your prompts.",
            tags: ["data", "high"]
        ),
        KnowledgeEntry(
            kind: "clause",
            id: "c1",
            title: "Audit rights",
            summary: "Buyer may audit.",
            body: "Includes training records.",
            tags: ["audit"]
        ),
    ]

    /// The same summary as saved; the time as the database keeps it (SQLite to the millisecond,
    /// PostgreSQL to the microsecond).
    static func sameSummary(_ saved: AnalysisSummary) -> (AnalysisSummary) -> Bool {
        { read in
            var read = read
            guard abs(read.createdAt.timeIntervalSince(saved.createdAt)) < 0.001 else { return false }
            read.createdAt = saved.createdAt
            return read == saved
        }
    }
}

// MARK: The dependency register

extension StoreContract {
    /// A small register with one of every entity.
    static func register() -> Register {
        let when = Date(timeIntervalSince1970: 1_790_000_000)
        var register = Register(countries: CountryTable(domestic: ["EE"]))
        register.suppliers["s"] = Supplier(id: "s", name: "S", lei: "LEI", headquartersCountry: "EE")
        register.components["c"] = RegisterComponent(
            id: "c",
            imported: ImportedFields(name: "C", kind: "library", layer: .model, supplier: "S"),
            notes: "curated"
        )
        register.systems["sys"] = RegisterSystem(
            id: "sys",
            name: "Sys",
            sector: .health,
            criticality: .critical,
            components: ["c"]
        )
        register.edges = [DependencyEdge(from: "system:sys", to: "c")]
        register.setTier(TierAssignment(system: "sys", component: "c", tier: .mustControl, rationale: "why"))
        register.contracts["k"] = ContractLink(id: "k", components: ["c"], analysisId: 1, linkedAt: when)
        register.facts = [
            ControlFact(
                component: "c",
                control: .logging,
                status: .holds,
                source: .test,
                evidence: "e",
                recordedAt: when
            )
        ]
        register.exitPlans = [ExitPlan(supplier: "s", target: "in-house", contractualBoundDays: 30)]
        register.drills = [
            ExitDrill(
                supplier: "s",
                kind: .partial,
                startedAt: when,
                completedAt: when,
                serviceLossMinutes: 0,
                passed: true
            )
        ]
        register.assurance = [
            AssuranceRecord(
                system: "sys",
                testType: "safety",
                tester: "Lab",
                independence: .external,
                testedAt: when,
                passed: true
            )
        ]
        register.incidents = [
            Incident(id: "i", kind: .model, occurredAt: nil, detectedAt: when, containedAt: nil, summary: "x")
        ]
        register.watchLinks = [
            WatchLink(source: "/terms/s.md", supplier: "s", linkedAt: when),
            WatchLink(source: "https://example.org/terms", component: "c", linkedAt: when),
        ]
        return register
    }

    func theRegisterRoundTripsPerOrganisation() async throws {
        let register = Self.register()
        try await withStore { store in
            guard let store = store as? any RegisterStore else { throw TestFailure("the store keeps no register") }
            #expect(try await store.loadRegister(organisation: "org") == Register())
            try await store.saveRegister(register, organisation: "org")
            try await store.saveRegister(Register(), organisation: "other")
        }
        try await withStore { store in
            guard let store = store as? any RegisterStore else { throw TestFailure("the store keeps no register") }
            #expect(try await store.loadRegister(organisation: "org") == register)
            #expect(try await store.loadRegister(organisation: "other") == Register())
            var smaller = register
            smaller.components["c2"] = smaller.components["c"].map {
                var c = $0
                c.id = "c2"
                return c
            }
            smaller.incidents = []
            try await store.saveRegister(smaller, organisation: "org")
            #expect(try await store.loadRegister(organisation: "org") == smaller)
        }
    }

    func metricSnapshotsAreKeptOnlyOnChange() async throws {
        let when = Date(timeIntervalSince1970: 1_790_000_000)
        let register = Self.register()
        let first = RegisterMetrics(register, settings: MetricSettings(asOf: when))
        let same = RegisterMetrics(register, settings: MetricSettings(asOf: when.addingTimeInterval(3600)))
        var changed = register
        changed.systems["sys"]?.criticality = .important
        let other = RegisterMetrics(changed, settings: MetricSettings(asOf: when.addingTimeInterval(7200)))
        try await withStore { store in
            guard let store = store as? any RegisterStore else { throw TestFailure("the store keeps no register") }
            #expect(
                try await store.saveMetricSnapshot(MetricSnapshot(organisation: "org", takenAt: when, metrics: first))
            )
            #expect(
                !(try await store.saveMetricSnapshot(MetricSnapshot(organisation: "org", takenAt: when, metrics: same)))
            )
            #expect(
                try await store.saveMetricSnapshot(MetricSnapshot(organisation: "org", takenAt: when, metrics: other))
            )
            #expect(
                try await store.saveMetricSnapshot(MetricSnapshot(organisation: "b", takenAt: when, metrics: first))
            )
            let kept = try await store.metricSnapshots(organisation: "org", limit: 10)
            #expect(kept.map(\.metrics) == [other, first])
        }
    }
}
