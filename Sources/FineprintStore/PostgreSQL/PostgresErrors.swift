import PostgresNIO
import _ConnectionPoolModule

/// PostgreSQL failures as the `StoreError`s the web app already explains: the server's SQLSTATE
/// decides (lock timeouts are "busy", a full disk is "full"), and a connection that cannot be made
/// is "cannot open" with the address, never the password.
enum PostgresErrors {
    /// Runs `body`, letting a domain error of type `Passed` through as it was thrown (also from
    /// inside a transaction, which wraps it) and translating every other error.
    static func guarded<T: Sendable, Passed: Error>(
        _ endpoint: PostgresEndpoint,
        passing _: Passed.Type,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        do { return try await body() } catch let error as Passed { throw error } catch {
            if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError as? Passed {
                throw inner
            }
            throw translate(error, endpoint: endpoint, opening: false)
        }
    }

    static func translate(_ error: any Error, endpoint: PostgresEndpoint, opening: Bool) -> any Error {
        if let error = error as? StoreError { return error }
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return translate(inner, endpoint: endpoint, opening: opening)
            }
        }
        let place = endpoint.description
        if error is ConnectionPoolError {
            return StoreError.cannotOpen(path: place, detail: "no connection to PostgreSQL could be made")
        }
        guard let error = error as? PSQLError else { return StoreError.failed(detail: "\(error)") }
        if let state = error.serverInfo?[.sqlState] {
            let message = error.serverInfo?[.message] ?? state
            switch state {
            case "53100": return StoreError.full(path: place)
            case "55P03", "40P01", "40001", "57014": return StoreError.busy(path: place)
            case "25006", "42501": return StoreError.readOnly(path: place)
            case "XX001", "XX002": return StoreError.corrupt(path: place, detail: message)
            case _ where state.hasPrefix("28") || state.hasPrefix("3D") || state.hasPrefix("08"):
                return StoreError.cannotOpen(path: place, detail: message)
            default: return StoreError.failed(detail: "\(message) (SQLSTATE \(state))")
            }
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .poolClosed, .clientClosedConnection, .uncleanShutdown:
            return StoreError.cannotOpen(
                path: place,
                detail: opening ? "no PostgreSQL server answered there" : "the connection to PostgreSQL was lost"
            )
        default:
            return StoreError.failed(detail: "\(error.code)")
        }
    }
}
