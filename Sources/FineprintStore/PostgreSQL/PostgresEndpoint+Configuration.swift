import PostgresNIO

extension PostgresEndpoint {
    /// The pool's settings: every connection works in the store's schema, and a statement that
    /// waits for a lock longer than the endpoint allows fails as "busy" rather than hang.
    var clientConfiguration: PostgresClient.Configuration {
        var configuration = address {
            PostgresClient.Configuration(host: $0, port: $1, username: $2, password: $3, database: $4, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = [
            ("search_path", schema), ("lock_timeout", "\(Int(lockTimeoutSeconds * 1000))ms"),
        ]
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// One direct connection's settings, to learn the server's own reason when it cannot be reached.
    var connectionConfiguration: PostgresConnection.Configuration {
        var configuration = address {
            PostgresConnection.Configuration(
                host: $0,
                port: $1,
                username: $2,
                password: $3,
                database: $4,
                tls: .disable
            )
        }
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// The pool and a single connection are configured with the same five facts, in this order.
    private func address<Configuration>(
        _ make: (_ host: String, _ port: Int, _ username: String, _ password: String?, _ database: String) ->
            Configuration
    ) -> Configuration {
        make(host, port, username, password, database)
    }
}
