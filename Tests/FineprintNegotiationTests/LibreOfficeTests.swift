import FineprintNegotiation
import FineprintTestSupport
import Foundation
import Testing

/// LibreOffice must open the pack cleanly: convert it headless to PDF and read the text back.
@Suite("Negotiation pack opens in LibreOffice")
struct LibreOfficeTests {
    static func tool(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let available = tool("soffice") != nil && tool("pdftotext") != nil

    @Test(
        "the DOCX converts to PDF and the PDF holds the cover and the issues",
        .enabled(
            if: available,
            "needs soffice and pdftotext: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils"
        ),
        .timeLimit(.minutes(3))
    )
    func convertsToPDF() throws {
        let pack = try PackFixture.pack()
        let folder = try TemporaryFiles.folder("fineprint-pack")
        let docx = folder.appendingPathComponent("pack.docx")
        try DocxRenderer.render(pack).write(to: docx)
        // A private profile folder, so parallel runs do not share LibreOffice's lock.
        try Self.run(
            Self.tool("soffice")!,
            [
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf",
                "--outdir", folder.path, docx.path,
            ]
        )
        let pdf = folder.appendingPathComponent("pack.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        let text = try Self.run(Self.tool("pdftotext")!, ["-layout", pdf.path, "-"])
        #expect(text.contains("Negotiation pack"))
        #expect(text.contains("Proposed wording"))
        let first = try #require(pack.issues.first)
        let titleWords = first.title.split(separator: " ").prefix(3).joined(separator: " ")
        #expect(text.contains(titleWords), "the PDF lacks the first issue's title \(first.title)")
        #expect(text.contains("Page 1 of"))
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
