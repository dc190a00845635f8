import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// The cross-site checks of a state-changing request: its `Origin` (or `Referer`) must be this
/// server, and a request signed in by a session cookie must carry the session's CSRF token, in
/// the form field `csrf` or the `X-CSRF-Token` header (synchronizer pattern).
struct CSRFCheck {
    let settings: AccessSettings
    let maxBodyBytes: Int

    static let fieldName = "csrf"
    static let header = HTTPField.Name("X-CSRF-Token")!

    /// Refuses a request from another origin; a request that names none (not a browser's POST) passes.
    func checkOrigin(_ request: Request) throws {
        let host = request.head.authority ?? ""
        let expected = settings.publicOrigin ?? "http://\(host.lowercased())"
        if let origin = request.headers[.origin] {
            guard origin.lowercased() == expected else {
                throw Self.refused("it came from another site (\(origin.prefix(100)))")
            }
        } else if let referer = request.headers[.referer] {
            guard referer.lowercased().hasPrefix(expected + "/") else {
                throw Self.refused("it came from another site")
            }
        }
    }

    /// Refuses a request without the expected token. The body is collected (and kept for the
    /// handler) only when the header does not carry the token.
    func checkToken(_ request: inout Request, expected: String) async throws {
        if let header = request.headers[Self.header] {
            guard Self.same(header, expected) else { throw Self.refused("its security token is wrong") }
            return
        }
        guard let provided = try await formField(&request), Self.same(provided, expected) else {
            throw Self.refused("it carries no valid security token")
        }
    }

    /// The `csrf` field of a URL-encoded or multipart form.
    func formField(_ request: inout Request) async throws -> String? {
        let type = (request.headers[.contentType] ?? "").lowercased()
        if type.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.collectBody(upTo: 64 * 1024)
            return URLEncodedField.value(of: Self.fieldName, in: String(buffer: body))
        }
        guard type.hasPrefix("multipart/form-data"),
            let boundary = try? MultipartForm.boundary(fromContentType: request.headers[.contentType] ?? "")
        else { return nil }
        let body = try await request.collectBody(upTo: maxBodyBytes + 64 * 1024)
        var limits = MultipartLimits(maxFileBytes: maxBodyBytes)
        limits.fileFieldNames = ["file"]
        let parts = (try? MultipartForm.parse(Data(buffer: body), boundary: boundary, limits: limits)) ?? []
        return parts.first { $0.name == Self.fieldName }.map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ provided: String, _ expected: String) -> Bool {
        let a = Array(provided.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func refused(_ reason: String) -> WebError {
        WebError(
            .forbidden,
            title: "Request refused",
            message: "The request was refused because \(reason).",
            hint: "Reload the page and submit the form again; if it keeps happening, sign in again."
        )
    }
}

/// One field of an `application/x-www-form-urlencoded` body.
enum URLEncodedField {
    static func value(of name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, decode(parts[0]) == name else { continue }
            return decode(parts[1])
        }
        return nil
    }

    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
