import Crypto
import FineprintCore
import FineprintText
import FineprintZip
import Foundation

/// Reads a document — plain text, Markdown, HTML, PDF or DOCX — into one extracted text with its
/// blocks and sentences. All offsets count Unicode scalars of the extracted text.
public struct DocumentReader: Sendable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// The pdftotext executable to use; nil looks it up on PATH.
    public var pdftotextPath: String?
    /// How PDF pages without a text layer are read; nil refuses them instead.
    public var ocr: OCRReader?

    /// The largest input accepted when no limit is given: the CLI's --max-size and the web's upload limit.
    public static let defaultMaxBytes = 25_000_000

    public init(maxBytes: Int = defaultMaxBytes, ocr: OCRReader? = OCRReader()) {
        self.maxBytes = maxBytes
        self.pdftotextPath = nil
        self.ocr = ocr
    }

    public init(maxBytes: Int = defaultMaxBytes, pdftotextPath: String?, ocr: OCRReader? = OCRReader()) {
        self.maxBytes = maxBytes
        self.pdftotextPath = pdftotextPath
        self.ocr = ocr
    }

    /// The format a file name's extension names, if it is one Fineprint reads.
    public static func format(forExtension ext: String) -> DocumentFormat? {
        switch ext.lowercased() {
        case "txt", "text": return .txt
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        case "pdf": return .pdf
        case "docx": return .docx
        default: return nil
        }
    }

    /// Extensions of formats Fineprint knows it cannot read.
    static let knownUnsupported: Set<String> = [
        "doc", "rtf", "odt", "pages", "xls", "xlsx", "ppt", "pptx", "odp", "ods", "epub", "zip", "gz", "tar",
        "png", "jpg", "jpeg", "gif", "tif", "tiff", "bmp", "webp", "heic", "mp3", "mp4", "mov", "exe", "dmg",
    ]

    public func read(fileAt url: URL) throws -> ExtractedDocument {
        let path = url.path
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw IngestError.notFound(path: path) }
        if isDirectory.boolValue { throw IngestError.unreadable(path: path, reason: "it is a folder") }
        // Check the size before reading anything.
        let attributes = try? fm.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxBytes {
            throw IngestError.tooLarge(name: url.lastPathComponent, bytes: size, limit: maxBytes)
        }
        guard fm.isReadableFile(atPath: path) else {
            throw IngestError.unreadable(path: path, reason: "permission denied")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw IngestError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try read(data: data, name: url.lastPathComponent, format: nil, sourceURL: url)
    }

    public func read(data: Data, name: String, format: DocumentFormat? = nil) throws -> ExtractedDocument {
        try read(data: data, name: name, format: format, sourceURL: nil)
    }

    func read(data: Data, name: String, format explicit: DocumentFormat?, sourceURL: URL?) throws -> ExtractedDocument {
        if data.count > maxBytes { throw IngestError.tooLarge(name: name, bytes: data.count, limit: maxBytes) }
        if data.isEmpty { throw IngestError.empty(name: name) }
        // A Word document found by its content has had its archive opened already; it is read from that.
        var sniffedArchive: BoundedZip?
        let format = try explicit ?? detectFormat(data: data, name: name, archive: &sniffedArchive)
        let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()

        let text: String
        var blocks: [TextBlock]
        var scalars: [Unicode.Scalar]
        var ocrPages: [OCRPage] = []
        switch format {
        case .txt:
            text = try decodeText(data, name: name)
            scalars = Array(text.unicodeScalars)
            blocks = PlainTextStructure.blocks(in: scalars)
        case .markdown:
            let source = try decodeText(data, name: name)
            (text, blocks) = MarkdownExtractor.extract(source)
            scalars = Array(text.unicodeScalars)
        case .html:
            let source = try decodeText(data, name: name)
            (text, blocks) = HTMLExtractor.extract(source)
            scalars = Array(text.unicodeScalars)
        case .pdf:
            (text, ocrPages) = try extractPDF(data, name: name, sourceURL: sourceURL)
            scalars = Array(text.unicodeScalars)
            blocks = PlainTextStructure.blocks(in: scalars)
        case .docx:
            (text, blocks) = try DOCXExtractor.extract(data, opened: sniffedArchive, name: name, maxBytes: maxBytes)
            scalars = Array(text.unicodeScalars)
        }
        if !scalars.contains(where: { !SentenceSegmenter.isWhitespace($0) }) {
            throw format == .pdf ? IngestError.noTextInPDF(name: name) : IngestError.empty(name: name)
        }
        blocks = WrappedParagraphs.joined(blocks, in: scalars)
        let sentences = SentenceSegmenter.sentences(in: scalars, blocks: blocks)
        return ExtractedDocument(
            name: name,
            format: format,
            sha256: sha,
            text: text,
            blocks: blocks,
            sentences: sentences,
            ocrPages: ocrPages
        )
    }

    // MARK: - Formats

    /// The format from the name's extension, else from the content; `archive` receives a Word document's
    /// archive when the content was opened to find it.
    func detectFormat(data: Data, name: String, archive: inout BoundedZip?) throws -> DocumentFormat {
        let ext = (name as NSString).pathExtension.lowercased()
        if let format = Self.format(forExtension: ext) { return format }
        if let sniffed = sniff(data, archive: &archive) { return sniffed }
        if Self.knownUnsupported.contains(ext) {
            throw IngestError.unsupportedFormat(name: name, detail: ".\(ext) files")
        }
        if isZip(data) {
            throw IngestError.unsupportedFormat(name: name, detail: "a ZIP archive that is not a Word document")
        }
        return .txt
    }

    /// The format from the content: %PDF-, a ZIP holding word/document.xml, or an HTML start.
    func sniff(_ data: Data, archive: inout BoundedZip?) -> DocumentFormat? {
        let head = data.prefix(1024)
        if head.range(of: Data("%PDF-".utf8)) != nil { return .pdf }
        if isZip(data) {
            guard let zip = try? BoundedZip(data), zip["word/document.xml"] != nil else { return nil }
            archive = zip
            return .docx
        }
        var start = head.startIndex
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < head.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        let prefix = String(decoding: head[start...].prefix(64), as: UTF8.self).lowercased()
        if prefix.hasPrefix("<!doctype html") || prefix.hasPrefix("<html") || prefix.hasPrefix("<head")
            || prefix.hasPrefix("<body")
        {
            return .html
        }
        return nil
    }

    func isZip(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    func decodeText(_ data: Data, name: String) throws -> String {
        switch TextDecoding.decode(data) {
        case .text(let text): return InvisibleCharacters.removed(from: text)
        case .binary: throw IngestError.binary(name: name)
        case .undecodable(let encoding): throw IngestError.undecodable(name: name, encoding: encoding)
        }
    }

    /// The PDF's text and the pages of it read by OCR.
    func extractPDF(_ data: Data, name: String, sourceURL: URL?) throws -> (String, [OCRPage]) {
        let extractor = PDFExtractor(executable: pdftotextPath)
        _ = try extractor.locate()
        guard data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw IngestError.malformedPDF(name: name, detail: "no %PDF- header")
        }
        if let sourceURL { return try pdfText(of: sourceURL, name: name, extractor: extractor) }
        let fm = FileManager.default
        let temp = fm.temporaryDirectory.appendingPathComponent("fineprint-\(UUID().uuidString).pdf")
        do { try data.write(to: temp) } catch {
            throw IngestError.pdftotextFailed(
                name: name,
                detail: "cannot write a temporary copy in \(fm.temporaryDirectory.path)"
            )
        }
        defer { try? fm.removeItem(at: temp) }
        return try pdfText(of: temp, name: name, extractor: extractor)
    }

    /// Pages with a text layer keep it; pages without one (a scan) are read by OCR when it is enabled.
    func pdfText(of url: URL, name: String, extractor: PDFExtractor) throws -> (String, [OCRPage]) {
        var pages = try extractor.pages(ofFileAt: url, name: name)
        let scanned = pages.indices.filter { !Self.hasTextLayer(pages[$0]) }.map { $0 + 1 }
        guard let ocr, !scanned.isEmpty else { return (PDFExtractor.dropPageNumbers(pages.joined()), []) }
        let read = try ocr.read(pages: scanned, ofFileAt: url, name: name)
        for page in read { pages[page.info.page - 1] = page.text }
        return (PDFExtractor.dropPageNumbers(pages.joined()), read.map(\.info))
    }

    /// A page's text layer counts when it holds more than a page number or a stray mark or two.
    static func hasTextLayer(_ page: String) -> Bool {
        let kept = PDFExtractor.dropPageNumbers(page)
        return kept.unicodeScalars.lazy.filter { !SentenceSegmenter.isWhitespace($0) }.prefix(20).count >= 20
    }
}
