import FineprintCore
import FineprintIngest
import Foundation
import Hummingbird

/// One uploaded file: its name (without any folder part) and its bytes.
struct UploadedFile: Sendable {
    var filename: String
    var data: Data
}

/// An upload as the multipart form (or API call) delivers it: one or more files and the tier.
struct UploadForm: Sendable {
    var files: [UploadedFile]
    var profile: String?
    /// The form's `idempotency_key` field (the API's `Idempotency-Key` header takes precedence).
    var idempotencyKey: String?
    /// The form's `matter` field: the public id of the matter the upload belongs to (nil: the
    /// uploader's only one).
    var matter: String?

    /// The first file's name and bytes, for callers that take one file.
    var filename: String { files.first?.filename ?? "upload.txt" }
    var data: Data { files.first?.data ?? Data() }

    init(files: [UploadedFile], profile: String?) {
        self.files = files
        self.profile = profile
    }

    init(filename: String, data: Data, profile: String?) {
        self.init(files: [UploadedFile(filename: filename, data: data)], profile: profile)
    }

    /// The extensions an upload may have; the reader then checks the content matches.
    static let allowedExtensions = ["txt", "text", "md", "markdown", "html", "htm", "pdf", "docx"]

    /// Reads a `multipart/form-data` body with one or more `file` parts and an optional `profile`
    /// part. The body is collected up to `maxBytes` plus room for the form's own fields, and read
    /// by our bounded reader: a malformed body is a 4xx error, never a crash.
    static func parse(_ request: Request, maxBytes: Int) async throws -> UploadForm {
        let boundary: String
        do {
            boundary = try MultipartForm.boundary(fromContentType: request.headers[.contentType] ?? "")
        } catch let error as MultipartError {
            throw WebError.from(error)
        }
        var request = request
        let body = try await request.collectBody(upTo: maxBytes + 64 * 1024)
        var limits = MultipartLimits(maxFileBytes: maxBytes)
        limits.fileFieldNames = ["file"]
        let parts: [FormPart]
        do {
            parts = try MultipartForm.parse(
                Data(buffer: body),
                boundary: boundary,
                limits: limits
            )
        } catch let error as MultipartError {
            throw WebError.from(error)
        }
        let profile = parts.first(where: { $0.name == "profile" }).map { String(decoding: $0.body, as: UTF8.self) }
        let files = parts.filter { $0.name == "file" }.compactMap { part -> UploadedFile? in
            let name = sanitizedFilename(part.filename ?? "")
            // With no file chosen a browser still sends the part, with an empty name and no bytes.
            if name.isEmpty && part.body.isEmpty { return nil }
            return UploadedFile(filename: name.isEmpty ? "upload.txt" : name, data: part.body)
        }
        guard !files.isEmpty else {
            throw WebError.badRequest(
                "No file was chosen.",
                hint: "Choose a contract file (txt, md, html, pdf or docx) and upload it."
            )
        }
        var form = UploadForm(files: files, profile: profile.flatMap { $0.isEmpty ? nil : $0 })
        form.idempotencyKey = parts.first(where: { $0.name == "idempotency_key" }).map {
            String(decoding: $0.body, as: UTF8.self)
        }
        form.matter = parts.first(where: { $0.name == "matter" }).map { String(decoding: $0.body, as: UTF8.self) }
        return form
    }

    /// The format the first file's name claims (see `UploadedFile.claimedFormat`).
    func claimedFormat() throws -> DocumentFormat {
        try UploadedFile(filename: filename, data: data).claimedFormat()
    }

    /// A file name as a browser sent it, without any folder part and without line breaks or NULs.
    static func sanitizedFilename(_ raw: String) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return base.filter { !$0.isNewline && $0 != "\0" }
    }
}

extension UploadedFile {
    /// The format the file name claims; an extension outside the allowed list is refused before
    /// anything reads the content.
    func claimedFormat() throws -> DocumentFormat {
        let ext = (filename as NSString).pathExtension.lowercased()
        guard UploadForm.allowedExtensions.contains(ext), let format = DocumentReader.format(forExtension: ext) else {
            throw WebError(
                .unsupportedMediaType,
                title: "File type not accepted",
                message: "\(filename): only .txt, .md, .html, .pdf and .docx files are accepted.",
                hint: "Save or export the contract in one of those formats and upload it again."
            )
        }
        return format
    }
}

extension WebError {
    /// A form the reader refused: 415 when it is not a form at all, 413 for a file over the limit,
    /// 400 for everything else.
    static func from(_ error: MultipartError) -> WebError {
        switch error {
        case .notMultipart, .badBoundary:
            return WebError(
                .unsupportedMediaType,
                title: "Not a file upload",
                message: error == .badBoundary
                    ? "The request is not a multipart/form-data upload with a valid boundary." : error.description,
                hint: "Use the upload form, or send the file as the 'file' field of a multipart form."
            )
        case .fileTooLarge:
            return WebError(
                .contentTooLarge,
                title: "File too large",
                message: error.description,
                hint: "Upload one contract at a time; split or compress a very large PDF first."
            )
        default:
            return WebError.badRequest(error.description, hint: "Upload the file again, with the upload form.")
        }
    }
}
