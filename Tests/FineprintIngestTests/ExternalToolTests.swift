import FineprintCore
import FineprintIngest
import Foundation
import Testing

/// The PDF reader runs pdftotext as a child process: its arguments, its exit status, its standard error and a child
/// that dies are read back, here through stand-in scripts.
@Suite struct ExternalToolTests {
    /// A stand-in for pdftotext: a shell script with `body`, in a fresh folder.
    func standIn(_ body: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fineprint-tool-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("pdftotext")
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    func read(with tool: String) throws -> ExtractedDocument {
        try DocumentReader(maxBytes: 1_000_000, pdftotextPath: tool).read(data: makePDF(lines: ["x"]), name: "a.pdf")
    }

    @Test func theToolsOutputFileIsRead() throws {
        // pdftotext -layout -enc UTF-8 IN OUT: the fifth argument is the output file.
        let tool = try standIn("printf 'The Supplier shall not train on Customer Data.\\n' > \"$5\"")
        #expect(try read(with: tool).text.contains("shall not train on Customer Data"))
    }

    @Test func aFailingToolsStandardErrorIsTheMessage() throws {
        let tool = try standIn("echo 'Syntax Error: broken xref table' >&2; exit 1")
        #expect(throws: IngestError.malformedPDF(name: "a.pdf", detail: "Syntax Error: broken xref table")) {
            try read(with: tool)
        }
    }

    @Test func aPasswordErrorMeansAnEncryptedPDF() throws {
        let tool = try standIn("echo 'Command Line Error: Incorrect password' >&2; exit 3")
        #expect(throws: IngestError.encryptedPDF(name: "a.pdf")) { try read(with: tool) }
    }

    @Test func aChildKilledBySignalIsAFailureNotACrash() throws {
        let tool = try standIn("kill -9 $$")
        #expect(throws: IngestError.self) { try read(with: tool) }
        do { _ = try read(with: tool) } catch let error as IngestError {
            #expect(error.description.contains("137"))
        }
    }
}
