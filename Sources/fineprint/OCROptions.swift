import ArgumentParser
import FineprintIngest
import Foundation

/// How PDF pages without a text layer (scans) are read: OCR settings shared by the reading commands.
struct OCROptions: ParsableArguments {
    @Option(
        name: .customLong("ocr-languages"),
        help: ArgumentHelp(
            "Tesseract languages for scanned PDF pages, joined by + (default: those of eng+fra+spa+ara installed).",
            valueName: "langs"
        )
    )
    var languages: String?

    @Option(name: .customLong("ocr-max-pages"), help: "Most scanned pages one PDF may send to OCR.")
    var maxPages = 100

    @Option(name: .customLong("ocr-page-timeout"), help: "Seconds one page may take to render or read by OCR.")
    var pageTimeout = 120

    @Flag(name: .customLong("no-ocr"), help: "Refuse PDFs without a text layer instead of reading them by OCR.")
    var disabled = false

    /// The reader to give `DocumentReader`, or nil when OCR is off.
    var reader: OCRReader? {
        disabled ? nil : OCRReader(languages: languages, maxPages: maxPages, pageTimeout: TimeInterval(pageTimeout))
    }
}
