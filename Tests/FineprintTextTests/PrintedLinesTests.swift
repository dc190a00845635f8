import FineprintCore
import FineprintText
import Testing

/// Pages converted from PDF where every printed line became a paragraph of its own.
@Suite("Printed lines joined back into sentences")
struct PrintedLinesTests {
    /// One paragraph block per run of text between blank lines, as the Markdown reader makes them.
    func paragraphs(_ text: String) -> [TextBlock] {
        let s = Array(text.unicodeScalars)
        var blocks: [TextBlock] = []
        var i = 0
        while i < s.count {
            while i < s.count && SentenceSegmenter.isWhitespace(s[i]) { i += 1 }
            guard i < s.count else { break }
            var end = i
            while end < s.count && !(s[end] == "\n" && end + 1 < s.count && s[end + 1] == "\n") { end += 1 }
            var trimmed = end
            while trimmed > i && SentenceSegmenter.isWhitespace(s[trimmed - 1]) { trimmed -= 1 }
            blocks.append(TextBlock(kind: .paragraph, span: TextSpan(start: i, end: trimmed)))
            i = end
        }
        return blocks
    }

    func sentences(_ lines: [String]) -> [String] {
        let text = lines.joined(separator: "\n\n")
        let scalars = Array(text.unicodeScalars)
        let blocks = WrappedParagraphs.joined(paragraphs(text), in: scalars)
        return SentenceSegmenter.sentences(in: scalars, blocks: blocks).map {
            String(String.UnicodeScalarView(scalars[$0.start..<$0.end])).replacingOccurrences(of: "\n\n", with: " ")
        }
    }

    /// Nine lines that go on in lower case mark the page as printed lines.
    let printedPage = [
        "The Supplier shall process the personal data of the Customer only",
        "on the documented instructions of the Customer, including with regard",
        "to transfers of personal data to a third country, unless the law",
        "requires otherwise, in which case the Supplier shall inform the",
        "Customer of that legal requirement before processing, unless that law",
        "prohibits such information on important grounds of public interest.",
        "3.1. Deletion",
        "At the end of the provision of services the Supplier shall delete all",
        "personal data and certify to the Customer in writing that it has done",
        "so, and it shall delete existing copies unless the law requires their",
        "storage, within thirty days of the end of the services, and it shall",
        "notify the Customer of each sub-processor it engages before the",
        "Sub-processor processes any data.",
        "Security Measures",
        "The Supplier shall keep the data secure.",
    ]

    @Test func aFullLineRunsOnIntoACapitalisedLine() {
        let found = sentences(printedPage)
        #expect(found.contains { $0.hasPrefix("The Supplier shall process") && $0.hasSuffix("public interest.") })
        #expect(
            found.contains {
                $0.hasPrefix("At the end of") && $0.hasSuffix("before the Sub-processor processes any data.")
            }
        )
    }

    @Test func headingsAndClauseNumbersStayApart() {
        let found = sentences(printedPage)
        #expect(found.contains("3.1. Deletion"))
        #expect(found.contains("Security Measures"))
        #expect(found.contains("The Supplier shall keep the data secure."))
    }

    /// Ordinary text with one stray break keeps its blank lines as ends, whatever case follows.
    @Test func ordinaryTextIsNotReadAsPrintedLines() {
        let found = sentences([
            "The Supplier shall keep the data in the Union and shall not move it",
            "Customer Data remains the property of the Customer at all times, and",
            "this clause survives.",
        ])
        #expect(found.first == "The Supplier shall keep the data in the Union and shall not move it")
        #expect(found.count == 2)
    }
}
