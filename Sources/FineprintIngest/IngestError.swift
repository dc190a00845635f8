import FineprintCore

/// Why a document could not be read. Each description is one line: what is wrong and what to do.
public enum IngestError: Error, CustomStringConvertible, Equatable, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case empty(name: String)
    case tooLarge(name: String, bytes: Int, limit: Int)
    case binary(name: String)
    case undecodable(name: String, encoding: String)
    case unsupportedFormat(name: String, detail: String)
    case encryptedPDF(name: String)
    case malformedPDF(name: String, detail: String)
    case noTextInPDF(name: String)
    case pdftotextMissing(path: String?)
    case pdftotextFailed(name: String, detail: String)
    case corruptDOCX(name: String, detail: String)
    case ocrToolMissing(tool: String, package: String)
    case ocrFailed(name: String, page: Int, detail: String)
    case tooManyOCRPages(name: String, pages: Int, limit: Int)
    case badOCRLanguages(String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file; check the path"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)); check that it is a file you have permission to read"
        case .empty(let name):
            return "\(name): the document contains no text (it is empty or only whitespace)"
        case .tooLarge(let name, let bytes, let limit):
            return
                "\(name): the file is \(bytes) bytes, more than the limit of \(limit) bytes; raise the limit with --max-size \(bytes) if it really is one contract"
        case .binary(let name):
            return "\(name): the file is binary, not text; give a .txt, .md, .html, .pdf or .docx document"
        case .undecodable(let name, let encoding):
            return "\(name): the text is not valid \(encoding); re-save the file as UTF-8"
        case .unsupportedFormat(let name, let detail):
            return
                "\(name): unsupported format (\(detail)); supported formats are .txt, .md, .html, .pdf and .docx — convert it to one of them"
        case .encryptedPDF(let name):
            return
                "\(name): the PDF is encrypted or password-protected; remove the protection (e.g. qpdf --decrypt) and try again"
        case .malformedPDF(let name, let detail):
            return "\(name): the PDF is damaged or not a PDF (\(detail)); re-export or re-download it"
        case .noTextInPDF(let name):
            return
                "\(name): the PDF has no text: its pages have no text layer and OCR (unless turned off with --no-ocr) found none; check that it is a legible scan of a contract"
        case .pdftotextMissing(let path):
            let which = path.map { "pdftotext was not found at \($0)" } ?? "pdftotext was not found on PATH"
            return
                "reading PDFs needs pdftotext, but \(which); install poppler-utils, e.g. `apt-get install poppler-utils`"
        case .pdftotextFailed(let name, let detail):
            return
                "\(name): pdftotext failed (\(detail)); check the PDF opens in a viewer, or convert it to text yourself"
        case .corruptDOCX(let name, let detail):
            return "\(name): the DOCX file is corrupt (\(detail)); open and re-save it in a word processor"
        case .ocrToolMissing(let tool, let package):
            return
                "reading scanned PDF pages needs \(tool), but it was not found on PATH; install \(package), e.g. `apt-get install \(package)`"
        case .ocrFailed(let name, let page, let detail):
            return
                "\(name): OCR of page \(page) failed (\(detail)); check the PDF opens in a viewer, or convert it to text yourself"
        case .tooManyOCRPages(let name, let pages, let limit):
            return
                "\(name): \(pages) pages have no text layer and need OCR, more than the limit of \(limit); raise it with --ocr-max-pages \(pages) if it really is one contract"
        case .badOCRLanguages(let langs):
            return
                "OCR languages \"\(langs)\" are not valid; give tesseract codes joined by +, e.g. eng+fra+spa+ara"
        }
    }
}
