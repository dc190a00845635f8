import Logging
import PostgresNIO

/// What a part of the store kept in PostgreSQL (the job queue, the share ledger, reviews, signals)
/// works through: the store's connection pool in the endpoint's schema, the endpoint that error
/// messages name, and the part's logger.
struct PostgresSchemaAccess: Sendable {
    let client: PostgresClient
    let endpoint: PostgresEndpoint
    let logger: Logger
}
