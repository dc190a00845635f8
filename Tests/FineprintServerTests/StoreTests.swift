import FineprintCore
import FineprintServer
import FineprintStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

/// What every `Store` must do, whatever keeps the data. `open` opens the store under test; calling
/// it again opens the same data, as a restarted server would.
struct StoreContract: Sendable {
    let open: @Sendable () async throws -> any Store

    static func sqlite() throws -> StoreContract {
        let folder = try Repo.temporaryFolder()
        return StoreContract { try SQLiteStore(dataDirectory: folder) }
    }

    /// A schema of its own in the test server's database, so tests neither see nor disturb each other.
    static func postgres() throws -> StoreContract {
        var endpoint = try PostgresEndpoint(url: try #require(PostgresTestServer.url))
        endpoint.schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return StoreContract { [endpoint] in try await PostgresStore(endpoint: endpoint) }
    }

    static func backend(_ name: String) throws -> StoreContract { name == "postgres" ? try postgres() : try sqlite() }

    func sameBytesAreStoredOnce() async throws {
        let store = try await open()
        let first = try await store.saveDocument(StoreTests.document("hello world", name: "first.txt"))
        let again = try await store.saveDocument(StoreTests.document("hello world", name: "renamed.txt"))
        #expect(first.inserted)
        #expect(!again.inserted)
        #expect(again.document.name == "first.txt")
        #expect(try await store.documentBytes(sha256: first.document.sha256) == Data("hello world".utf8))
    }

    func everyAnalysisIsANewRowAndRoundTrips() async throws {
        let store = try await open()
        let doc = try await store.saveDocument(StoreTests.document("hello world")).document
        let a = try await store.saveAnalysis(StoreTests.analysis(sha: doc.sha256, profile: "tier1", score: 55))
        let b = try await store.saveAnalysis(StoreTests.analysis(sha: doc.sha256, profile: "tier2", score: 70))
        #expect(a.id != b.id)
        #expect(try await store.analysisCount() == 2)
        let list = try await store.analyses(limit: 10, offset: 0)
        #expect(list.map(\.id) == [b.id, a.id])
        let loaded = try #require(try await store.analysis(id: a.id))
        #expect(loaded.analysis == StoreTests.analysis(sha: doc.sha256, profile: "tier1", score: 55))
        #expect(loaded.summary.moves == 1)
        #expect(try await store.analysis(id: 9999) == nil)
    }

    func anAnalysisOfAnUnknownDocumentIsRefused() async throws {
        let store = try await open()
        await #expect(throws: StoreError.unknownDocument(sha256: String(repeating: "f", count: 64))) {
            _ = try await store.saveAnalysis(StoreTests.analysis(sha: String(repeating: "f", count: 64)))
        }
    }

    func nothingIsLostWhenTheStoreIsReopened() async throws {
        var id: Int64 = 0
        do {
            let store = try await open()
            let doc = try await store.saveDocument(StoreTests.document("kept across restarts")).document
            id = try await store.saveAnalysis(StoreTests.analysis(sha: doc.sha256)).id
        }
        let reopened = try await open()
        let loaded = try #require(try await reopened.analysis(id: id))
        #expect(loaded.summary.documentName == "a.txt")
        #expect(try await reopened.document(sha256: loaded.analysis.document.sha256)?.text == "kept across restarts")
    }

    func knowledgeSearchRanksTitleMatchesAndFilters() async throws {
        let store = try await open()
        try await store.replaceKnowledge([
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
        ])
        let training = try await store.searchKnowledge(KnowledgeQuery(text: "training"))
        #expect(training.map(\.entry.id) == ["m1", "c1"])
        #expect(training[0].snippet?.contains("\u{1}") == true)
        // The last word is a prefix; operators in the input are inert.
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "custom")).map(\.entry.id) == ["m1"])
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "audit NEAR(\"")).map(\.entry.id) == [])
        #expect(
            try await store.searchKnowledge(KnowledgeQuery(text: "training", kind: "clause")).map(\.entry.id) == ["c1"]
        )
        #expect(try await store.searchKnowledge(KnowledgeQuery(tag: "audit")).map(\.entry.id) == ["c1"])
        #expect(try await store.knowledgeCounts() == ["move": 1, "clause": 1])
        // Replacing the index drops what was there.
        try await store.replaceKnowledge([])
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "training")).isEmpty)
    }

    /// The web workbench over this store: upload a contract, read its report, find it in the
    /// history, search the knowledge base — and, reopened, still have it all.
    func servesTheWorkbench() async throws {
        let bench = try await Repo.workbench(store: try await open())
        let id = try await Application(router: WebApp.router(bench)).test(.router) { client -> Int64 in
            let id = try #require(
                try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "vendor-ai-terms.md")
            )
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>vendor-ai-terms.md</h1>"))
            }
            try await client.execute(uri: "/knowledge?q=training+data", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<mark>"), "search results carry highlighted snippets")
            }
            return id
        }
        let restarted = try await Repo.workbench(store: try await open())
        try await Repo.withApp(restarted) { client in
            try await client.execute(uri: "/analyses", method: .get) { response in
                #expect(response.text.contains("/analyses/\(id)"))
            }
        }
    }
}

/// The PostgreSQL server the tests may use: `FINEPRINT_TEST_POSTGRES_URL` (`.ci/run` starts one and sets it).
enum PostgresTestServer {
    static var url: String? {
        ProcessInfo.processInfo.environment["FINEPRINT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    /// The backends the contract runs on here.
    static var backends: [String] { url == nil ? ["sqlite"] : ["sqlite", "postgres"] }
}

@Suite("Store contract, on SQLite and (when FINEPRINT_TEST_POSTGRES_URL is set) PostgreSQL")
struct StoreContractTests {
    @Test(arguments: PostgresTestServer.backends) func sameBytesAreStoredOnce(_ backend: String) async throws {
        try await StoreContract.backend(backend).sameBytesAreStoredOnce()
    }
    @Test(arguments: PostgresTestServer.backends) func everyAnalysisIsANewRowAndRoundTrips(
        _ backend: String
    ) async throws {
        try await StoreContract.backend(backend).everyAnalysisIsANewRowAndRoundTrips()
    }
    @Test(arguments: PostgresTestServer.backends) func anAnalysisOfAnUnknownDocumentIsRefused(
        _ backend: String
    ) async throws {
        try await StoreContract.backend(backend).anAnalysisOfAnUnknownDocumentIsRefused()
    }
    @Test(arguments: PostgresTestServer.backends) func nothingIsLostWhenTheStoreIsReopened(
        _ backend: String
    ) async throws {
        try await StoreContract.backend(backend).nothingIsLostWhenTheStoreIsReopened()
    }
    @Test(arguments: PostgresTestServer.backends) func knowledgeSearchRanksTitleMatchesAndFilters(
        _ backend: String
    ) async throws {
        try await StoreContract.backend(backend).knowledgeSearchRanksTitleMatchesAndFilters()
    }
    @Test(.enabled(if: PostgresTestServer.url != nil, "needs FINEPRINT_TEST_POSTGRES_URL (.ci/run starts a server)"))
    func aLockHeldByAnotherSessionIsReportedAsBusy() async throws {
        var endpoint = try PostgresEndpoint(url: try #require(PostgresTestServer.url))
        endpoint.schema =
            "test_lock_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        endpoint.lockTimeoutSeconds = 0.3
        let store = try await PostgresStore(endpoint: endpoint)
        // Another session takes the documents table and holds it.
        let other = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: endpoint.host,
                port: endpoint.port,
                username: endpoint.username,
                password: endpoint.password,
                database: endpoint.database,
                tls: .disable
            ),
            id: 1,
            logger: Logger(label: "test")
        )
        let logger = Logger(label: "test")
        try await other.query("BEGIN", logger: logger)
        try await other.query(
            PostgresQuery(unsafeSQL: "LOCK TABLE \(endpoint.schema).document IN ACCESS EXCLUSIVE MODE"),
            logger: logger
        )
        await #expect(throws: StoreError.busy(path: endpoint.description)) {
            _ = try await store.saveDocument(StoreTests.document("blocked"))
        }
        try await other.query("ROLLBACK", logger: logger)
        try await other.close()
        // Once the lock is gone, the same write goes through.
        #expect(try await store.saveDocument(StoreTests.document("blocked")).inserted)
    }

    @Test(.enabled(if: PostgresTestServer.url != nil, "needs FINEPRINT_TEST_POSTGRES_URL (.ci/run starts a server)"))
    func theWholeWorkbenchRunsOnPostgres() async throws {
        try await StoreContract.postgres().servesTheWorkbench()
    }
}

@Suite("SQLite store")
struct StoreTests {
    static func analysis(sha: String, name: String = "a.txt", profile: String = "tier1", score: Int = 55) -> Analysis {
        Analysis(
            document: DocumentSummary(name: name, sha256: sha, format: .txt, characters: 11),
            profile: profile,
            provisions: [
                ProvisionFinding(
                    id: "governing_law",
                    dimension: "jurisdiction",
                    status: .present,
                    confidence: 0.9,
                    strength: .weak,
                    value: "California",
                    evidence: [Evidence(start: 0, end: 5, quote: "hello")]
                )
            ],
            killListMoves: [MoveFinding(id: "unilateral_change", confidence: 0.8, evidence: [], mitigation: "c1")],
            dimensions: [DimensionScore(id: "jurisdiction", score: 40, gaps: ["governing_law"])],
            gaps: [],
            score: score,
            timings: Timings(milliseconds: 3)
        )
    }

    static func document(_ text: String, name: String = "a.txt") -> NewDocument {
        let sha = String(repeating: String(text.count % 10), count: 64)
        return NewDocument(sha256: sha, name: name, format: .txt, bytes: Data(text.utf8), text: text)
    }

    @Test func aLockedDatabaseIsReportedAsBusy() async throws {
        let folder = try Repo.temporaryFolder()
        let store = try SQLiteStore(path: folder.appendingPathComponent("fineprint.sqlite").path, busyTimeout: 0.2)
        // Another process holding the write lock.
        let other = try DatabaseQueue(path: folder.appendingPathComponent("fineprint.sqlite").path)
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            DispatchQueue.global().async {
                do {
                    try other.inTransaction(.exclusive) { _ in
                        let semaphore = DispatchSemaphore(value: 0)
                        Task {
                            do {
                                _ = try await store.saveDocument(Self.document("blocked"))
                                done.resume(throwing: TestFailure("the write went through a held lock"))
                            } catch let error as StoreError {
                                if case .busy = error { done.resume() } else { done.resume(throwing: error) }
                            } catch { done.resume(throwing: error) }
                            semaphore.signal()
                        }
                        semaphore.wait()
                        return .rollback
                    }
                } catch { done.resume(throwing: error) }
            }
        }
        // Once the lock is gone, the same write succeeds.
        #expect(try await store.saveDocument(Self.document("blocked")).inserted)
    }

    @Test func errorsSayWhatToDo() {
        #expect(StoreError.busy(path: "x").description.contains("try again"))
        #expect(StoreError.full(path: "x").description.contains("free some space"))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

@Suite("PostgreSQL store without a server")
struct PostgresEndpointTests {
    @Test func aDatabaseURLIsParsedAndShownWithoutItsPassword() throws {
        let endpoint = try PostgresEndpoint(
            url: "postgres://ministry:s%40cret@db.internal:6543/contracts?schema=procurement"
        )
        #expect(
            endpoint
                == PostgresEndpoint(
                    host: "db.internal",
                    port: 6543,
                    username: "ministry",
                    password: "s@cret",
                    database: "contracts",
                    schema: "procurement"
                )
        )
        #expect(!endpoint.description.contains("cret"))
        // The database defaults to the user's name, the schema to fineprint, the port to 5432.
        let short = try PostgresEndpoint(url: "postgresql://fp@localhost")
        #expect(
            short.database == "fp" && short.schema == "fineprint" && short.port == 5432 && short.lockTimeoutSeconds == 5
        )
        #expect(try PostgresEndpoint(url: "postgres://fp@localhost/fp?lock_timeout=0.5").lockTimeoutSeconds == 0.5)
    }

    @Test(arguments: [
        "mysql://u@h/db", "postgres://host-without-user/db", "postgres://u@h/db?schema=x;drop", "not a url",
        "postgres://u@h/db?lock_timeout=soon", "postgres://u@h/db?lock_timeout=0",
    ])
    func aBadURLIsRefusedBeforeConnecting(_ url: String) {
        #expect(throws: StoreError.self) { _ = try PostgresEndpoint(url: url) }
    }

    @Test func anUnreachableServerSaysWhereItLooked() async throws {
        // Port 1 on loopback: nothing listens there.
        let endpoint = PostgresEndpoint(host: "127.0.0.1", port: 1, username: "fp", password: "hidden", database: "fp")
        do {
            _ = try await PostgresStore(endpoint: endpoint)
            Issue.record("opened a store on a port where no server listens")
        } catch let error as StoreError {
            guard case .cannotOpen(let place, _) = error else {
                Issue.record("expected cannotOpen, got \(error)")
                return
            }
            #expect(place.contains("127.0.0.1:1"))
            #expect(!error.description.contains("hidden"))
        }
    }
}
