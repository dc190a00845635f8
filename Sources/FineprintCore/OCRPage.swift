/// One PDF page whose text came from OCR, with how sure the OCR engine was of its words.
public struct OCRPage: Hashable, Codable, Sendable {
    /// 1-based page number in the PDF.
    public var page: Int
    /// Mean word confidence reported by the OCR engine, 0–100.
    public var meanConfidence: Double
    /// Words recognised on the page.
    public var words: Int

    public init(page: Int, meanConfidence: Double, words: Int) {
        self.page = page
        self.meanConfidence = meanConfidence
        self.words = words
    }

    enum CodingKeys: String, CodingKey {
        case page
        case meanConfidence = "mean_confidence"
        case words
    }
}

extension Array where Element == OCRPage {
    /// Mean word confidence over all the pages, weighted by their words (0 when no words).
    public var meanConfidence: Double {
        let words = reduce(0) { $0 + $1.words }
        guard words > 0 else { return 0 }
        return reduce(0) { $0 + $1.meanConfidence * Double($1.words) } / Double(words)
    }

    /// What a report says about the OCR pages, e.g. "pages 1–12 read by OCR, mean confidence 91 %";
    /// nil when no page was read by OCR.
    public var ocrSummary: String? {
        guard !isEmpty else { return nil }
        let ranges = Self.pageRanges(map(\.page))
        let noun = count == 1 ? "page" : "pages"
        return "\(noun) \(ranges) read by OCR, mean confidence \(Int(meanConfidence.rounded())) %"
    }

    /// "1–3, 5, 7–9" for [1, 2, 3, 5, 7, 8, 9].
    static func pageRanges(_ pages: [Int]) -> String {
        var runs: [(first: Int, last: Int)] = []
        for p in pages.sorted() {
            if let run = runs.last, p == run.last + 1 {
                runs[runs.count - 1].last = p
            } else {
                runs.append((p, p))
            }
        }
        let parts = runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)–\($0.last)" }
        return parts.joined(separator: ", ")
    }
}
