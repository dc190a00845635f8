import FineprintCore
import FineprintIngest
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// An uploaded contract as the multipart form (or API call) delivers it: the file and the tier.
struct UploadForm: Sendable {
    var filename: String
    var data: Data
    var profile: String?
    /// The form's `idempotency_key` field (the API's `Idempotency-Key` header takes precedence).
    var idempotencyKey: String?

    /// The extensions an upload may have; the reader then checks the content matches.
    static let allowedExtensions = ["txt", "text", "md", "markdown", "html", "htm", "pdf", "docx"]

    /// Reads a `multipart/form-data` body with a `file` part and an optional `profile` part.
    /// The body is collected up to `maxBytes` plus room for the form's own fields.
    static func parse(_ request: Request, maxBytes: Int) async throws -> UploadForm {
        guard let contentType = request.headers[.contentType],
            contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(in: contentType)
        else {
            throw WebError(
                .unsupportedMediaType,
                title: "Not a file upload",
                message: "The request is not a multipart/form-data upload.",
                hint: "Use the upload form, or send the file as the 'file' field of a multipart form."
            )
        }
        var request = request
        let body = try await request.collectBody(upTo: maxBytes + 64 * 1024)
        let parts: [MultipartPart]
        do {
            parts = try MultipartParts.parse(body, boundary: boundary)
        } catch {
            throw WebError.badRequest(
                "The upload was cut off or is not a well-formed form.",
                hint: "Upload the file again."
            )
        }
        let profile = parts.firstPart(named: "profile").map { String(buffer: $0.body) }
        guard let file = parts.firstPart(named: "file") else {
            throw WebError.badRequest(
                "No file was chosen.",
                hint: "Choose a contract file (txt, md, html, pdf or docx) and upload it."
            )
        }
        let name = filename(in: file.headers.first(name: "Content-Disposition") ?? "") ?? ""
        let data = Data(buffer: file.body)
        if name.isEmpty && data.isEmpty {
            throw WebError.badRequest(
                "No file was chosen.",
                hint: "Choose a contract file (txt, md, html, pdf or docx) and upload it."
            )
        }
        if data.count > maxBytes {
            throw WebError.from(IngestError.tooLarge(name: name, bytes: data.count, limit: maxBytes))
        }
        return UploadForm(
            filename: name.isEmpty ? "upload.txt" : name,
            data: data,
            profile: profile.flatMap { $0.isEmpty ? nil : $0 },
            idempotencyKey: parts.firstPart(named: "idempotency_key").map { String(buffer: $0.body) }
        )
    }

    /// The format the file name claims; an extension outside the allowed list is refused before
    /// anything reads the content.
    func claimedFormat() throws -> DocumentFormat {
        let ext = (filename as NSString).pathExtension.lowercased()
        guard Self.allowedExtensions.contains(ext), let format = DocumentReader.format(forExtension: ext) else {
            throw WebError(
                .unsupportedMediaType,
                title: "File type not accepted",
                message: "\(filename): only .txt, .md, .html, .pdf and .docx files are accepted.",
                hint: "Save or export the contract in one of those formats and upload it again."
            )
        }
        return format
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The `filename` parameter of a Content-Disposition header, without any folder part a
    /// browser may send.
    static func filename(in disposition: String) -> String? {
        for parameter in disposition.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "filename" {
                let raw = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                return base.filter { !$0.isNewline && $0 != "\0" }
            }
        }
        return nil
    }
}

/// Splits a multipart body into its parts with MultipartKit's parser.
enum MultipartParts {
    static func parse(_ body: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: partBody))
            headers = HTTPHeaders()
            partBody = ByteBuffer()
        }
        try parser.execute(body)
        return parts
    }
}
