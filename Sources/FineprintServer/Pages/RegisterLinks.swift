import FineprintRegister
import Foundation

/// The addresses of the register's pages and API. Keys (purls, "supplier/name@version") go in one
/// path segment, percent-encoded; the router leaves segments encoded, so handlers decode them.
enum RegisterLinks {
    /// Unreserved URI characters only: everything else, "/" included, is encoded.
    static let segmentAllowed = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
    )

    static func segment(_ key: String) -> String {
        key.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? key
    }

    static func system(_ id: String) -> String { "/register/systems/" + segment(id) }
    static func component(_ key: String) -> String { "/register/components/" + segment(key) }
    static func supplier(_ id: String) -> String { "/register/suppliers/" + segment(id) }

    /// A path parameter as the page's key: percent-decoded, refused when it does not decode.
    static func decode(_ raw: String, what: String) throws -> String {
        guard let key = raw.removingPercentEncoding, !key.isEmpty, key.utf8.count <= 2_000 else {
            throw WebError.notFound("\(what) \(raw.prefix(80))")
        }
        return key
    }
}

/// Words and formats the register's pages share.
enum RegisterFormat {
    static func hours(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value >= 48 ? String(format: "%.1f days", value / 24) : String(format: "%.1f h", value)
    }

    static func decimal(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }

    static func share(_ numerator: Int, _ denominator: Int) -> String {
        denominator == 0 ? "–" : Format.percent(Double(numerator) / Double(denominator))
    }

    static func day(_ date: Date) -> String { String(date.formatted(.iso8601).prefix(10)) }

    static func tier(_ tier: Tier?) -> String {
        switch tier {
        case .mustControl: "1 must-control"
        case .allied: "2 allied"
        case .market: "3 market-sourced"
        case nil: "not set"
        }
    }

    static func severityClass(_ severity: PolicySeverity) -> String {
        switch severity {
        case .fail: "sev-fail"
        case .warn: "sev-warn"
        case .info: "sev-info"
        }
    }
}
