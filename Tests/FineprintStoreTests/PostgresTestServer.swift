import FineprintStore
import Foundation

/// The PostgreSQL server the tests may use: `FINEPRINT_TEST_POSTGRES_URL` (`.ci/run` starts one
/// with `scripts/test-postgres.sh` and sets it).
enum PostgresTestServer {
    static var url: String? {
        ProcessInfo.processInfo.environment["FINEPRINT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// An endpoint on a schema of its own, so tests neither see nor disturb each other.
    static func freshEndpoint(prefix: String = "test_") throws -> PostgresEndpoint {
        guard let url else { throw TestFailure("FINEPRINT_TEST_POSTGRES_URL is not set") }
        var endpoint = try PostgresEndpoint(url: url)
        endpoint.schema = prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return endpoint
    }
}
