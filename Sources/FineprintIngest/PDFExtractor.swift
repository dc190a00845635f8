import Foundation

/// Text from a PDF through poppler's pdftotext (`-layout -enc UTF-8 -nopgbrk`): pages run on as one
/// text so sentences may cross page breaks, and lines that are only a page number are dropped.
/// `-layout` keeps clause numbers on the line of their text ("1.1   Throughout this Agreement…"),
/// which the plain-text structure reader needs; on the CUAD PDFs it gave more clause blocks and
/// fewer sentence fragments than pdftotext's reading-order mode.
struct PDFExtractor: Sendable {
    /// An explicit pdftotext executable, or nil to look it up on PATH.
    var executable: String?
    var timeout: TimeInterval = 120

    func locate() throws -> String {
        let fm = FileManager.default
        if let executable {
            guard fm.isExecutableFile(atPath: executable) else { throw IngestError.pdftotextMissing(path: executable) }
            return executable
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/pdftotext"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw IngestError.pdftotextMissing(path: nil)
    }

    /// Extracts the text of the PDF at `url` (`name` is used in error messages).
    func text(ofFileAt url: URL, name: String) throws -> String {
        let tool = try locate()
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("fineprint-pdf-\(UUID().uuidString)")
        try? fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let out = work.appendingPathComponent("out.txt")
        let err = work.appendingPathComponent("err.txt")
        _ = fm.createFile(atPath: err.path, contents: nil)
        guard let errHandle = try? FileHandle(forWritingTo: err) else {
            throw IngestError.pdftotextFailed(
                name: name,
                detail: "cannot create a temporary file in \(fm.temporaryDirectory.path)"
            )
        }
        defer { try? errHandle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-nopgbrk", url.path, out.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            throw IngestError.pdftotextMissing(path: tool)
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw IngestError.pdftotextFailed(name: name, detail: "no result after \(Int(timeout)) seconds")
        }
        let status = process.terminationStatus
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        if status != 0 {
            let lower = stderr.lowercased()
            if lower.contains("password") || lower.contains("encrypt") || status == 3 {
                throw IngestError.encryptedPDF(name: name)
            }
            let firstLine = stderr.split(separator: "\n").first.map(String.init) ?? "pdftotext exit status \(status)"
            throw IngestError.malformedPDF(name: name, detail: String(firstLine.prefix(160)))
        }
        guard let data = try? Data(contentsOf: out) else {
            throw IngestError.pdftotextFailed(name: name, detail: "it wrote no output")
        }
        let text = String(decoding: data, as: UTF8.self)
        return Self.dropPageNumbers(text)
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
