import Foundation

/// Text from a PDF through poppler's pdftotext (`-layout -enc UTF-8`), page by page: pages run on as
/// one text so sentences may cross page breaks, and lines that are only a page number are dropped.
/// `-layout` keeps clause numbers on the line of their text ("1.1   Throughout this Agreement…"),
/// which the plain-text structure reader needs; on the CUAD PDFs it gave more clause blocks and
/// fewer sentence fragments than pdftotext's reading-order mode.
struct PDFExtractor: Sendable {
    /// An explicit pdftotext executable, or nil to look it up on PATH.
    var executable: String?
    var timeout: TimeInterval = 120

    func locate() throws -> String {
        if let executable {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw IngestError.pdftotextMissing(path: executable)
            }
            return executable
        }
        guard let found = ExternalTool.onPath("pdftotext") else { throw IngestError.pdftotextMissing(path: nil) }
        return found
    }

    /// Extracts the text of the PDF at `url` (`name` is used in error messages).
    func text(ofFileAt url: URL, name: String) throws -> String {
        Self.dropPageNumbers(try pages(ofFileAt: url, name: name).joined())
    }

    /// The text layer of each page of the PDF at `url`, in order. Joined without separators they are
    /// the text `pdftotext -nopgbrk` gives (each page ends with its own line break).
    func pages(ofFileAt url: URL, name: String) throws -> [String] {
        let tool = ExternalTool(executable: try locate())
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("fineprint-pdf-\(UUID().uuidString)")
        try? fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let out = work.appendingPathComponent("out.txt")
        let outcome: ExternalTool.Outcome
        do {
            outcome = try tool.run(
                ["-layout", "-enc", "UTF-8", url.path, out.path],
                errorFile: work.appendingPathComponent("err.txt"),
                timeout: timeout
            )
        } catch .cannotStart {
            throw IngestError.pdftotextMissing(path: tool.executable)
        } catch .timedOut {
            throw IngestError.pdftotextFailed(name: name, detail: "no result after \(Int(timeout)) seconds")
        } catch .noTempFile {
            throw IngestError.pdftotextFailed(
                name: name,
                detail: "cannot create a temporary file in \(fm.temporaryDirectory.path)"
            )
        }
        if outcome.status != 0 { throw Self.failure(outcome, name: name) }
        guard let data = try? Data(contentsOf: out) else {
            throw IngestError.pdftotextFailed(name: name, detail: "it wrote no output")
        }
        // pdftotext ends every page with a form feed; the piece after the last one is empty.
        var pages = String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map(String.init)
        if pages.count > 1, pages.last?.isEmpty == true { pages.removeLast() }
        return pages
    }

    static func failure(_ outcome: ExternalTool.Outcome, name: String) -> IngestError {
        let lower = outcome.stderr.lowercased()
        if lower.contains("password") || lower.contains("encrypt") || outcome.status == 3 {
            return IngestError.encryptedPDF(name: name)
        }
        let firstLine =
            outcome.stderr.split(separator: "\n").first.map(String.init) ?? "pdftotext exit status \(outcome.status)"
        return IngestError.malformedPDF(name: name, detail: String(firstLine.prefix(160)))
    }

    /// Removes lines that are only a page number ("12", "- 12 -", "Page 3", "Page 3 of 10") and
    /// stray form feeds, which would otherwise land in the middle of sentences.
    static func dropPageNumbers(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var changed = false
        for (i, line) in lines.enumerated() where isPageNumber(line) {
            lines[i] = ""
            changed = true
        }
        var result = changed ? lines.joined(separator: "\n") : text
        if result.contains("\u{0C}") { result = result.replacingOccurrences(of: "\u{0C}", with: "\n") }
        return result
    }

    static func isPageNumber(_ line: Substring) -> Bool {
        let t = line.trimmingWhitespace().lowercased()
        guard !t.isEmpty, t.count <= 20 else { return false }
        var core = Substring(t)
        if core.hasPrefix("page ") { core = core.dropFirst(5) }
        core = core.drop(while: { $0 == "-" || $0 == "–" || $0 == " " })
        while let last = core.last, last == "-" || last == "–" || last == " " { core.removeLast() }
        let parts = core.components(separatedBy: " of ")
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.count <= 4 && p.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
