import FineprintShare
import FineprintStore
import Foundation
import Testing

@Suite(
    "Round trip between a SQLite and a PostgreSQL installation with different trust lists",
    .enabled(
        if: ProcessInfo.processInfo.environment["FINEPRINT_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false,
        "needs FINEPRINT_TEST_POSTGRES_URL (scripts/test-postgres.sh)"
    )
)
struct TwoStoresTests {
    typealias F = ShareFixture

    @Test func eachInstallationImportsOnlyWhatItsOwnTrustListAllows() async throws {
        let estonia = F.Publisher("ee-mkm")
        let latvia = F.Publisher("lv-varam")
        let sqlite = try SQLiteStore.inMemory().shareLedger()
        try await F.trust(estonia, in: sqlite)
        var endpoint = try PostgresEndpoint(
            url: try #require(ProcessInfo.processInfo.environment["FINEPRINT_TEST_POSTGRES_URL"])
        )
        endpoint.schema =
            "test_share_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let fromEstonia = try F.pack(estonia)
        let fromLatvia = try F.pack(latvia, items: Array(try F.items().prefix(1)))
        try await PostgresStore.withRunningStore(endpoint: endpoint) { store in
            let postgres = store.shareLedger()
            try await F.trust(latvia, in: postgres, scopes: ["clauses"])
            _ = try await ShareImporter(ledger: postgres, now: F.now).importBundle(fromLatvia, dryRun: false)
            _ = try await ShareImporter(ledger: sqlite, now: F.now).importBundle(fromEstonia, dryRun: false)
            await F.expectRefusal("E_UNKNOWN_KEY") { _ = try await F.verify(fromEstonia, postgres) }
            await F.expectRefusal("E_UNKNOWN_KEY") { _ = try await F.verify(fromLatvia, sqlite) }
            let inPostgres = try await postgres.sharedItems(publisher: nil)
            #expect(inPostgres.map(\.publisher) == ["lv-varam"])
            #expect(inPostgres.first?.content == (try F.items()[0].content))
            // Estonia's items, re-verified against Postgres once Latvia's operator trusts Estonia too.
            try await F.trust(estonia, in: postgres)
            let again = try await ShareImporter(ledger: postgres, now: F.now).importBundle(fromEstonia, dryRun: false)
            #expect(again.plan.count == 3)
            let estonian = try await postgres.sharedItems(publisher: "ee-mkm")
            #expect(estonian.map(\.sha256) == (try await sqlite.sharedItems(publisher: "ee-mkm")).map(\.sha256))
        }
    }
}
