import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Headers on every response: a strict Content-Security-Policy (only this server's stylesheet
/// and script; no inline code, no external origin, so the app works air-gapped and uploaded text
/// cannot run), no MIME sniffing, no framing, no referrer.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}

/// Turns every error into something a person can act on: an HTML page for the pages, a JSON
/// error object for /api. The status code is kept.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    let bench: WebWorkbench

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let web = WebError.from(error, maxUploadBytes: bench.maxUploadBytes)
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
                return try JSONResponse.make(
                    APIError(
                        error: .init(
                            status: Int(web.status.code),
                            title: web.title,
                            message: web.message,
                            hint: web.hint
                        )
                    ),
                    status: web.status
                )
            }
            let html = bench.pages.render(
                "error",
                ErrorView(
                    title: web.title,
                    status: Int(web.status.code),
                    message: web.message,
                    hint: web.hint
                )
            )
            return HTMLResponse.make(html, status: web.status)
        }
    }
}

/// The API's error body.
struct APIError: Codable {
    struct Detail: Codable {
        var status: Int
        var title: String
        var message: String
        var hint: String
    }
    var error: Detail
}

enum HTMLResponse {
    static func make(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        make(ByteBuffer(string: html), status: status)
    }

    static func make(_ html: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: html))
    }
}

enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        make(try encoded(value), status: status)
    }

    static func encoded<T: Encodable>(_ value: T) throws -> ByteBuffer { ByteBuffer(bytes: try encoder.encode(value)) }

    static func make(_ json: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: json)
        )
    }

    /// A body that is already JSON text (the analysis in its own schema's encoding).
    static func raw(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json))
        )
    }
}
