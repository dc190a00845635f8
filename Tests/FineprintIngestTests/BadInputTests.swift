import FineprintCore
import FineprintIngest
import Foundation
import Testing

@Suite("Bad inputs")
struct BadInputTests {
    let reader = DocumentReader()

    @Test func emptyAndWhitespace() throws {
        #expect(throws: IngestError.empty(name: "e.txt")) { try reader.read(data: Data(), name: "e.txt") }
        #expect(throws: IngestError.empty(name: "w.txt")) {
            try reader.read(data: Data(" \n\t\r\n  ".utf8), name: "w.txt")
        }
        #expect(throws: IngestError.empty(name: "w.html")) {
            try reader.read(data: Data("<html><body> <p> </p></body></html>".utf8), name: "w.html")
        }
        #expect(throws: IngestError.empty(name: "w.md")) {
            try reader.read(data: Data("#\n\n---\n".utf8), name: "w.md")
        }
    }

    @Test func missingFileAndFolder() throws {
        #expect(throws: IngestError.notFound(path: "/nonexistent/contract.txt")) {
            try reader.read(fileAt: URL(fileURLWithPath: "/nonexistent/contract.txt"))
        }
        let dir = try makeTempDir()
        defer { removeTempDir(dir) }
        #expect { try reader.read(fileAt: dir) } throws: { error in
            guard case IngestError.unreadable = error else { return false }
            return true
        }
    }

    @Test func binary() throws {
        let bytes: [UInt8] = [
            0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00, 0x01, 0xFF,
            0x00, 0x10,
        ]
        #expect(throws: IngestError.binary(name: "prog.txt")) { try reader.read(data: Data(bytes), name: "prog.txt") }
        let controls = Data((0..<200).map { UInt8($0 % 31 + 1) })
        #expect(throws: IngestError.binary(name: "c.txt")) { try reader.read(data: controls, name: "c.txt") }
    }

    @Test func windows1252IsDecodedNotLost() throws {
        // "Überprüfung – 72 h: “fees” €5" in Windows-1252.
        let bytes: [UInt8] = [
            0xDC, 0x62, 0x65, 0x72, 0x70, 0x72, 0xFC, 0x66, 0x75, 0x6E, 0x67, 0x20, 0x96, 0x20, 0x37, 0x32, 0x20, 0x68,
            0x3A, 0x20, 0x93, 0x66, 0x65, 0x65, 0x73, 0x94, 0x20, 0x80, 0x35, 0x2E,
        ]
        let doc = try reader.read(data: Data(bytes), name: "legacy.txt")
        #expect(doc.text == "Überprüfung – 72 h: “fees” €5.")
        #expect(doc.characterCount == bytes.count)
    }

    @Test func utf16() throws {
        let text = "Überprüfung — 72 h. 🎉 Done."
        var le = Data([0xFF, 0xFE])
        for unit in text.utf16 {
            le.append(UInt8(unit & 0xFF))
            le.append(UInt8(unit >> 8))
        }
        #expect(try reader.read(data: le, name: "le.txt").text == text)
        var be = Data([0xFE, 0xFF])
        for unit in text.utf16 {
            be.append(UInt8(unit >> 8))
            be.append(UInt8(unit & 0xFF))
        }
        #expect(try reader.read(data: be, name: "be.txt").text == text)
        // Without a BOM, but plainly UTF-16LE.
        var noBOM = Data()
        for unit in "Plain ASCII words in UTF-16.".utf16 {
            noBOM.append(UInt8(unit & 0xFF))
            noBOM.append(UInt8(unit >> 8))
        }
        #expect(try reader.read(data: noBOM, name: "nobom.txt").text == "Plain ASCII words in UTF-16.")
        // A BOM followed by an odd number of bytes cannot be UTF-16.
        #expect(throws: IngestError.undecodable(name: "odd.txt", encoding: "UTF-16")) {
            try reader.read(data: Data([0xFF, 0xFE, 0x41, 0x00, 0x42]), name: "odd.txt")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func fiftyMegabyteFileIsRefusedBySize() throws {
        let dir = try makeTempDir()
        defer { removeTempDir(dir) }
        let url = dir.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50_000_000)  // sparse: nothing is written or read
        try handle.close()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: IngestError.tooLarge(name: "huge.txt", bytes: 50_000_000, limit: 25_000_000)) {
                try reader.read(fileAt: url)
            }
        }
        #expect(elapsed < .milliseconds(500))
        let message = IngestError.tooLarge(name: "huge.txt", bytes: 50_000_000, limit: 25_000_000).description
        #expect(message.contains("50000000") && message.contains("25000000") && message.contains("--max-size"))
        // The limit applies to data too, and can be raised.
        #expect(throws: IngestError.tooLarge(name: "d.txt", bytes: 11, limit: 10)) {
            try DocumentReader(maxBytes: 10).read(data: Data("Hello world".utf8), name: "d.txt")
        }
        #expect(
            try DocumentReader(maxBytes: 11).read(data: Data("Hello world".utf8), name: "d.txt").text == "Hello world"
        )
    }

    @Test func unsupportedFormat() throws {
        #expect { try reader.read(data: Data("{\\rtf1 hello}".utf8), name: "letter.rtf") } throws: { error in
            guard case IngestError.unsupportedFormat = error else { return false }
            return "\(error)".contains(".docx")
        }
    }

    @Test func descriptionsAreOneLine() {
        let errors: [IngestError] = [
            .notFound(path: "a"), .unreadable(path: "a", reason: "r"), .empty(name: "a"),
            .tooLarge(name: "a", bytes: 2, limit: 1),
            .binary(name: "a"), .undecodable(name: "a", encoding: "UTF-16"), .unsupportedFormat(name: "a", detail: "d"),
            .encryptedPDF(name: "a"), .malformedPDF(name: "a", detail: "d"), .noTextInPDF(name: "a"),
            .pdftotextMissing(path: nil),
            .pdftotextFailed(name: "a", detail: "d"), .corruptDOCX(name: "a", detail: "d"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(error.description.count > 20)
        }
    }
}

@Suite("CUAD texts")
struct CUADTextTests {
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: cuadTextFolder.path),
            "needs /work/shared/data/cuad/contracts"
        )
    )
    func allContractsReadQuickly() throws {
        let files = try FileManager.default.contentsOfDirectory(at: cuadTextFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        let reader = DocumentReader()
        let clock = ContinuousClock()
        var characters = 0
        var sentences = 0
        var blocks = 0
        var longest = 0
        let elapsed = try clock.measure {
            for url in files {
                let doc = try reader.read(fileAt: url)
                #expect(doc.offsetsAreConsistent)
                characters += doc.characterCount
                sentences += doc.sentences.count
                blocks += doc.blocks.count
                longest = max(longest, doc.sentences.map(\.length).max() ?? 0)
            }
        }
        print(
            "CUAD texts: \(files.count) files, \(characters) characters, \(blocks) blocks, \(sentences) sentences (longest \(longest)) in \(elapsed)"
        )
    }
}
