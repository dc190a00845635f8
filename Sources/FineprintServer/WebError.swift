import FineprintIngest
import FineprintStore
import Hummingbird
import NIOCore

/// An error as the user sees it: an HTTP status, a one-line title, what went wrong and what to do.
/// Pages show it as an error page, the API as `{"error": {...}}`.
struct WebError: Error, Sendable {
    var status: HTTPResponse.Status
    var title: String
    var message: String
    var hint: String

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

    /// Any error a handler threw, as a WebError.
    static func from(_ error: any Error, maxUploadBytes: Int) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let error as IngestError:
            return from(error)
        case let error as StoreError:
            return from(error)
        case is NIOTooManyBytesError:
            // The request body was cut off at the upload limit before it was all read.
            return WebError(
                .contentTooLarge,
                title: "File too large",
                message: "The upload is larger than the limit of \(megabytes(maxUploadBytes)).",
                hint: "Upload one contract at a time; split or compress a very large PDF first."
            )
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                return .notFound("page")
            case .contentTooLarge:
                return WebError(
                    .contentTooLarge,
                    title: "File too large",
                    message: "The upload is larger than the limit of \(megabytes(maxUploadBytes)).",
                    hint: "Upload one contract at a time; split or compress a very large PDF first."
                )
            case .methodNotAllowed:
                return WebError(
                    .methodNotAllowed,
                    title: "Not allowed",
                    message: "This address does not accept that method.",
                    hint: "Use the forms on the pages, or see /api/openapi.json for the API."
                )
            default:
                return WebError(
                    error.status,
                    title: error.status.reasonPhrase,
                    message: error.body ?? error.status.reasonPhrase,
                    hint: "Go back and try again."
                )
            }
        default:
            return WebError(
                .internalServerError,
                title: "Something went wrong",
                message: "\(error)",
                hint: "Nothing you uploaded was lost. Try again; if it keeps happening, report the message above."
            )
        }
    }

    static func from(_ error: IngestError) -> WebError {
        switch error {
        case .tooLarge:
            return WebError(
                .contentTooLarge,
                title: "File too large",
                message: error.description,
                hint: "Upload one contract at a time; split or compress a very large PDF first."
            )
        case .pdftotextMissing:
            return WebError(
                .serviceUnavailable,
                title: "PDF reading is not installed",
                message: error.description,
                hint: "Ask the administrator to install poppler-utils, or upload the contract as DOCX, HTML or text."
            )
        default:
            return WebError(
                .unprocessableContent,
                title: "The document could not be read",
                message: error.description,
                hint: "Upload a .txt, .md, .html, .pdf or .docx file containing the contract's text."
            )
        }
    }

    static func from(_ error: StoreError) -> WebError {
        switch error {
        case .busy:
            return WebError(
                .serviceUnavailable,
                title: "The database is busy",
                message: error.description,
                hint: "Wait a moment and submit again."
            )
        case .full:
            return WebError(
                HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"),
                title: "The disk is full",
                message: error.description,
                hint: "Ask the administrator to free disk space, then submit again."
            )
        case .unknownDocument:
            return WebError(
                .notFound,
                title: "Unknown document",
                message: error.description,
                hint: "Upload the document first."
            )
        default:
            return WebError(
                .internalServerError,
                title: "The database failed",
                message: error.description,
                hint: "Ask the administrator to check the server's data folder."
            )
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes) bytes"
    }
}
