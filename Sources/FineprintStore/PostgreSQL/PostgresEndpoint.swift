import Foundation

/// Where a PostgreSQL store lives: a `postgres://user:password@host:port/database?schema=name` URL,
/// parsed once so that a mistyped address fails before any connection is tried.
public struct PostgresEndpoint: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// The schema the store's tables live in (created when missing).
    public var schema: String
    /// How long a statement waits for a lock another session holds before the store answers
    /// "busy" (as the SQLite store's busy timeout does); `?lock_timeout=` in seconds.
    public var lockTimeoutSeconds: Double

    public init(
        host: String,
        port: Int = 5432,
        username: String,
        password: String? = nil,
        database: String,
        schema: String = "fineprint",
        lockTimeoutSeconds: Double = 5
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.lockTimeoutSeconds = lockTimeoutSeconds
    }

    /// Parses `postgres://` (or `postgresql://`) URLs. The schema comes from `?schema=`; the
    /// database defaults to the user name, as PostgreSQL's own clients do.
    public init(url text: String) throws {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw StoreError.cannotOpen(
                path: Self.redacted(text),
                detail: "not a postgres:// URL (postgres://user:password@host:5432/database)"
            )
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError.cannotOpen(
                path: Self.redacted(text),
                detail: "the URL names no user (postgres://user@host/database)"
            )
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value ?? "fineprint"
        guard Self.isPlainName(schema) else {
            throw StoreError.cannotOpen(
                path: Self.redacted(text),
                detail: "the schema '\(schema)' must be letters, digits and underscores, starting with a letter"
            )
        }
        let lockTimeout = components.queryItems?.first(where: { $0.name == "lock_timeout" })?.value
        guard let seconds = lockTimeout.map(Double.init) ?? 5, seconds > 0, seconds <= 3600 else {
            throw StoreError.cannotOpen(
                path: Self.redacted(text),
                detail: "lock_timeout must be a number of seconds from 0 to 3600"
            )
        }
        self.init(
            host: components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
            port: components.port ?? 5432,
            username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding,
            database: database.isEmpty ? user : database,
            schema: schema.lowercased(),
            lockTimeoutSeconds: seconds
        )
    }

    /// The address without the password, for messages and logs.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)?schema=\(schema)" }

    /// Schema names are put into SQL as identifiers, so only plain names are accepted.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII, name.count <= 63
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }

    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "…"
        return components.string ?? "the database URL"
    }
}
