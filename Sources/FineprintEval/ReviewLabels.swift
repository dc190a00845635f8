import FineprintCore
import Foundation

/// A reviewed analysis written as a gold label file (docs/labels-format.md), so that `eval labels`
/// measures the analyzer against what a person confirmed or corrected, and `train` can learn from it.
public struct ReviewLabelFile: Sendable {
    /// The label file's text.
    public var yaml: String
    /// Why the file would not load, one line each (a present provision without a usable quote, a quote
    /// too short or found too often); empty when it loads.
    public var problems: [String]
}

public enum ReviewLabels {
    /// The label file of `analysis` (the reviewed reading), its evidence located in `text` (the
    /// extracted text its offsets refer to). `document` is the document's path relative to the data
    /// folder; `notes` are the reviewer's notes per provision.
    public static func labelFile(
        _ analysis: Analysis,
        text: String,
        document: String,
        split: DataSplit,
        by: String,
        date: String,
        notes: [String: String] = [:]
    ) -> ReviewLabelFile {
        let locator = TextLocator(text)
        var problems: [String] = []
        var lines = [
            "schema: \(GoldLabelFile.schemaName)",
            "document: \(quoted(document))",
            "sha256: \(analysis.document.sha256)",
            "split: \(split.rawValue)",
            "annotated: { by: \(quoted(by)), date: \(quoted(date)) }",
            "provisions:",
        ]
        for finding in analysis.provisions {
            lines.append("  \(finding.id):")
            let quotes = finding.status == .present ? usableQuotes(finding, locator, &problems) : []
            lines.append("    present: \(finding.status == .present)")
            if finding.status == .present {
                if let strength = finding.strength { lines.append("    strength: \(strength.rawValue)") }
                lines.append("    evidence:")
                lines += quotes.map { "      - \(quoted($0))" }
            }
            if let note = notes[finding.id] { lines.append("    note: \(quoted(note))") }
        }
        return ReviewLabelFile(yaml: lines.joined(separator: "\n") + "\n", problems: problems)
    }

    /// The quotes of a present finding the loader accepts: long enough, found once or twice.
    static func usableQuotes(
        _ finding: ProvisionFinding,
        _ locator: TextLocator,
        _ problems: inout [String]
    ) -> [String] {
        var quotes: [String] = []
        for evidence in finding.evidence {
            let quote = evidence.quote.trimmingCharacters(in: .whitespacesAndNewlines)
            guard quote.split(whereSeparator: \.isWhitespace).count >= GoldLabels.minimumQuoteWords,
                (1...GoldLabels.maximumQuoteOccurrences).contains(locator.find(quote).count)
            else { continue }
            if !quotes.contains(quote) { quotes.append(quote) }
        }
        if quotes.isEmpty {
            problems.append(
                "\(finding.id) is present but has no quote of at least \(GoldLabels.minimumQuoteWords) words "
                    + "found at most \(GoldLabels.maximumQuoteOccurrences) times; add a longer quote in the review"
            )
        }
        return quotes
    }

    /// A YAML double-quoted scalar (JSON's string syntax, which YAML reads as is).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

extension ReviewLabels {
    /// "12-Commercial-Terms": the analysis number and the document's name (letters, digits and -_.),
    /// the name of both the label file and the document written beside it.
    public static func baseName(analysisId: Int64, documentName: String) -> String {
        let stem = (documentName as NSString).deletingPathExtension
            .map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" }
        return "\(analysisId)-\(String(stem.prefix(80)).isEmpty ? "document" : String(stem.prefix(80)))"
    }

    /// The extension a document of `format` is read back by.
    public static func fileExtension(_ format: DocumentFormat) -> String {
        format == .markdown ? "md" : format.rawValue
    }
}
