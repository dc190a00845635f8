import Foundation
import ZIPFoundation

/// The pack as a Word document (WordprocessingML, ISO/IEC 29500): a cover, the issues table, and
/// each issue's clause beside our wording as tracked changes the supplier can accept or reject.
public enum DocxRenderer {
    /// The parts of the package, path and XML, in the order they are zipped.
    public static func parts(_ pack: NegotiationPack) -> [(path: String, xml: String)] {
        [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("docProps/core.xml", DocxParts.core(title: PackWording.title(pack), date: pack.date)),
            ("word/document.xml", document(pack)),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/styles.xml", DocxParts.styles),
            ("word/numbering.xml", DocxParts.numbering),
            ("word/settings.xml", DocxParts.settings),
            ("word/header1.xml", DocxParts.header(matter: pack.documentName, date: pack.date)),
            ("word/footer1.xml", DocxParts.footer),
        ]
    }

    public static func render(_ pack: NegotiationPack) throws -> Data {
        try zip(parts(pack))
    }

    /// The parts zipped into one package, in order.
    static func zip(_ parts: [(path: String, xml: String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path,
                type: .file,
                uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func document(_ pack: NegotiationPack) -> String {
        var body = DocxBody(date: pack.date)
        cover(pack, into: &body)
        issuesTable(pack, into: &body)
        proposals(pack, into: &body)
        // A4 portrait, 2 cm margins; the header and footer parts are referenced here.
        body.raw(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"default\" r:id=\"rId5\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        )
        return DocxParts.declaration
            + "<w:document xmlns:w=\"\(DocxParts.main)\" xmlns:r=\"\(DocxParts.relationships)\"><w:body>\(body.xml)</w:body></w:document>"
    }

    static func cover(_ pack: NegotiationPack, into body: inout DocxBody) {
        body.add(PackWording.title(pack), style: "Title")
        for (label, value) in PackWording.cover(pack) { body.labelled(label, value) }
        for (title, items) in [("What cost points", pack.scoreLosses), ("What earned points", pack.scoreGains)]
        where !items.isEmpty {
            body.add(title, style: "Heading2")
            for line in PackWording.scoreLines(items) { body.add(line, style: "ListParagraph", list: 1) }
        }
    }

    static func issuesTable(_ pack: NegotiationPack, into body: inout DocxBody) {
        body.add("Issues", style: "Heading1")
        guard !pack.issues.isEmpty else {
            body.add("Nothing to negotiate against this profile.")
            return
        }
        let rows = pack.issues.map { issue -> [String] in
            [
                DocxBody.cell([PackWording.heading(issue)], boldFirst: true),
                DocxBody.cell(
                    [PackWording.whereFound(issue)] + (PackWording.quote(issue, limit: 300).map { [$0] } ?? [])
                ),
                DocxBody.cell([issue.why]),
                DocxBody.cell([PackWording.ask(issue)]),
                DocxBody.cell(issue.fallbacks.prefix(1).map { $0 }),
                DocxBody.cell(issue.basis.map(\.citation)),
            ]
        }
        body.raw(
            DocxBody.table(
                widths: [1400, 2000, 1650, 1650, 1650, 1288],
                header: [
                    "Issue", "What the supplier's text says", "Why it matters", "What we ask", "Fallback", "Source",
                ],
                rows: rows
            )
        )
    }

    static func proposals(_ pack: NegotiationPack, into body: inout DocxBody) {
        guard !pack.issues.isEmpty else { return }
        body.add("Proposed wording", style: "Heading1")
        body.add(
            "Each issue shows the supplier's clause beside our wording. The changes are Word tracked changes by "
                + "\(DocxBody.author): accept or reject each one; a missing provision is one insertion."
        )
        for issue in pack.issues {
            body.add(PackWording.heading(issue), style: "Heading2")
            let supplier =
                issue.supplierText.map { DocxBody.cell([PackWording.whereFound(issue), $0]) }
                ?? DocxBody.cell(["Not in the document."])
            let ours = DocxBody.paragraph(DocxBody.run(issue.askTitle, bold: true), style: "TableText")
            let marked = body.tracked(issue.changes)
            body.raw(
                DocxBody.table(
                    widths: [4819, 4819],
                    header: ["The supplier's clause", "Our proposed wording (tracked changes)"],
                    rows: [[supplier, ours + marked]]
                )
            )
            for (n, fallback) in issue.fallbacks.enumerated() {
                body.labelled(n == 0 ? "Fallback" : "Second fallback", fallback)
            }
            if let walkAway = issue.walkAway { body.labelled("Walk-away line", walkAway) }
            body.labelled("Why it matters", issue.why)
            for line in issue.basis {
                body.add(line.text + (line.url.map { " (\($0))" } ?? ""), style: "ListParagraph", list: 1)
            }
        }
    }
}
