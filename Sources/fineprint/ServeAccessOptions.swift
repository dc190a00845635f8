import ArgumentParser
import FineprintIdentity
import FineprintServer
import Foundation

/// `serve`'s options for who may reach the workbench: its public address, an authenticating
/// proxy's header, and how long sessions last.
struct ServeAccessOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The address users reach the workbench at, such as https://fineprint.example.gov or http://127.0.0.1:8080: requests for other host names are refused, and cookies are Secure unless it is plain http on loopback (required unless --host is a loopback address).",
            valueName: "url"
        )
    )
    var publicURL: String?

    @Option(help: "The header an authenticating reverse proxy sets to the user's name, such as X-Remote-User.")
    var trustedHeader: String?

    @Option(
        help: ArgumentHelp(
            "The proxy addresses whose --trusted-header is believed, separated by commas (required with --trusted-header).",
            valueName: "addresses"
        )
    )
    var trustedProxy: String?

    @Option(help: "Minutes a session may go unused before it ends.")
    var sessionIdleMinutes = 30

    @Option(help: "Hours after sign-in when a session ends however it is used.")
    var sessionHours = 12

    func validate(host: String) throws {
        if let publicURL { _ = try validatedURL(publicURL) }
        if publicURL == nil, !["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) {
            throw ValidationError(
                "--public-url is required when --host is not a loopback address: the workbench refuses requests for any other host name"
            )
        }
        if trustedHeader != nil, proxies.isEmpty {
            throw ValidationError("--trusted-header needs --trusted-proxy with the proxy's addresses")
        }
        if let trustedHeader,
            trustedHeader.isEmpty || !trustedHeader.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        {
            throw ValidationError("--trusted-header must be a header name such as X-Remote-User")
        }
        guard (1...24 * 60).contains(sessionIdleMinutes) else {
            throw ValidationError("--session-idle-minutes must be from 1 to 1440")
        }
        guard (1...24 * 30).contains(sessionHours) else {
            throw ValidationError("--session-hours must be from 1 to 720")
        }
    }

    func settings() throws -> AccessSettings {
        AccessSettings(
            publicURL: try publicURL.map(validatedURL),
            trustedHeader: trustedHeader,
            trustedProxies: Set(proxies),
            sessions: SessionPolicy(
                idleTimeout: TimeInterval(sessionIdleMinutes * 60),
                absoluteTimeout: TimeInterval(sessionHours * 3600)
            )
        )
    }

    private var proxies: [String] {
        (trustedProxy ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    private func validatedURL(_ text: String) throws -> URL {
        do { return try AccessSettings.validatedPublicURL(text) } catch { throw ValidationError("\(error)") }
    }
}
