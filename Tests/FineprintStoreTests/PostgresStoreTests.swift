import FineprintStore
import Foundation
import Logging
import PostgresNIO
import Testing

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
            try await PostgresStore.withRunningStore(endpoint: endpoint) { _ in
                Issue.record("opened a store on a port where no server listens")
            }
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

@Suite(
    "PostgreSQL store on a server",
    .enabled(if: PostgresTestServer.url != nil, "needs FINEPRINT_TEST_POSTGRES_URL (scripts/test-postgres.sh)")
)
struct PostgresStoreTests {
    @Test func aLockHeldByAnotherSessionIsReportedAsBusy() async throws {
        var endpoint = try PostgresTestServer.freshEndpoint(prefix: "test_lock_")
        endpoint.lockTimeoutSeconds = 0.3
        try await PostgresStore.withRunningStore(endpoint: endpoint) { store in
            let other = try await Self.connect(endpoint)
            let logger = Logger(label: "test")
            // Another session takes the documents table and holds it.
            try await other.query("BEGIN", logger: logger)
            try await other.query(
                PostgresQuery(unsafeSQL: "LOCK TABLE \(endpoint.schema).document IN ACCESS EXCLUSIVE MODE"),
                logger: logger
            )
            await #expect(throws: StoreError.busy(path: endpoint.description)) {
                _ = try await store.saveDocument(Fixtures.document("blocked"))
            }
            try await other.query("ROLLBACK", logger: logger)
            try await other.close()
            // Once the lock is gone, the same write goes through.
            #expect(try await store.saveDocument(Fixtures.document("blocked")).inserted)
        }
    }

    @Test func twoStoresMigratingOneSchemaAtOnceBothOpen() async throws {
        let endpoint = try PostgresTestServer.freshEndpoint()
        // Each open is awaited to its end: one failing must not cancel the other mid-migration.
        let counts = await withTaskGroup(of: Result<Int, any Error>.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    do {
                        return .success(
                            try await PostgresStore.withRunningStore(endpoint: endpoint) { store in
                                try await store.analysisCount()
                            }
                        )
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.count == 2)
        for count in counts { #expect(try count.get() == 0) }
    }

    static func connect(_ endpoint: PostgresEndpoint) async throws -> PostgresConnection {
        try await PostgresConnection.connect(
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
    }
}
