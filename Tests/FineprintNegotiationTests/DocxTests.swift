import FineprintCore
import FineprintNegotiation
import FineprintTestSupport
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Negotiation pack as DOCX")
struct DocxTests {
    static let parts = [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
        "word/header1.xml", "word/footer1.xml",
    ]

    @Test("the package holds every part, each well-formed XML")
    func partsParse() throws {
        let entries = try Self.unzip(try DocxRenderer.render(try PackFixture.pack()))
        #expect(Set(entries.keys) == Set(Self.parts))
        for (path, data) in entries { #expect(Self.parses(data), "\(path) is not well-formed XML") }
    }

    @Test("the document has tracked insertions and deletions signed by Fineprint, a table, header and footer")
    func trackedChanges() throws {
        let entries = try Self.unzip(try DocxRenderer.render(try PackFixture.pack()))
        let document = try #require(entries["word/document.xml"].flatMap { String(data: $0, encoding: .utf8) })
        #expect(document.contains("<w:ins w:id="))
        #expect(document.contains("<w:del w:id="))
        #expect(document.contains("<w:delText"))
        #expect(document.contains("w:author=\"Fineprint\" w:date=\"2026-12-05T00:00:00Z\""))
        #expect(document.contains("<w:tbl>"))
        #expect(document.contains("<w:headerReference") && document.contains("<w:footerReference"))
        let header = try #require(entries["word/header1.xml"].flatMap { String(data: $0, encoding: .utf8) })
        #expect(header.contains("vendor-ai-terms.md") && header.contains("2026-12-05"))
        let footer = try #require(entries["word/footer1.xml"].flatMap { String(data: $0, encoding: .utf8) })
        #expect(footer.contains("PAGE") && footer.contains("NUMPAGES"))
        // Revision ids are unique.
        let ids =
            document.components(separatedBy: "<w:ins w:id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            + document.components(separatedBy: "<w:del w:id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
    }

    @Test("contract text with markup characters and forbidden control characters still gives valid XML")
    func hostileTextIsEscaped() throws {
        var pack = try PackFixture.pack()
        let hostile = "Supplier <b>may</b> & will \u{1}\u{8}\u{B}change \"terms\" 'at will' ]]> \u{FFFE}"
        pack.documentName = "a<b>&c\u{2}.docx"
        pack.supplier = "Acme & <Sons>"
        pack.issues[0].supplierText = hostile
        pack.issues[0].changes = [
            TrackedChange(op: .delete, text: hostile), TrackedChange(op: .insert, text: "ours & <b>"),
        ]
        for part in DocxRenderer.parts(pack) {
            #expect(Self.parses(Data(part.xml.utf8)), "\(part.path) is not well-formed")
            #expect(!part.xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        }
        #expect(XMLText.escape("a<b&\u{0}c") == "a&lt;b&amp;c")
    }

    static func unzip(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            entries[entry.path] = bytes
        }
        return entries
    }

    static func parses(_ data: Data) -> Bool { XMLParsingLock.run { XMLParser(data: data).parse() } }
}
