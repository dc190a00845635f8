import ArgumentParser
import FineprintCore
import FineprintIngest
import Foundation

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the text Fineprint reads from a document (or its structure as JSON).",
        discussion: """
            FILE may be a .txt, .md, .html, .pdf or .docx file. Without --structure the extracted text is
            printed as it is analysed; all offsets in Fineprint's reports count Unicode scalars of this text.
            With --structure, prints JSON: name, format, sha256, characters, ocr_pages (PDF pages read by
            OCR), blocks and sentences.
            """
    )

    @Argument(help: "The document to read.")
    var file: String

    @Flag(help: "Print the blocks and sentences as JSON instead of the text.")
    var structure = false

    @OptionGroup var limit: InputLimitOptions

    @OptionGroup(title: "Scanned PDFs")
    var ocr: OCROptions

    func run() async throws {
        let document = try DocumentReader(maxBytes: limit.maxSize, ocr: ocr.reader).read(
            fileAt: URL(fileURLWithPath: file)
        )
        if !structure {
            var text = document.text
            if !text.hasSuffix("\n") { text += "\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data: Data
        do { data = try encoder.encode(StructureOutput(document)) } catch {
            throw CLIError("cannot encode the structure: \(error)")
        }
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}

/// The JSON `fineprint extract --structure` prints.
struct StructureOutput: Encodable {
    struct Block: Encodable {
        var kind: String
        var start: Int
        var end: Int
        var level: Int?
        var number: String?
        /// A title run into the block's first line ("**12. Governing Law** These Terms…"), as offsets; null if none.
        var title: TextSpan?

        enum CodingKeys: String, CodingKey { case kind, start, end, level, number, title }

        /// Writes every key, `null` included, so readers see one shape for all blocks.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(level, forKey: .level)
            try c.encode(number, forKey: .number)
            try c.encode(title.map { ["start": $0.start, "end": $0.end] }, forKey: .title)
        }
    }
    struct Sentence: Encodable {
        var start: Int
        var end: Int
    }

    var name: String
    var format: String
    var sha256: String
    var characters: Int
    /// PDF pages read by OCR, absent when none were.
    var ocrPages: [OCRPage]?
    var blocks: [Block]
    var sentences: [Sentence]

    enum CodingKeys: String, CodingKey {
        case name, format, sha256, characters, blocks, sentences
        case ocrPages = "ocr_pages"
    }

    init(_ document: ExtractedDocument) {
        name = document.name
        format = document.format.rawValue
        sha256 = document.sha256
        characters = document.characterCount
        ocrPages = document.ocrPages.isEmpty ? nil : document.ocrPages
        blocks = document.blocks.map {
            Block(
                kind: $0.kind.rawValue,
                start: $0.span.start,
                end: $0.span.end,
                level: $0.level,
                number: $0.number,
                title: $0.title
            )
        }
        sentences = document.sentences.map { Sentence(start: $0.start, end: $0.end) }
    }
}
