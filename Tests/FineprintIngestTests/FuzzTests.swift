import FineprintCore
import FineprintIngest
import Foundation
import FuzzSupport
import PropertyBased
import Testing

/// Every reader takes arbitrary bytes: mutated seed files (Tests/Fixtures/fuzz/<parser>/) and
/// random bytes either give a document whose offsets hold or a clear `IngestError`, never a
/// crash or a hang. `FINEPRINT_FUZZ_ITERATIONS` raises the count (scripts/fuzz.sh).
@Suite("Fuzz: ingestors", .timeLimit(.minutes(30)))
struct IngestFuzzTests {
    let reader = DocumentReader(maxBytes: 1_000_000)

    /// The property every reader keeps: a consistent document, or an IngestError.
    static func readsOrRefuses(_ read: () throws -> ExtractedDocument, _ input: Data) {
        do {
            let document = try read()
            #expect(document.offsetsAreConsistent, "inconsistent offsets for \(input.count) bytes")
            #expect(!document.text.isEmpty)
        } catch is IngestError {
            // A clear refusal is a right answer for a damaged file.
        } catch {
            Issue.record("not an IngestError: \(error) for \(input.count) bytes")
        }
    }

    @Test(arguments: ["txt", "markdown", "html"])
    func textFormats(_ parser: String) async {
        let name = ["txt": "fuzz.txt", "markdown": "fuzz.md", "html": "fuzz.html"][parser] ?? "fuzz.txt"
        await propertyCheck(count: FuzzInput.iterations, input: FuzzInput.generator(seeds: FuzzInput.seeds(parser))) {
            data in
            Self.readsOrRefuses({ try reader.read(data: data, name: name) }, data)
        }
    }

    /// Format detection from the content (no extension) on every kind of seed.
    @Test func sniffedFormat() async {
        let seeds = ["txt", "markdown", "html", "docx"].flatMap(FuzzInput.seeds)
        await propertyCheck(count: FuzzInput.iterations, input: FuzzInput.generator(seeds: seeds)) { data in
            Self.readsOrRefuses({ try reader.read(data: data, name: "upload") }, data)
        }
    }

    @Test func docxArchives() async {
        await propertyCheck(count: FuzzInput.iterations, input: FuzzInput.generator(seeds: FuzzInput.seeds("docx"))) {
            data in
            Self.readsOrRefuses({ try reader.read(data: data, name: "fuzz.docx") }, data)
        }
    }

    /// Mutations of word/document.xml inside a well-formed archive, so the XML reader is reached.
    @Test func docxXML() async throws {
        await propertyCheck(
            count: FuzzInput.iterations,
            input: FuzzInput.generator(seeds: FuzzInput.seeds("docx-xml"))
        ) { xml in
            guard let docx = try? makeZip(["word/document.xml": String(decoding: xml, as: UTF8.self)]) else { return }
            Self.readsOrRefuses({ try reader.read(data: docx, name: "fuzz.docx") }, xml)
        }
    }

    /// The PDF header check, and pdftotext's real output on damaged PDFs.
    @Test(.enabled(if: pdftotextAvailable, "pdftotext is not installed (apt-get install poppler-utils)"))
    func pdfFiles() async {
        await propertyCheck(
            count: max(FuzzInput.iterations / 5, 1),
            input: FuzzInput.generator(seeds: FuzzInput.seeds("pdf"))
        ) { data in
            Self.readsOrRefuses({ try reader.read(data: data, name: "fuzz.pdf") }, data)
        }
    }

    /// What we do with pdftotext's output (page numbers, form feeds, layout spacing, structure):
    /// a stand-in pdftotext writes the fuzzed bytes after the 9-byte PDF header as its output.
    @Test func pdfTextOutput() async throws {
        let folder = try makeTempDir()
        defer { removeTempDir(folder) }
        let tool = folder.appendingPathComponent("pdftotext")
        try Data("#!/bin/sh\ntail -c +10 \"$5\" > \"$6\"\n".utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        let fake = DocumentReader(maxBytes: 1_000_000, pdftotextPath: tool.path)
        let header = Data("%PDF-1.4\n".utf8)
        await propertyCheck(
            count: max(FuzzInput.iterations / 5, 1),
            input: FuzzInput.generator(seeds: FuzzInput.seeds("pdftext"))
        ) { text in
            let data = header + (text.starts(with: header) ? text.dropFirst(header.count) : text)
            Self.readsOrRefuses({ try fake.read(data: data, name: "fuzz.pdf") }, data)
        }
    }

    /// Every seed is itself read without trouble (a crash found by fuzzing stays a seed).
    @Test func seedsAreRead() {
        for (parser, name) in [("txt", "s.txt"), ("markdown", "s.md"), ("html", "s.html"), ("docx", "s.docx")] {
            for seed in FuzzInput.seeds(parser) {
                Self.readsOrRefuses({ try reader.read(data: seed, name: name) }, seed)
            }
        }
    }
}
