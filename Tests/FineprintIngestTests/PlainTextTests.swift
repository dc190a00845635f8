import FineprintCore
import FineprintIngest
import Foundation
import Testing

@Suite("Plain text")
struct PlainTextTests {
    let reader = DocumentReader()

    @Test func textIsUnchangedAndStructured() throws {
        let text = """
            MASTER SERVICES AGREEMENT

            ARTICLE 5

            Section 3. Governing Law

            1. DEFINITIONS
            1.1 "Customer Data" means all data the Customer provides. It includes logs.
            12.3 The Supplier shall host all Customer Data in the Union.
            (b) The Supplier keeps backups for 30 days;
            iv. No transfers take place without consent.
            - first bullet point
            • second bullet point

            A plain paragraph that wraps
            over two lines without stopping.
            """
        let doc = try reader.read(data: Data(text.utf8), name: "contract.txt")
        #expect(doc.format == .txt)
        #expect(doc.text == text)
        let headings = doc.blockTexts(.heading)
        #expect(headings == ["MASTER SERVICES AGREEMENT", "ARTICLE 5", "Section 3. Governing Law", "1. DEFINITIONS"])
        let clauses = doc.blocks.filter { $0.kind == .clause }
        #expect(clauses.map(\.number) == ["1.1", "12.3", "(b)", "iv"])
        #expect(doc.blockTexts(.listItem) == ["- first bullet point", "• second bullet point"])
        #expect(doc.blockTexts(.paragraph) == ["A plain paragraph that wraps\nover two lines without stopping."])
        #expect(doc.sentenceTexts.contains("1.1 \"Customer Data\" means all data the Customer provides."))
        #expect(doc.sentenceTexts.contains("It includes logs."))
        #expect(doc.offsetsAreConsistent)
        #expect(doc.blocks.first { $0.number == "1" }?.level == 1)
    }

    @Test func shaIsOfTheInputBytes() throws {
        let doc = try reader.read(data: Data("abc".utf8), name: "a.txt")
        #expect(doc.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func unicodeScalarOffsets() throws {
        let text = "Überprüfung — 72 h. The 👩🏽‍⚖️ reviews it within 48 hours.\n\nÄNDERUNGEN\nNo change without notice."
        let doc = try reader.read(data: Data(text.utf8), name: "u.txt")
        #expect(doc.text == text)
        #expect(doc.characterCount == text.unicodeScalars.count)
        #expect(
            doc.sentenceTexts == [
                "Überprüfung — 72 h.", "The 👩🏽‍⚖️ reviews it within 48 hours.", "ÄNDERUNGEN", "No change without notice.",
            ]
        )
        #expect(doc.sentences[0] == TextSpan(start: 0, end: 19))
        #expect(doc.blockTexts(.heading) == ["ÄNDERUNGEN"])
    }

    @Test func bomIsDropped() throws {
        let doc = try reader.read(data: Data([0xEF, 0xBB, 0xBF]) + Data("Hello there.".utf8), name: "b.txt")
        #expect(doc.text == "Hello there.")
    }

    @Test func longLinesWithGapsAsCUADWritesThem() throws {
        let text =
            "SERVICES AGREEMENT     This Agreement is made on 1 May 2020 (\"Effective Date\").     RECITALS     The Supplier builds systems.     1. DEFINITIONS. Words have meanings.     1.1. \"Data\" means data.\n"
        let doc = try reader.read(data: Data(text.utf8), name: "cuad.txt")
        #expect(doc.blockTexts(.heading).contains("RECITALS"))
        #expect(doc.blocks.contains { $0.kind == .clause && $0.number == "1.1" })
        #expect(
            doc.sentenceTexts == [
                "SERVICES AGREEMENT", "This Agreement is made on 1 May 2020 (\"Effective Date\").", "RECITALS",
                "The Supplier builds systems.", "1. DEFINITIONS.", "Words have meanings.", "1.1. \"Data\" means data.",
            ]
        )
        #expect(doc.offsetsAreConsistent)
    }

    @Test func readsFilesFromDisk() throws {
        let dir = try makeTempDir()
        defer { removeTempDir(dir) }
        let url = dir.appendingPathComponent("terms.text")
        try Data("The Supplier shall comply.".utf8).write(to: url)
        let doc = try reader.read(fileAt: url)
        #expect(doc.name == "terms.text")
        #expect(doc.format == .txt)
        #expect(doc.sentences.count == 1)
    }

    @Test func unknownExtensionIsSniffed() throws {
        let dir = try makeTempDir()
        defer { removeTempDir(dir) }
        let url = dir.appendingPathComponent("CONTRACT")
        try Data("Plain words here.".utf8).write(to: url)
        #expect(try reader.read(fileAt: url).format == .txt)
        let html = dir.appendingPathComponent("page.dat")
        try Data("<!DOCTYPE html><html><body><p>Hi there.</p></body></html>".utf8).write(to: html)
        #expect(try reader.read(fileAt: html).format == .html)
    }
}
