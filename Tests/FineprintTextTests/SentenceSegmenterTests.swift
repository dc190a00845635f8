import FineprintCore
import FineprintText
import Testing

@Suite("Sentence segmenter")
struct SentenceSegmenterTests {
    /// The sentences of `text` as strings (no blocks: the whole text is one region).
    func split(_ text: String, blocks: [TextBlock] = []) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSegmenter.sentences(in: text, blocks: blocks).map {
            String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
        }
    }

    @Test func simpleSentences() {
        #expect(
            split("The Supplier shall act. The Customer may audit! Is that so? Yes.")
                == ["The Supplier shall act.", "The Customer may audit!", "Is that so?", "Yes."]
        )
    }

    @Test func trimsWhitespace() {
        let spans = SentenceSegmenter.sentences(in: "  One here.   Two there.  \n", blocks: [])
        #expect(spans == [TextSpan(start: 2, end: 11), TextSpan(start: 14, end: 24)])
    }

    @Test func abbreviations() {
        #expect(
            split("Personal data, e.g. names, stays here. Acme Inc. shall host it, i.e. in the EU.")
                == ["Personal data, e.g. names, stays here.", "Acme Inc. shall host it, i.e. in the EU."]
        )
        #expect(
            split("See Sec. 4 of the annex and No. 7 of the list. Then stop.")
                == ["See Sec. 4 of the annex and No. 7 of the list.", "Then stop."]
        )
        #expect(
            split("Data moves to the U.S. Government only on request. Nothing else moves.")
                == ["Data moves to the U.S. Government only on request.", "Nothing else moves."]
        )
        #expect(
            split("Acme Ltd. (the \"Vendor\") and Beta Co. (the \"Buyer\") agree. Fine.")
                == ["Acme Ltd. (the \"Vendor\") and Beta Co. (the \"Buyer\") agree.", "Fine."]
        )
        #expect(
            split("Fees, taxes, etc. are extra. Payment is due in 30 days.")
                == ["Fees, taxes, etc. are extra.", "Payment is due in 30 days."]
        )
        #expect(
            split("Meet Dr. Jones and Mr. Smith at 9 a.m. Monday. Then leave.")
                == ["Meet Dr. Jones and Mr. Smith at 9 a.m. Monday.", "Then leave."]
        )
    }

    @Test func decimalsAndClauseNumbers() {
        #expect(
            split("The fee is 1,000.50 euro per month. Under clause 12.3 the cap is 2.5 times the fees. Done.")
                == ["The fee is 1,000.50 euro per month.", "Under clause 12.3 the cap is 2.5 times the fees.", "Done."]
        )
        #expect(
            split("As set out in Section 2.3. The Supplier agrees.")
                == ["As set out in Section 2.3.", "The Supplier agrees."]
        )
    }

    @Test func leadingMarkersAreNotEnds() {
        #expect(
            split("1. DEFINITIONS. Terms have these meanings.")
                == ["1. DEFINITIONS.", "Terms have these meanings."]
        )
        #expect(
            split("iv. The Supplier keeps logs. They last a year.")
                == ["iv. The Supplier keeps logs.", "They last a year."]
        )
        #expect(split("(b) The data stays in the Union.") == ["(b) The data stays in the Union."])
    }

    @Test func ellipsesAndQuotes() {
        #expect(
            split("It said \"no transfers.\" Then it changed. He paused... and went on. Wait… Done.")
                == ["It said \"no transfers.\"", "Then it changed.", "He paused... and went on.", "Wait…", "Done."]
        )
        #expect(
            split("(This is optional.) The rest is binding.")
                == ["(This is optional.)", "The rest is binding."]
        )
        #expect(
            split("The fee (see Annex 2.) is fixed. Good.")
                == ["The fee (see Annex 2.) is fixed.", "Good."]
        )
    }

    @Test func lowerCaseAfterPeriodContinues() {
        #expect(
            split("The term ends on 31 Dec. each year unless renewed.") == [
                "The term ends on 31 Dec. each year unless renewed."
            ]
        )
    }

    /// Paragraphs cut by a wrapped line are one block again; real paragraphs, headings and lists stay apart.
    @Test func wrappedParagraphsAreJoined() {
        let text = "The Provider shall keep\n\nthe data in the Union.\n\nIt may not\n\nMove it.\n\nTerms\n\nnotice"
        let scalars = Array(text.unicodeScalars)
        func span(_ part: String) -> TextSpan {
            let start = text.unicodeScalars.distance(
                from: text.unicodeScalars.startIndex,
                to: text.range(of: part)!.lowerBound.samePosition(in: text.unicodeScalars)!
            )
            return TextSpan(start: start, end: start + part.unicodeScalars.count)
        }
        let blocks =
            ["The Provider shall keep", "the data in the Union.", "It may not", "Move it.", "Terms"].map {
                TextBlock(kind: .paragraph, span: span($0))
            } + [TextBlock(kind: .heading, span: span("notice"))]
        let joined = WrappedParagraphs.joined(blocks, in: scalars)
        #expect(joined.count == 5)
        #expect(joined[0].span == TextSpan(start: 0, end: span("the data in the Union.").end))
        #expect(joined[1].span == span("It may not"))
        #expect(joined[4].kind == .heading)
        #expect(
            split(text, blocks: joined).prefix(2) == [
                "The Provider shall keep\n\nthe data in the Union.", "It may not",
            ]
        )
    }

    @Test func newlines() {
        // A blank line ends a sentence…
        #expect(split("A heading without stop\n\nThe text goes on") == ["A heading without stop", "The text goes on"])
        #expect(
            split("The first ends here.\n\nand a lower-case start") == [
                "The first ends here.", "and a lower-case start",
            ]
        )
        #expect(split("Customer shall not:\n\ncopy the software") == ["Customer shall not:", "copy the software"])
        // … unless it only wraps a line, as in text converted from PDF: no end before it, lower case after it.
        #expect(
            split("The Supplier shall not keep the\n\nCustomer's data after the\n\nend of the term, nor\n\ncopy it.")
                == [
                    "The Supplier shall not keep the",
                    "Customer's data after the\n\nend of the term, nor\n\ncopy it.",
                ]
        )
        // A single newline inside a wrapped sentence does not.
        #expect(
            split("The Supplier shall keep all Customer\ndata within the Union.") == [
                "The Supplier shall keep all Customer\ndata within the Union."
            ]
        )
        // … but it does before a numbered clause, a list item or a heading.
        #expect(
            split("The parties agree as follows\n12.3 Data stays here") == [
                "The parties agree as follows", "12.3 Data stays here",
            ]
        )
        #expect(
            split("Permitted uses include\n- research\n- testing") == [
                "Permitted uses include", "- research", "- testing",
            ]
        )
        #expect(
            split("DATA PROTECTION\nThe Supplier acts as processor") == [
                "DATA PROTECTION", "The Supplier acts as processor",
            ]
        )
        #expect(
            split("Intro text\n(a) first item;\n(b) second item") == [
                "Intro text", "(a) first item;", "(b) second item",
            ]
        )
        // Windows line ends.
        #expect(split("First part\r\n\r\nSecond part") == ["First part", "Second part"])
    }

    @Test func wideGapsFromConvertedPDFs() {
        #expect(
            split("as of June 8, 2010.     RECITALS     Accuray makes systems.")
                == ["as of June 8, 2010.", "RECITALS", "Accuray makes systems."]
        )
        #expect(
            split("agree as follows:     1. DEFINITIONS. Words mean things.")
                == ["agree as follows:", "1. DEFINITIONS.", "Words mean things."]
        )
        // A justified gap inside a sentence is not a break.
        #expect(
            split("the Distributor will perform the following      services under this Agreement.")
                == ["the Distributor will perform the following      services under this Agreement."]
        )
    }

    @Test func sentencesNeverCrossBlocks() {
        let text = "Governing law\nThe law of Ireland applies"
        let blocks = [
            TextBlock(kind: .paragraph, span: TextSpan(start: 0, end: 13)),
            TextBlock(kind: .paragraph, span: TextSpan(start: 14, end: 40)),
        ]
        // Without blocks the two lines would be one sentence (no heading shape, no stop).
        #expect(split(text).count == 1)
        #expect(split(text, blocks: blocks) == ["Governing law", "The law of Ireland applies"])
    }

    @Test func unicodeScalarOffsets() {
        let text = "Überprüfung — 72 h. Done 👍🏽 now. Ende."
        let spans = SentenceSegmenter.sentences(in: text, blocks: [])
        let scalars = Array(text.unicodeScalars)
        #expect(spans.count == 3)
        #expect(spans[0] == TextSpan(start: 0, end: 19))
        #expect(String(String.UnicodeScalarView(scalars[spans[1].start..<spans[1].end])) == "Done 👍🏽 now.")
        #expect(spans[2].end == scalars.count)
    }

    @Test func emptyAndBlank() {
        #expect(SentenceSegmenter.sentences(in: "", blocks: []).isEmpty)
        #expect(SentenceSegmenter.sentences(in: " \n\n\t ", blocks: []).isEmpty)
    }

    @Test func markerHelpers() {
        let s = Array("12.3 The Supplier".unicodeScalars)
        #expect(LineShape.marker(in: s, at: 0, limit: s.count)?.number == "12.3")
        let roman = Array("iv. text".unicodeScalars)
        #expect(LineShape.marker(in: roman, at: 0, limit: roman.count)?.number == "iv")
        let paren = Array("(b) text".unicodeScalars)
        #expect(LineShape.marker(in: paren, at: 0, limit: paren.count)?.number == "(b)")
        let year = Array("2020 was a year".unicodeScalars)
        #expect(LineShape.marker(in: year, at: 0, limit: year.count) == nil)
        let article = Array("ARTICLE 5".unicodeScalars)
        #expect(LineShape.isHeadingLike(article, from: 0, to: article.count))
        let title = Array("Section 3. Governing Law".unicodeScalars)
        #expect(LineShape.isHeadingLike(title, from: 0, to: title.count))
        let clause = Array("Section 3. The Supplier shall comply with the law.".unicodeScalars)
        #expect(!LineShape.isHeadingLike(clause, from: 0, to: clause.count))
    }

    @Test func isFastOnLargeText() {
        let paragraph =
            "1.2 The Supplier shall, e.g. on request, deliver 1,000.50 units to Acme Inc. within 30 days.     (a) Each party keeps its data.\nThe next line continues the clause without a stop\n\n"
        let text = String(repeating: paragraph, count: 20_000)  // ~4 MB
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure { count = SentenceSegmenter.sentences(in: text, blocks: []).count }
        #expect(count == 60_000)
        #expect(elapsed < .seconds(10))
    }
}
