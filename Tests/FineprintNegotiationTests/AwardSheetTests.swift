import FineprintCompare
import FineprintCore
import FineprintNegotiation
import FineprintReport
import FineprintTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The award sheet of our fixture contracts: what a committee attaches, as DOCX and as PDF.
@Suite("Award sheet")
struct AwardSheetTests {
    static let contracts = ["vendor-ai-terms.md", "sovereign-framework-agreement.txt"]

    static func inputs() throws -> [ReportInput] { try contracts.map { try PackFixture.input($0) } }

    static func sheet(_ inputs: [ReportInput]) throws -> (AwardSheet, Comparison) {
        let first = try #require(inputs.first)
        let comparison = Comparison.build(inputs.map(\.analysis), corpus: first.corpus, playbook: first.playbook)
        return (
            AwardSheet(comparison, inputs: inputs, matter: "Chatbot tender 2026/14", date: PackFixture.date), comparison
        )
    }

    @Test("the sheet ranks the suppliers with their explained scores, risks and the best offer per requirement")
    func sheetContents() throws {
        let inputs = try Self.inputs()
        let (sheet, comparison) = try Self.sheet(inputs)
        #expect(sheet.suppliers.map(\.name) == Self.contracts)
        for (supplier, input) in zip(sheet.suppliers, inputs) {
            #expect(supplier.explained == ScoreExplanation(input.analysis).oneLine())
            #expect(supplier.risks == Verdict(input).risks.prefix(3).map(\.headline))
        }
        #expect(sheet.suppliers.contains { !$0.risks.isEmpty })
        let asked = comparison.provisions.filter { $0.requirement != nil }
        #expect(sheet.requirements.count == asked.count && !asked.isEmpty)
        #expect(sheet.requirements.allSatisfy { $0.cells.count == 2 })
        #expect(sheet.requirements.contains { Self.contracts.contains($0.bestOffer) && $0.quote != nil })
    }

    @Test("a cell a person changed carries the reviewer's marker")
    func reviewedCellsAreMarked() throws {
        var inputs = try Self.inputs()
        let first = try #require(
            inputs[0].corpus.taxonomy.provisions.first { inputs[0].playbook.requirement(for: $0.id) != nil }
        )
        inputs[0].reviewMarks = ReviewMarks(
            state: .reviewed,
            changedCells: [first.id: [.status]],
            machineScore: inputs[0].analysis.score
        )
        let (sheet, _) = try Self.sheet(inputs)
        let row = try #require(sheet.requirements.first { $0.name == first.name })
        #expect(row.cells[0].hasSuffix(ReviewMarks.marker))
        #expect(!row.cells[1].contains(ReviewMarks.marker))
        #expect(sheet.suppliers[0].reviewed && !sheet.suppliers[1].reviewed)
    }

    @Test("the DOCX holds every part, each well-formed, landscape, with the matter and date in the header")
    func docxParts() throws {
        let (sheet, _) = try Self.sheet(try Self.inputs())
        let entries = try DocxTests.unzip(try AwardDocxRenderer.render(sheet))
        #expect(Set(entries.keys) == Set(DocxTests.parts))
        for (path, data) in entries { #expect(DocxTests.parses(data), "\(path) is not well-formed XML") }
        let document = try #require(entries["word/document.xml"].flatMap { String(data: $0, encoding: .utf8) })
        #expect(document.contains("w:orient=\"landscape\""))
        #expect(document.contains("<w:tbl>") && document.contains("<w:tblHeader/>"))
        #expect(document.contains("Best offer") && document.contains("Main risks"))
        let header = try #require(entries["word/header1.xml"].flatMap { String(data: $0, encoding: .utf8) })
        #expect(header.contains("Chatbot tender 2026/14") && header.contains("award comparison"))
        #expect(header.contains(PackFixture.date))
    }

    @Test("without soffice on the PATH the PDF is refused with a message naming what to install")
    func missingLibreOfficeIsSaidPlainly() {
        #expect(OfficeConversion.soffice(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(OfficeConversion.Failure.missing.description.contains("libreoffice-writer-nogui"))
    }

    @Test(
        "the PDF made through LibreOffice holds the suppliers and the best offers on one page",
        .enabled(
            if: LibreOfficeTests.available,
            "needs soffice and pdftotext: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation"
        ),
        .timeLimit(.minutes(3))
    )
    func convertsToPDF() throws {
        let (sheet, _) = try Self.sheet(try Self.inputs())
        let pdf = try OfficeConversion.pdf(fromDocx: try AwardDocxRenderer.render(sheet))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        let folder = try TemporaryFiles.folder("fineprint-award")
        let file = folder.appendingPathComponent("award.pdf")
        try pdf.write(to: file)
        let text = try LibreOfficeTests.run(LibreOfficeTests.tool("pdftotext")!, [file.path, "-"])
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Award comparison"))
        for supplier in sheet.suppliers { #expect(flat.contains(supplier.name), "the PDF lacks \(supplier.name)") }
        let named = sheet.requirements.map(\.bestOffer).filter { Self.contracts.contains($0) }
        #expect(!named.isEmpty)
        #expect(text.contains("Best offer"))
        #expect(flat.contains("Page 1 of 1"), "the award sheet runs over one page")
    }
}
