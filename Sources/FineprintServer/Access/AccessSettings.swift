import FineprintIdentity
import Foundation

/// Who may reach the workbench and how they prove who they are: the public address (its Host
/// allow-list, its origin for the cross-site check, whether cookies are `Secure`), the optional
/// header of an authenticating proxy, how long sessions last and how hard passwords are hashed.
public struct AccessSettings: Sendable {
    /// The address users type, `https://fineprint.example.gov` or `http://127.0.0.1:8080`; nil:
    /// only loopback host names are accepted.
    public var publicURL: URL?
    /// The header an authenticating reverse proxy sets to the user's name (nil: not used).
    public var trustedHeader: String?
    /// The peer addresses whose `trustedHeader` is believed.
    public var trustedProxies: Set<String>
    public var sessions: SessionPolicy
    /// bcrypt's cost for new password hashes (each step doubles the work).
    public var bcryptCost: Int
    public var throttle: LoginThrottle.Limits

    public init(
        publicURL: URL? = nil,
        trustedHeader: String? = nil,
        trustedProxies: Set<String> = [],
        sessions: SessionPolicy = SessionPolicy(),
        bcryptCost: Int = Passwords.defaultCost,
        throttle: LoginThrottle.Limits = LoginThrottle.Limits()
    ) {
        self.publicURL = publicURL
        self.trustedHeader = trustedHeader
        self.trustedProxies = trustedProxies
        self.sessions = sessions
        self.bcryptCost = bcryptCost
        self.throttle = throttle
    }

    /// Checks a `--public-url`: http or https, a host, no path beyond "/", no query or user part.
    public static func validatedPublicURL(_ text: String) throws -> URL {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
            components.path.isEmpty || components.path == "/", let url = components.url
        else {
            throw AccessSettingsError(
                "--public-url must be an http or https address with a host and no path, such as https://fineprint.example.gov or http://127.0.0.1:8080"
            )
        }
        return url
    }

    /// The origin browsers send in `Origin` for pages of this server (nil without a public URL).
    var publicOrigin: String? {
        guard let url = publicURL, let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else {
            return nil
        }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = url.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? ""
        return "\(scheme)://\(Self.bracketed(host))\(port)"
    }

    /// Whether the `Host` a request names is this server: the public URL's host and port, or
    /// (without one) a loopback name on any port.
    func allowsHost(_ hostHeader: String) -> Bool {
        let (host, port) = Self.split(hostHeader.lowercased())
        guard let url = publicURL, let publicHost = url.host?.lowercased() else {
            return Self.loopbackNames.contains(host)
        }
        let scheme = url.scheme?.lowercased() ?? "http"
        let expectedPort = url.port ?? (scheme == "https" ? 443 : 80)
        return host == Self.unbracketed(publicHost) && (port ?? (scheme == "https" ? 443 : 80)) == expectedPort
    }

    /// Cookies are `Secure` unless the workbench is served over plain http on a loopback address
    /// (or has no public URL, when only loopback names are served), where there is no TLS to keep them to.
    var secureCookies: Bool {
        guard let url = publicURL else { return false }
        if url.scheme?.lowercased() == "https" { return true }
        return !Self.loopbackNames.contains(Self.unbracketed(url.host?.lowercased() ?? ""))
    }

    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]

    static func isLoopback(_ address: String) -> Bool {
        loopbackNames.contains(unbracketed(address.lowercased())) || address.hasPrefix("127.")
    }

    /// "host:port" or "[v6]:port" into the host (without brackets) and the port.
    static func split(_ authority: String) -> (host: String, port: Int?) {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2 { return (String(parts[0]), Int(parts[1])) }
        return (authority, nil)
    }

    private static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}

public struct AccessSettingsError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
