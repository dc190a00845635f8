import Foundation
import Hummingbird
import NIOCore

/// An error as the user sees it: an HTTP status, a one-line title, what went wrong and what to do.
/// It renders itself: an error page for the pages, `{"error": {...}}` for /api.
struct WebError: Error, Sendable {
    var status: HTTPResponse.Status
    var title: String
    var message: String
    var hint: String
    /// Extra response headers (`Allow` on a 405).
    var headers: HTTPFields = [:]
    /// The templates to render the error page with; without them (before start-up) a plain page.
    var pages: Pages?

    init(_ status: HTTPResponse.Status, title: String, message: String, hint: String) {
        self.status = status
        self.title = title
        self.message = message
        self.hint = hint
    }

    static func notFound(_ what: String) -> WebError {
        WebError(
            .notFound,
            title: "Not found",
            message: "There is no \(what) here.",
            hint: "Check the address, or start from the history of analyses."
        )
    }

    static func badRequest(_ message: String, hint: String) -> WebError {
        WebError(.badRequest, title: "Cannot do that", message: message, hint: hint)
    }

    /// The one wording of an upload over the limit, whichever layer noticed it.
    static func fileTooLarge(_ message: String) -> WebError {
        WebError(
            .contentTooLarge,
            title: "File too large",
            message: message,
            hint: "Upload one contract at a time; split or compress a very large PDF first."
        )
    }

    static func fileTooLarge(limit: Int) -> WebError {
        fileTooLarge("The upload is larger than the limit of \(UploadLimit.described(limit)).")
    }

    /// The address exists but not for this method; `allowed` lists the methods it takes.
    static func methodNotAllowed(allowed: [HTTPRequest.Method]) -> WebError {
        var error = WebError(
            .methodNotAllowed,
            title: "Not allowed",
            message: "This address does not accept that method.",
            hint: "Use the forms on the pages, or see /api/openapi.json for the API."
        )
        error.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        return error
    }

    static let starting = WebError(
        .serviceUnavailable,
        title: "Starting up",
        message: "The workbench is still starting.",
        hint: "Wait a moment and reload the page."
    )

    /// Any error a handler threw: a WebError as it is, an error type that knows its web form
    /// through `WebErrorConvertible`, anything else as an internal error.
    init(_ error: any Error, uploadLimit: Int) {
        switch error {
        case let error as WebError: self = error
        case let error as any WebErrorConvertible: self = error.webError(uploadLimit: uploadLimit)
        default:
            self.init(
                .internalServerError,
                title: "Something went wrong",
                message: "\(error)",
                hint: "Nothing you uploaded was lost. Try again; if it keeps happening, report the message above."
            )
        }
    }
}

/// An error type that can reach the web says what the user sees for it (one extension per type).
protocol WebErrorConvertible: Error {
    func webError(uploadLimit: Int) -> WebError
}

extension WebError: HTTPResponseError {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response: Response
        if APIError.isAPI(request) {
            response = try JSONResponse.make(APIError(self), status: status)
        } else {
            let model = ErrorModel(title: title, status: Int(status.code), message: message, hint: hint)
            response = HTML(pages?.render(model) ?? ByteBuffer(string: model.plainHTML), status: status).response
        }
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// The API's error body (the `Error` schema of the OpenAPI document).
struct APIError: Codable {
    struct Detail: Codable {
        var status: Int
        var title: String
        var message: String
        var hint: String
    }
    var error: Detail

    init(_ web: WebError) {
        error = Detail(status: Int(web.status.code), title: web.title, message: web.message, hint: web.hint)
    }

    static func isAPI(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api/") || request.uri.path == "/api"
    }
}
