import FineprintServer
import FineprintStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The store's own tests are in FineprintStoreTests; here, the web workbench over PostgreSQL.
@Suite("Web workbench on PostgreSQL")
struct WorkbenchStoreTests {
    /// The PostgreSQL server the tests may use (`scripts/test-postgres.sh` starts one).
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["FINEPRINT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Upload a contract, read its report, find it in the history, search the knowledge base —
    /// and, restarted, still have it all.
    @Test(.enabled(if: postgresURL != nil, "needs FINEPRINT_TEST_POSTGRES_URL (scripts/test-postgres.sh)"))
    func theWholeWorkbenchRunsOnPostgres() async throws {
        var endpoint = try PostgresEndpoint(url: try #require(Self.postgresURL))
        endpoint.schema =
            "test_web_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let uploaded = IDBox()
        try await PostgresStore.withRunningStore(endpoint: endpoint) { store in
            let bench = try await Repo.workbench(store: store)
            try await Repo.withApp(bench) { client in
                let id = try #require(
                    try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "vendor-ai-terms.md")
                )
                uploaded.set(id)
                try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("<h1>vendor-ai-terms.md</h1>"))
                }
                try await client.execute(uri: "/knowledge?q=training+data", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("<mark>"), "search results carry highlighted snippets")
                }
            }
        }
        let id = try #require(uploaded.value)
        try await PostgresStore.withRunningStore(endpoint: endpoint) { store in
            try await Repo.withApp(try await Repo.workbench(store: store)) { client in
                try await client.execute(uri: "/analyses", method: .get) { response in
                    #expect(response.text.contains("/analyses/\(id)"))
                }
            }
        }
    }
}

/// The id a test client's closure found, carried out of it.
final class IDBox: Sendable {
    private let stored = Mutex<String?>(nil)
    var value: String? { stored.withLock { $0 } }
    func set(_ id: String) { stored.withLock { $0 = id } }
}
