import FineprintStore
import Foundation
import Testing

@testable import FineprintServer

struct RetentionServiceTests {
    /// The service's sweep deletes what is past the period and forgets the cached report page.
    @Test func aSweepDeletesOldDocumentsAndTheirCachedPages() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let bench = try await Repo.workbench(store: store)
        let contract = try Repo.contract("vendor-ai-terms.md")
        try await Repo.withApp(bench) { client in
            let uploaded = try #require(try await upload(client, contract, name: "terms.md"))
            try await client.execute(uri: "/analyses/\(uploaded)", method: .get) { #expect($0.status == .ok) }
            let id = try #require(try await bench.stored(uploaded)).summary.id
            #expect(bench.reportPages.value(id) != nil)
        }
        let id = try #require(try await store.analyses(limit: 1, offset: 0).first?.id)
        await RetentionService(bench: bench, days: 1).sweepOnce()
        #expect(try await store.analysis(id: id) != nil, "a day has not passed")
        let later = Date().addingTimeInterval(86_400 * 2)
        await RetentionService(bench: bench, days: 1, now: { later }).sweepOnce()
        #expect(try await store.analysis(id: id) == nil)
        #expect(bench.reportPages.value(id) == nil, "the cached page went with it")
        let rows = try await store.auditLog().events(AuditFilter(action: .retentionDelete))
        #expect(rows.count == 1 && rows.first?.detail.hasPrefix("terms.md") == true)
        // Without the token_use rows, which a slow run adds once a minute.
        let events = try await store.auditLog().events(AuditFilter())
        #expect(events.map(\.action).reversed().filter { $0 != "token_use" } == ["upload", "view", "retention_delete"])
        #expect(try await store.auditLog().verify() == .intact(rows: events.count))
    }
}
