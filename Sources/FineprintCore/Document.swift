/// The input formats Fineprint reads. Raw values are the ones the analysis JSON uses.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    case txt, markdown, html, pdf, docx
}

/// A half-open range of Unicode-scalar offsets into a document's extracted text.
public struct TextSpan: Hashable, Codable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

/// What a structural block of a document is.
public enum BlockKind: String, Codable, Sendable {
    case heading
    /// A numbered clause such as "12.3 The Supplier shall…".
    case clause
    case listItem = "list_item"
    case paragraph
}

/// A structural unit of the extracted text.
public struct TextBlock: Hashable, Codable, Sendable {
    public var kind: BlockKind
    public var span: TextSpan
    /// Heading depth (1 = top) for headings, nesting depth for list items.
    public var level: Int?
    /// The clause or list number as written ("12.3", "(b)", "iv").
    public var number: String?
    /// A title run into the block's first line, at its start: a bold lead in Markdown ("**12. Governing Law** These
    /// Terms are governed…") or HTML (`<strong>`, `<b>`). It heads this block only, as a heading block heads what
    /// follows it.
    public var title: TextSpan?

    public init(kind: BlockKind, span: TextSpan, level: Int? = nil, number: String? = nil, title: TextSpan? = nil) {
        self.kind = kind
        self.span = span
        self.level = level
        self.number = number
        self.title = title
    }
}

/// One document's extracted text with its structure. All offsets count Unicode scalars of `text`.
public struct ExtractedDocument: Sendable {
    public var name: String
    public var format: DocumentFormat
    /// Hex SHA-256 of the input file's bytes (of the text's UTF-8 when there was no file).
    public var sha256: String
    public var text: String
    public var blocks: [TextBlock]
    public var sentences: [TextSpan]
    /// The pages of a PDF whose text was read by OCR (empty when every page had a text layer).
    public var ocrPages: [OCRPage]

    public init(
        name: String,
        format: DocumentFormat,
        sha256: String,
        text: String,
        blocks: [TextBlock],
        sentences: [TextSpan],
        ocrPages: [OCRPage] = []
    ) {
        self.name = name
        self.format = format
        self.sha256 = sha256
        self.text = text
        self.blocks = blocks
        self.sentences = sentences
        self.ocrPages = ocrPages
    }

    /// Length of `text` in Unicode scalars.
    public var characterCount: Int { text.unicodeScalars.count }
}
