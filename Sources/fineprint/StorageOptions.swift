import ArgumentParser
import FineprintSignals
import FineprintStore
import Foundation

/// Everything a store the commands open can do: both backends are all of these.
typealias CommandStore = Store & JobQueueStore & AuditLogStore & DeletingStore & AccountStore & RegisterStore
    & ShareLedgerStore & SignalStoreProvider

/// Where the administration commands find the data: the SQLite data folder `serve` uses, or its
/// PostgreSQL database. One option group for every command that opens the store.
struct StorageOptions: ParsableArguments {
    @Option(help: "The folder of the SQLite database (as given to `fineprint serve`).")
    var dataDir = "fineprint-data"

    @Option(
        help: ArgumentHelp(
            "The PostgreSQL database instead: postgres://user:password@host:5432/database?schema=fineprint (default: $FINEPRINT_DATABASE_URL, else SQLite in --data-dir).",
            valueName: "url"
        )
    )
    var database: String?

    var databaseURL: String? {
        let url = database ?? ProcessInfo.processInfo.environment["FINEPRINT_DATABASE_URL"]
        return url.flatMap { $0.isEmpty ? nil : $0 }
    }

    var dataDirectory: URL { URL(fileURLWithPath: dataDir) }

    /// Opens the store (running a PostgreSQL client for the duration of `body`). With
    /// `mustExist`, an SQLite folder without a database is an error rather than a new database:
    /// checking or copying the wrong folder should say so, not find it empty.
    func withStore<T: Sendable>(
        mustExist: Bool = false,
        _ body: (any CommandStore) async throws -> T
    ) async throws -> T {
        if let url = databaseURL {
            let endpoint = try CLIError.setup { try PostgresEndpoint(url: url) }
            return try await PostgresStore.withRunningStore(endpoint: endpoint) { store in try await body(store) }
        }
        let folder = dataDirectory
        if mustExist,
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent(SQLiteBackup.databaseName).path)
        {
            throw CLIError(
                "there is no Fineprint database in \(folder.path); give the --data-dir `serve` uses",
                exitCode: 2
            )
        }
        let store = try CLIError.setup { try SQLiteStore(dataDirectory: folder) }
        return try await body(store)
    }
}
