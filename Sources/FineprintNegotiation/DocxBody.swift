/// WordprocessingML paragraphs, runs, tables and tracked changes, every text escaped.
struct DocxBody {
    /// Tracked changes are signed with this author and the pack's date.
    static let author = "Fineprint"

    private(set) var xml = ""
    /// The next revision id (w:id must be unique among w:ins and w:del).
    private var revision = 1
    let revisionDate: String

    init(date: String) { revisionDate = date + "T00:00:00Z" }

    static func run(_ text: String, bold: Bool = false, italic: Bool = false) -> String {
        let props = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "")
        return
            "<w:r>\(props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>")<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
    }

    static func paragraph(_ runs: String, style: String? = nil, list: Int? = nil) -> String {
        var props = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let list { props += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(list)\"/></w:numPr>" }
        return "<w:p>\(props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>")\(runs)</w:p>"
    }

    mutating func add(_ text: String, style: String? = nil, list: Int? = nil) {
        xml += Self.paragraph(Self.run(text), style: style, list: list)
    }

    /// A paragraph of a bold label followed by plain text.
    mutating func labelled(_ label: String, _ text: String) {
        xml += Self.paragraph(Self.run(label + ": ", bold: true) + Self.run(text))
    }

    mutating func raw(_ fragment: String) { xml += fragment }

    /// One paragraph of tracked changes: kept words plain, deletions in w:del, insertions in w:ins.
    mutating func tracked(_ changes: [TrackedChange]) -> String {
        var runs = ""
        for (i, change) in changes.enumerated() {
            let text = change.text + (i + 1 < changes.count ? " " : "")
            switch change.op {
            case .keep: runs += Self.run(text)
            case .insert:
                runs +=
                    "<w:ins w:id=\"\(revision)\" w:author=\"\(Self.author)\" w:date=\"\(revisionDate)\">\(Self.run(text))</w:ins>"
                revision += 1
            case .delete:
                runs +=
                    "<w:del w:id=\"\(revision)\" w:author=\"\(Self.author)\" w:date=\"\(revisionDate)\"><w:r><w:delText xml:space=\"preserve\">\(XMLText.escape(text))</w:delText></w:r></w:del>"
                revision += 1
            }
        }
        return Self.paragraph(runs, style: "TableText")
    }

    /// A table with a repeated header row; widths in twentieths of a point, cells already XML; header
    /// cells in `textStyle`.
    static func table(widths: [Int], header: [String], rows: [[String]], textStyle: String = "TableText") -> String {
        let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        var t =
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"PackTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>"
        t += "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        for (w, title) in zip(widths, header) {
            t +=
                "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8ECF0\"/></w:tcPr>\(paragraph(run(title, bold: true), style: textStyle))</w:tc>"
        }
        t += "</w:tr>"
        for row in rows {
            t += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (w, cell) in zip(widths, row) {
                t += "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/></w:tcPr>\(cell)</w:tc>"
            }
            t += "</w:tr>"
        }
        return t + "</w:tbl>"
    }

    /// Table cell content: one paragraph per line in `style` (a cell needs at least one paragraph).
    static func cell(_ lines: [String], boldFirst: Bool = false, style: String = "TableText") -> String {
        let shown = lines.isEmpty ? [""] : lines
        return shown.enumerated().map { i, line in
            paragraph(run(line, bold: boldFirst && i == 0), style: style)
        }.joined()
    }

    /// One paragraph in `style`: a bold lead and plain text after it.
    static func cell(lead: String, _ text: String?, style: String) -> String {
        paragraph(run(lead, bold: true) + (text.map { run(" " + $0) } ?? ""), style: style)
    }
}
