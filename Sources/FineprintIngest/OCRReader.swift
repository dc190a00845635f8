import FineprintCore
import Foundation

/// Reads PDF pages that have no text layer with OCR: poppler's `pdftoppm` renders each page as a grey
/// image and `tesseract` reads it, giving the page's text and its words' confidences.
public struct OCRReader: Sendable {
    /// Tesseract language codes joined by "+", e.g. "eng+fra+spa+ara"; nil uses `defaultLanguages()`.
    public var languages: String?
    /// Most pages one document may send to OCR (a bound on the time one upload can cost).
    public var maxPages: Int
    /// Longest time one page may take (rendering and OCR each).
    public var pageTimeout: TimeInterval
    /// Rendering resolution; tesseract reads body text best at about 300 dpi.
    public var dpi: Int

    public init(languages: String? = nil, maxPages: Int = 100, pageTimeout: TimeInterval = 120, dpi: Int = 300) {
        self.languages = languages
        self.maxPages = maxPages
        self.pageTimeout = pageTimeout
        self.dpi = dpi
    }

    /// The languages OCR uses when none are given: those of English, French, Spanish and Arabic whose
    /// tesseract data is installed (English alone if the list cannot be read).
    public static func defaultLanguages() -> String {
        defaultLanguages(tesseract: ExternalTool.onPath("tesseract"))
    }

    static func defaultLanguages(tesseract: String?) -> String {
        guard let tesseract, let listed = try? ExternalTool.capture(tesseract, ["--list-langs"]) else { return "eng" }
        let installed = Set(listed.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() })
        let wanted = ["eng", "fra", "spa", "ara"].filter { installed.contains($0) }
        return wanted.isEmpty ? "eng" : wanted.joined(separator: "+")
    }

    /// The text of one page read by OCR, with its confidence.
    struct PageText {
        var text: String
        var info: OCRPage
    }

    /// Reads `pages` (1-based) of the PDF at `url`.
    func read(pages: [Int], ofFileAt url: URL, name: String) throws -> [PageText] {
        if pages.count > maxPages {
            throw IngestError.tooManyOCRPages(name: name, pages: pages.count, limit: maxPages)
        }
        guard let renderer = ExternalTool.onPath("pdftoppm") else {
            throw IngestError.ocrToolMissing(tool: "pdftoppm", package: "poppler-utils")
        }
        guard let tesseract = ExternalTool.onPath("tesseract") else {
            throw IngestError.ocrToolMissing(tool: "tesseract", package: "tesseract-ocr")
        }
        let langs = languages ?? Self.defaultLanguages(tesseract: tesseract)
        try Self.checkLanguageCodes(langs)
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("fineprint-ocr-\(UUID().uuidString)")
        do { try fm.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw IngestError.ocrFailed(name: name, page: pages.first ?? 1, detail: "cannot create a temporary folder")
        }
        defer { try? fm.removeItem(at: work) }
        return try pages.map { page in
            let image = try render(page, of: url, with: renderer, in: work, name: name)
            defer { try? fm.removeItem(at: image) }
            return try recognise(image, page: page, with: tesseract, languages: langs, in: work, name: name)
        }
    }

    /// Language codes are passed to tesseract as one argument; only letters, digits, "_" and "+".
    static func checkLanguageCodes(_ langs: String) throws {
        let allowed = langs.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "+")
        }
        let codes = langs.split(separator: "+", omittingEmptySubsequences: false)
        if langs.isEmpty || !allowed || codes.contains(where: \.isEmpty) {
            throw IngestError.badOCRLanguages(langs)
        }
    }

    func render(_ page: Int, of url: URL, with renderer: String, in work: URL, name: String) throws -> URL {
        let prefix = work.appendingPathComponent("page-\(page)")
        let args = [
            "-r", "\(dpi)", "-gray", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)", url.path, prefix.path,
        ]
        try runStep(ExternalTool(executable: renderer), args, page: page, work: work, name: name)
        return prefix.appendingPathExtension("png")
    }

    func recognise(
        _ image: URL,
        page: Int,
        with tesseract: String,
        languages: String,
        in work: URL,
        name: String
    )
        throws -> PageText
    {
        let base = work.appendingPathComponent("ocr-\(page)")
        // One run writes both the plain text and the word table with confidences.
        let args = [image.path, base.path, "-l", languages, "--psm", "3", "txt", "tsv"]
        try runStep(ExternalTool(executable: tesseract), args, page: page, work: work, name: name)
        let txt = base.appendingPathExtension("txt")
        let tsv = base.appendingPathExtension("tsv")
        defer {
            try? FileManager.default.removeItem(at: txt)
            try? FileManager.default.removeItem(at: tsv)
        }
        guard let textData = try? Data(contentsOf: txt), let tableData = try? Data(contentsOf: tsv) else {
            throw IngestError.ocrFailed(name: name, page: page, detail: "tesseract wrote no output")
        }
        let (confidence, words) = Self.meanWordConfidence(tsv: String(decoding: tableData, as: UTF8.self))
        var text = String(decoding: textData, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "")
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        return PageText(text: text, info: OCRPage(page: page, meanConfidence: confidence, words: words))
    }

    func runStep(_ tool: ExternalTool, _ args: [String], page: Int, work: URL, name: String) throws {
        let toolName = (tool.executable as NSString).lastPathComponent
        let outcome: ExternalTool.Outcome
        do {
            outcome = try tool.run(args, errorFile: work.appendingPathComponent("err.txt"), timeout: pageTimeout)
        } catch .timedOut {
            throw IngestError.ocrFailed(
                name: name,
                page: page,
                detail: "\(toolName) took over \(Int(pageTimeout)) seconds"
            )
        } catch .cannotStart {
            throw IngestError.ocrToolMissing(
                tool: toolName,
                package: toolName == "tesseract" ? "tesseract-ocr" : "poppler-utils"
            )
        } catch .noTempFile {
            throw IngestError.ocrFailed(name: name, page: page, detail: "cannot create a temporary file")
        }
        if outcome.status != 0 {
            let line = outcome.stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(outcome.status)"
            throw IngestError.ocrFailed(name: name, page: page, detail: "\(toolName): \(line.prefix(160))")
        }
    }

    /// Mean confidence of the recognised words in tesseract's TSV (level 5 rows with text), and their count.
    static func meanWordConfidence(tsv: String) -> (Double, Int) {
        var sum = 0.0
        var words = 0
        for line in tsv.split(whereSeparator: \.isNewline).dropFirst() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 12, cols[0] == "5", let conf = Double(cols[10]), conf >= 0,
                !cols[11].trimmingWhitespace().isEmpty
            else { continue }
            sum += conf
            words += 1
        }
        return (words == 0 ? 0 : sum / Double(words), words)
    }
}
