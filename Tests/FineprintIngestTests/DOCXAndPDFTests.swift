import FineprintCore
import FineprintIngest
import Foundation
import Testing
import ZIPFoundation

@Suite("DOCX")
struct DOCXTests {
    let reader = DocumentReader()

    @Test func paragraphsHeadingsAndLists() throws {
        let body = [
            paragraph("Cloud Services Agreement", style: "Title"),
            paragraph("Data Location", style: "Heading1"),
            paragraph("Überprüfung — 72 h. The 👩🏽‍⚖️ decides."),
            paragraph("Backups stay in the Union", numbered: 0),
            paragraph("Including copies", numbered: 1),
            paragraph("12.3 The Supplier gives notice."),
            "<w:p><w:r><w:t>Col A</w:t></w:r><w:r><w:tab/><w:t>Col B</w:t><w:br/><w:t>Next line</w:t></w:r><w:r><w:delText>deleted words</w:delText></w:r></w:p>",
            "<w:p/>",
            paragraph("Fees &amp; costs are fixed.", style: "Heading2"),
        ].joined()
        let doc = try reader.read(data: try makeDOCX(body: body), name: "agreement.docx")
        #expect(doc.format == .docx)
        let headings = doc.blocks.filter { $0.kind == .heading }
        #expect(
            headings.map { doc.slice($0.span) } == [
                "Cloud Services Agreement", "Data Location", "Fees & costs are fixed.",
            ]
        )
        #expect(headings.map(\.level) == [1, 1, 2])
        let items = doc.blocks.filter { $0.kind == .listItem }
        #expect(items.map { doc.slice($0.span) } == ["Backups stay in the Union", "Including copies"])
        #expect(items.map(\.level) == [1, 2])
        #expect(doc.blocks.contains { $0.kind == .clause && $0.number == "12.3" })
        #expect(doc.text.contains("Col A\tCol B\nNext line"))
        #expect(!doc.text.contains("deleted words"))
        #expect(doc.sentenceTexts.contains("Überprüfung — 72 h."))
        #expect(doc.sentenceTexts.contains("The 👩🏽‍⚖️ decides."))
        let first = try #require(doc.sentences.first { doc.slice($0) == "The 👩🏽‍⚖️ decides." })
        let scalars = Array(doc.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[first.start..<first.end])) == "The 👩🏽‍⚖️ decides.")
        #expect(doc.offsetsAreConsistent)
    }

    @Test func corruptDOCX() throws {
        // Not a zip at all, though named .docx.
        #expect(throws: IngestError.corruptDOCX(name: "bad.docx", detail: "not a ZIP archive")) {
            try reader.read(data: Data("this is not a zip".utf8), name: "bad.docx")
        }
        // A zip without word/document.xml.
        let zip = try makeZip(["hello.txt": "hi"])
        #expect(throws: IngestError.corruptDOCX(name: "empty.docx", detail: "no word/document.xml inside")) {
            try reader.read(data: zip, name: "empty.docx")
        }
        // Bad XML.
        let bad = try makeZip(["word/document.xml": "<w:document><w:body><w:p><w:t>unclosed"])
        #expect { try reader.read(data: bad, name: "badxml.docx") } throws: { error in
            guard case IngestError.corruptDOCX(_, let detail) = error else { return false }
            return detail.contains("not well-formed")
        }
        // Entity expansion.
        let bomb = try makeZip([
            "word/document.xml":
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>"
        ])
        #expect { try reader.read(data: bomb, name: "bomb.docx") } throws: { error in
            guard case IngestError.corruptDOCX(_, let detail) = error else { return false }
            return detail.contains("DTD")
        }
    }

    /// Bytes cut from a larger buffer (an upload's part of a form) keep their parent's indices.
    @Test func aDOCXGivenAsASliceOfLargerBytesIsRead() throws {
        let docx = try makeDOCX(body: paragraph("The Supplier shall delete all Customer Data."))
        let slice = (Data("form preamble".utf8) + docx).dropFirst(13)
        #expect(slice.startIndex == 13)
        let doc = try reader.read(data: slice, name: "part.docx")
        #expect(doc.text.contains("The Supplier shall delete all Customer Data."))
    }

    /// A deflate stream that does not end within its entry's bytes (here a stored block claiming 65,535 bytes)
    /// once had the inflater read on to the archive's end and then loop for ever.
    @Test(.timeLimit(.minutes(1))) func aStreamThatOutrunsItsEntryIsDamagedNotAHang() throws {
        var data = try makeDOCX(body: paragraph("The Supplier shall delete all Customer Data."))
        let name = Data("word/document.xml".utf8)
        let header = try #require(data.range(of: Data([0x50, 0x4b, 0x03, 0x04]), in: 0..<data.count))
        var start = header.lowerBound
        // The local header of word/document.xml: its name follows the 30 fixed bytes.
        while data.subdata(in: (start + 30)..<(start + 30 + name.count)) != name {
            start = try #require(data.range(of: Data([0x50, 0x4b, 0x03, 0x04]), in: (start + 4)..<data.count))
                .lowerBound
        }
        let extra = Int(data[start + 28]) | Int(data[start + 29]) << 8
        let packed = start + 30 + name.count + extra
        data.replaceSubrange(packed..<(packed + 5), with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        #expect { try reader.read(data: data, name: "outrun.docx") } throws: { error in
            guard case IngestError.corruptDOCX(_, let detail) = error else { return false }
            return detail.contains("damaged")
        }
    }

    @Test func zipBombIsRefusedBeforeUnpacking() throws {
        // 2 MB of zeros compresses to a few KB; with a 1 KB limit it may unpack to at most 10 KB.
        let xml =
            "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>" + String(repeating: "a", count: 2_000_000)
            + "</w:t></w:r></w:p></w:body></w:document>"
        let data = try makeZip(["word/document.xml": xml])
        #expect(data.count < 20_000)
        let small = DocumentReader(maxBytes: 20_000)
        #expect { try small.read(data: data, name: "bomb.docx") } throws: { error in
            guard case IngestError.corruptDOCX(_, let detail) = error else { return false }
            return detail.contains("zip bomb")
        }
    }

    @Test func zipThatIsNotDOCXWithoutExtension() throws {
        let zip = try makeZip(["a.txt": "x"])
        #expect { try reader.read(data: zip, name: "archive") } throws: { error in
            guard case IngestError.unsupportedFormat = error else { return false }
            return true
        }
        let docx = try makeDOCX(body: paragraph("Sniffed as Word."))
        #expect(try reader.read(data: docx, name: "upload.bin").format == .docx)
    }
}

@Suite("PDF")
struct PDFTests {
    let reader = DocumentReader()

    @Test(.enabled(if: pdftotextAvailable, "pdftotext is not installed (apt-get install poppler-utils)"))
    func tinyHandWrittenPDF() throws {
        let pdf = makePDF(lines: [
            "DATA PROTECTION", "", "12.3 The Supplier stores Customer Data in the", "Union. Backups stay there too.",
            "Überprüfung within 72 hours.", "", "3",
        ])
        let doc = try reader.read(data: pdf, name: "tiny.pdf")
        #expect(doc.format == .pdf)
        #expect(doc.text.contains("DATA PROTECTION"))
        #expect(doc.text.contains("Überprüfung within 72 hours."))
        #expect(doc.blocks.first?.kind == .heading)
        #expect(doc.blocks.contains { $0.kind == .clause && $0.number == "12.3" })
        #expect(doc.sentenceTexts.contains("12.3 The Supplier stores Customer Data in the\nUnion."))
        #expect(!doc.sentenceTexts.contains("3"))
        #expect(doc.offsetsAreConsistent)
    }

    @Test(.enabled(if: pdftotextAvailable, "pdftotext is not installed (apt-get install poppler-utils)"))
    func pdfFromDiskAndSniffed() throws {
        let dir = try makeTempDir()
        defer { removeTempDir(dir) }
        let url = dir.appendingPathComponent("scan")
        try makePDF(lines: ["The Supplier shall comply."]).write(to: url)
        let doc = try reader.read(fileAt: url)
        #expect(doc.format == .pdf)
        #expect(doc.sentenceTexts == ["The Supplier shall comply."])
    }

    @Test(.enabled(if: pdftotextAvailable, "pdftotext is not installed (apt-get install poppler-utils)"))
    func truncatedAndBogusPDFs() throws {
        let full = makePDF(lines: ["Some text here."])
        let truncated = full.prefix(60)
        #expect { try reader.read(data: truncated, name: "cut.pdf") } throws: { error in
            switch error as? IngestError {
            case .malformedPDF, .noTextInPDF: return true
            default: return false
            }
        }
        #expect { try reader.read(data: Data("hello, not a pdf".utf8), name: "fake.pdf") } throws: { error in
            guard case IngestError.malformedPDF(_, let detail) = error else { return false }
            return detail.contains("%PDF-")
        }
    }

    @Test(.enabled(if: pdftotextAvailable, "pdftotext is not installed (apt-get install poppler-utils)"))
    func encryptedPDF() throws {
        // A Standard security handler whose empty user password does not match: readers need a password.
        let pdf = makePDF(lines: ["Secret terms."], encrypt: true)
        #expect(throws: IngestError.encryptedPDF(name: "locked.pdf")) {
            try reader.read(data: pdf, name: "locked.pdf")
        }
    }

    @Test func missingPdftotext() throws {
        let noTool = DocumentReader(maxBytes: 1_000_000, pdftotextPath: "/nonexistent/bin/pdftotext")
        #expect(throws: IngestError.pdftotextMissing(path: "/nonexistent/bin/pdftotext")) {
            try noTool.read(data: makePDF(lines: ["x"]), name: "a.pdf")
        }
        #expect(IngestError.pdftotextMissing(path: nil).description.contains("apt-get install poppler-utils"))
    }

    @Test(
        .enabled(
            if: pdftotextAvailable && FileManager.default.fileExists(atPath: cuadPDFFolder.path),
            "needs pdftotext and /work/shared/data/cuad/pdf"
        )
    )
    func cuadPDFs() throws {
        let files = try FileManager.default.contentsOfDirectory(at: cuadPDFFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension.lowercased() == "pdf" }
        #expect(!files.isEmpty)
        let clock = ContinuousClock()
        var characters = 0
        var sentences = 0
        let elapsed = try clock.measure {
            for url in files {
                let doc = try reader.read(fileAt: url)
                #expect(doc.characterCount > 1000, "\(url.lastPathComponent)")
                #expect(doc.sentences.count > 20, "\(url.lastPathComponent)")
                #expect(doc.offsetsAreConsistent)
                characters += doc.characterCount
                sentences += doc.sentences.count
            }
        }
        print("CUAD PDFs: \(files.count) files, \(characters) characters, \(sentences) sentences in \(elapsed)")
    }
}
