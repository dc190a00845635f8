import Foundation
import Logging
import PostgresNIO

/// Where the job queue lives for a command: PostgreSQL when a database URL is given, else an SQLite
/// file in the data folder (`jobs.sqlite`, beside the store's `fineprint.sqlite`).
public enum JobQueueLocation {
    /// Opens the queue, migrating its tables, and runs `body` with it; a PostgreSQL client runs for
    /// as long as `body` does.
    public static func withQueue<T: Sendable>(
        databaseURL: String?,
        dataDirectory: URL,
        logger: Logger = Logger(label: "fineprint.jobs"),
        _ body: @Sendable (any JobQueue) async throws -> T
    ) async throws -> T {
        guard let url = databaseURL, !url.isEmpty else {
            let path = dataDirectory.appendingPathComponent("jobs.sqlite").path
            return try await body(try SQLiteJobQueue.open(path: path))
        }
        let endpoint = try PostgresEndpoint(url: url)
        let client = PostgresJobQueue.makeClient(endpoint)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            do {
                try await PostgresJobQueue.migrate(client, schema: endpoint.schema, logger: logger)
            } catch {
                throw PostgresErrors.translate(error, endpoint: endpoint, opening: true)
            }
            return try await body(PostgresJobQueue(client: client, endpoint: endpoint, logger: logger))
        }
    }
}
