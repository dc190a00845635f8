import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintIngest
import Foundation
import Testing

let ocrToolsAvailable: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let has = { (tool: String) in path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") } }
    return has("pdftotext") && has("pdftoppm") && has("tesseract")
}()

let ocrSkip: Comment = "needs pdftotext, pdftoppm and tesseract (apt-get install poppler-utils tesseract-ocr tesseract-ocr-eng)"

/// A blank white page as an image-only PDF page.
func blankScan(pages: Int) -> Data {
    let (w, h) = (170, 220)
    return TestPDFWriter.imagePDF(Array(repeating: (w, h, Data(repeating: 255, count: w * h)), count: pages))
}

@Suite("OCR of scanned PDFs")
struct OCRTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func pageSummaryNamesRangesAndConfidence() {
        let pages = [1, 2, 3, 5].map { OCRPage(page: $0, meanConfidence: $0 == 5 ? 70 : 95, words: 100) }
        #expect(pages.ocrSummary == "pages 1–3, 5 read by OCR, mean confidence 89 %")
        #expect([OCRPage(page: 4, meanConfidence: 90.4, words: 10)].ocrSummary == "page 4 read by OCR, mean confidence 90 %")
        #expect([OCRPage]().ocrSummary == nil)
    }

    @Test(.enabled(if: ocrToolsAvailable, ocrSkip))
    func blankScanHasNoText() throws {
        #expect(throws: IngestError.noTextInPDF(name: "blank.pdf")) {
            try DocumentReader(ocr: OCRReader(languages: "eng")).read(data: blankScan(pages: 1), name: "blank.pdf")
        }
        #expect(throws: IngestError.noTextInPDF(name: "blank.pdf")) {
            try DocumentReader(ocr: nil).read(data: blankScan(pages: 1), name: "blank.pdf")
        }
    }

    @Test(.enabled(if: ocrToolsAvailable, ocrSkip))
    func boundsAndLanguagesAreChecked() throws {
        let limited = DocumentReader(ocr: OCRReader(languages: "eng", maxPages: 2))
        #expect(throws: IngestError.tooManyOCRPages(name: "long.pdf", pages: 3, limit: 2)) {
            try limited.read(data: blankScan(pages: 3), name: "long.pdf")
        }
        for bad in ["eng;rm -rf", "", "eng++fra", "-l"] {
            #expect(throws: IngestError.badOCRLanguages(bad)) {
                try DocumentReader(ocr: OCRReader(languages: bad)).read(data: blankScan(pages: 1), name: "x.pdf")
            }
        }
        #expect(IngestError.ocrToolMissing(tool: "tesseract", package: "tesseract-ocr").description.contains("apt-get install tesseract-ocr"))
        #expect(OCRReader.defaultLanguages().split(separator: "+").allSatisfy { ["eng", "fra", "spa", "ara"].contains($0) })
    }
}
