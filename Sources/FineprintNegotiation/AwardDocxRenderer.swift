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
            ("word/settings.xml", DocxParts.settings),
            ("word/header1.xml", DocxParts.header(matter: sheet.matter, date: sheet.date, kind: "award comparison")),
            ("word/footer1.xml", DocxParts.footer),
        ]
    }

    public static func render(_ sheet: AwardSheet) throws -> Data {
        try DocxRenderer.zip(parts(sheet))
    }

    static func document(_ sheet: AwardSheet) -> String {
        var body = DocxBody(date: sheet.date)
        body.add(sheet.title, style: "Title")
        body.labelled("Date", sheet.date)
        body.labelled("Judged against", sheet.profileName)
        body.labelled("Suppliers", sheet.ranked.map { "\($0.rank). \($0.name) (\($0.score)/100)" }.joined(separator: "; "))
        if sheet.anyReviewed {
            body.labelled("Review", "people reviewed some analyses; their readings are used, ✎ marks what they changed")
        }
        body.add("Scores and main risks", style: "Heading2")
        body.raw(suppliersTable(sheet))
        body.add("Requirements and best offer", style: "Heading2")
        body.raw(requirementsTable(sheet))
        // A4 landscape, 1.27 cm margins: one page for up to a dozen suppliers' columns.
        body.raw(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"default\" r:id=\"rId5\"/><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"720\" w:right=\"720\" w:bottom=\"720\" w:left=\"720\" w:header=\"360\" w:footer=\"360\" w:gutter=\"0\"/></w:sectPr>"
        )
        return DocxParts.declaration
            + "<w:document xmlns:w=\"\(DocxParts.main)\" xmlns:r=\"\(DocxParts.relationships)\"><w:body>\(body.xml)</w:body></w:document>"
    }

    static func suppliersTable(_ sheet: AwardSheet) -> String {
        let rows = sheet.ranked.map { s -> [String] in
            [
                DocxBody.cell(["\(s.rank)"]),
                DocxBody.cell([s.name + (s.reviewed ? " ✎" : "")], boldFirst: true),
                DocxBody.cell(["\(s.score)/100"]),
                DocxBody.cell([s.explained]),
                DocxBody.cell(s.risks.isEmpty ? ["none found"] : s.risks),
            ]
        }
        return DocxBody.table(
            widths: [500, 2400, 800, 6798, 4900],
            header: ["Rank", "Supplier", "Score", "Score explained", "Main risks"],
            rows: rows
        )
    }

    /// Requirement, asked, one column per supplier, then the best offer with its quote.
    static func requirementsTable(_ sheet: AwardSheet) -> String {
        let total = 15398
        let fixed = [2300, 900]
        let best = 4200
        let each = max(600, (total - fixed.reduce(0, +) - best) / max(1, sheet.suppliers.count))
        let rows = sheet.requirements.map { r -> [String] in
            [DocxBody.cell([r.name], boldFirst: true), DocxBody.cell([r.asked])]
                + r.cells.map { DocxBody.cell([$0]) }
                + [DocxBody.cell([r.bestOffer] + (r.quote.map { [$0] } ?? []), boldFirst: true)]
        }
        return DocxBody.table(
            widths: fixed + Array(repeating: each, count: sheet.suppliers.count) + [best],
            header: ["Requirement", "Asked"] + sheet.suppliers.map(\.name) + ["Best offer"],
            rows: rows
        )
    }
}
