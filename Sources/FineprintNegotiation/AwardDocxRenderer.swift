import Foundation
import ZIPFoundation

/// The award sheet as a one-page Word document (A4 landscape), made of the negotiation pack's
/// parts: the same styles, table, numbering, header (matter name and date) and footer.
public enum AwardDocxRenderer {
    public static func parts(_ sheet: AwardSheet) -> [(path: String, xml: String)] {
        [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("docProps/core.xml", DocxParts.core(title: sheet.title, date: sheet.date)),
            ("word/document.xml", document(sheet)),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/styles.xml", DocxParts.styles),
            ("word/numbering.xml", DocxParts.numbering),
            ("word/settings.xml", DocxParts.plainSettings),
            ("word/header1.xml", DocxParts.header(matter: sheet.matter, date: sheet.date, kind: "award comparison")),
            ("word/footer1.xml", DocxParts.footer),
        ]
    }

    public static func render(_ sheet: AwardSheet) throws -> Data {
        try DocxRenderer.zip(parts(sheet))
    }

    /// Table text on the sheet: 6.5 pt, no space between paragraphs, so a requirement fits one line.
    static let text = "CompactText"

    static func document(_ sheet: AwardSheet) -> String {
        var body = DocxBody(date: sheet.date)
        body.add(sheet.title, style: "Title")
        var facts = "Date: \(sheet.date) · Judged against: \(sheet.profileName) · \(sheet.suppliers.count) suppliers"
        if sheet.anyReviewed { facts += " · ✎ marks what a reviewer changed (their readings are used)" }
        body.add(facts)
        body.raw(suppliersTable(sheet))
        body.raw(DocxBody.paragraph(""))
        body.raw(requirementsTable(sheet))
        // A4 landscape, 1 cm margins, so the whole sheet is one page.
        body.raw(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"default\" r:id=\"rId5\"/><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"567\" w:right=\"567\" w:bottom=\"567\" w:left=\"567\" w:header=\"284\" w:footer=\"284\" w:gutter=\"0\"/></w:sectPr>"
        )
        return DocxParts.declaration
            + "<w:document xmlns:w=\"\(DocxParts.main)\" xmlns:r=\"\(DocxParts.relationships)\"><w:body>\(body.xml)</w:body></w:document>"
    }

    static func suppliersTable(_ sheet: AwardSheet) -> String {
        let rows = sheet.ranked.map { s -> [String] in
            [
                DocxBody.cell(["\(s.rank)"], style: text),
                DocxBody.cell([s.name + (s.reviewed ? " ✎" : "")], boldFirst: true, style: text),
                DocxBody.cell([s.explained], style: text),
                DocxBody.cell([s.risks.isEmpty ? "none found" : s.risks.joined(separator: "; ")], style: text),
            ]
        }
        return DocxBody.table(
            widths: [600, 2800, 7104, 5200],
            header: ["Rank", "Supplier", "Score explained", "Main risks"],
            rows: rows,
            textStyle: text
        )
    }

    /// Requirement, asked, one column per supplier, then the best offer with its quote.
    static func requirementsTable(_ sheet: AwardSheet) -> String {
        let total = 15704
        let fixed = [2700, 700]
        let each = sheet.suppliers.count > 4 ? 1000 : 1500
        let best = max(3000, total - fixed.reduce(0, +) - each * sheet.suppliers.count)
        let rows = sheet.requirements.map { r -> [String] in
            [DocxBody.cell([r.name], style: text), DocxBody.cell([r.asked], style: text)]
                + r.cells.map { DocxBody.cell([$0], style: text) }
                + [DocxBody.cell(lead: r.bestOffer, r.quote, style: text)]
        }
        return DocxBody.table(
            widths: fixed + Array(repeating: each, count: sheet.suppliers.count) + [best],
            header: ["Requirement", "Asked"] + sheet.suppliers.map(\.name) + ["Best offer"],
            rows: rows,
            textStyle: text
        )
    }
}
