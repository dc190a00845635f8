import FineprintIngest
import FineprintStore
import Hummingbird
import NIOCore

// How each error type that can reach the web is shown: one extension per type.

extension IngestError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        switch self {
        case .tooLarge:
            return .fileTooLarge(description)
        case .pdftotextMissing:
            return WebError(
                .serviceUnavailable,
                title: "PDF reading is not installed",
                message: description,
                hint: "Ask the administrator to install poppler-utils, or upload the contract as DOCX, HTML or text."
            )
        case .ocrToolMissing:
            return WebError(
                .serviceUnavailable,
                title: "Reading scanned pages is not installed",
                message: description,
                hint: "Ask the administrator to install the package named above, or upload a PDF with a text layer."
            )
        default:
            return WebError(
                .unprocessableContent,
                title: "The document could not be read",
                message: description,
                hint: "Upload a .txt, .md, .html, .pdf or .docx file containing the contract's text."
            )
        }
    }
}

extension StoreError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        switch self {
        case .busy:
            return WebError(
                .serviceUnavailable,
                title: "The database is busy",
                message: description,
                hint: "Wait a moment and submit again."
            )
        case .full:
            return WebError(
                HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"),
                title: "The disk is full",
                message: description,
                hint: "Ask the administrator to free disk space, then submit again."
            )
        case .unknownDocument:
            return WebError(
                .notFound,
                title: "Unknown document",
                message: description,
                hint: "Upload the document first."
            )
        default:
            return WebError(
                .internalServerError,
                title: "The database failed",
                message: description,
                hint: "Ask the administrator to check the server's data folder."
            )
        }
    }
}

/// The request body was cut off at the upload limit before it was all read.
extension NIOTooManyBytesError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError { .fileTooLarge(limit: uploadLimit) }
}

/// A query string Hummingbird's form decoder cannot take apart (a repeated key, bad percent escapes).
extension URLEncodedFormError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        .badRequest("The address's query is not well-formed: \(description).", hint: "Check the address.")
    }
}

/// The router's own errors (no such route, wrong method) and Hummingbird's decoding errors.
extension HTTPError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        switch status {
        case .notFound:
            return .notFound("page")
        case .contentTooLarge:
            return .fileTooLarge(limit: uploadLimit)
        case .methodNotAllowed:
            return .methodNotAllowed(allowed: [])
        default:
            return WebError(
                status,
                title: status.reasonPhrase,
                message: body ?? status.reasonPhrase,
                hint: "Go back and try again."
            )
        }
    }
}
