import FineprintAnalysis
import FineprintCore
import Foundation
import Testing

@Suite("Evidence is the clause")
struct ClauseEvidenceTests {
    let lawSentence = "This Agreement is governed by the laws of Ireland."

    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    func slice(_ text: String, _ span: TextSpan) -> String {
        String(String.UnicodeScalarView(scalars(text)[span.start..<span.end]))
    }

    /// Offsets of the first occurrence of `needle` in `text`, in Unicode scalars.
    func span(of needle: String, in text: String) throws -> TextSpan {
        let range = try #require(text.range(of: needle))
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        return TextSpan(start: start, end: start + needle.unicodeScalars.count)
    }

    func lawEvidence(_ text: String) throws -> Evidence {
        let analysis = try Repo.analyze(text)
        let finding = try #require(analysis.finding("governing_law"))
        #expect(finding.status == .present)
        return try #require(finding.evidence.first)
    }

    /// The quote is the text at its offsets and the focus lies inside it.
    func expectConsistent(_ evidence: Evidence, in text: String) throws {
        #expect(slice(text, evidence.span) == evidence.quote)
        let focus = try #require(evidence.focus)
        #expect(focus.start >= evidence.start && focus.end <= evidence.end && focus.length > 0)
        #expect(evidence.quote.unicodeScalars.count <= 1_200)
    }

    @Test func numberedSectionIsTheClause() throws {
        let section = "12.2 Law. The parties agree as follows. \(lawSentence) No other law applies to it."
        let text =
            "12.1 Notices. Notices go by post.\n\n\(section)\n\n12.3 Counterparts. It may be signed in counterparts.\n"
        let evidence = try lawEvidence(text)
        try expectConsistent(evidence, in: text)
        #expect(evidence.quote == section)
        #expect(evidence.focus == (try span(of: lawSentence, in: text)))
    }

    @Test func listItemIsTheClause() throws {
        let item = "(b) \(lawSentence) The courts of Dublin hear disputes."
        let text =
            "GENERAL\n\nThe parties agree that:\n\n(a) notices go by post;\n\n\(item)\n\n(c) it may be signed in counterparts.\n"
        let evidence = try lawEvidence(text)
        try expectConsistent(evidence, in: text)
        #expect(evidence.quote == item)
    }

    @Test func longClauseGivesAWindowAroundTheDecisiveSentence() throws {
        let filler = (1...30).map { "Sentence \($0) of this clause says nothing of the law at all." }
        let clause = (filler[..<15] + [lawSentence] + filler[15...]).joined(separator: " ")
        let text = "1. General. \(clause)\n\n2. Term. It lasts a year.\n"
        let evidence = try lawEvidence(text)
        try expectConsistent(evidence, in: text)
        #expect(evidence.quote.unicodeScalars.count > 1_000)
        #expect(evidence.quote.contains("Sentence 15 ") && evidence.quote.contains("Sentence 16 "))
        #expect(!evidence.quote.hasPrefix("1. General"))
        #expect(evidence.focus == (try span(of: lawSentence, in: text)))
    }

    @Test func withoutStructureTheParagraphIsTheClause() throws {
        let paragraph = "Disputes are for the courts. \(lawSentence)"
        let text = "Some preamble here.\n\n\(paragraph)\n\nSigned by both."
        let document = try Repo.document(text)
        let bare = ExtractedDocument(
            name: document.name,
            format: document.format,
            sha256: document.sha256,
            text: document.text,
            blocks: [],
            sentences: document.sentences
        )
        let analyzer = try Repo.analyzer.get()
        let analysis = analyzer.analyze(bare, playbook: try requirePlaybook(analyzer.corpus, "tier1"))
        let evidence = try #require(analysis.finding("governing_law")?.evidence.first)
        try expectConsistent(evidence, in: text)
        #expect(evidence.quote == paragraph)
    }

    @Test func textWithoutBreaksKeepsEvidenceBounded() throws {
        let wording =
            "the Supplier shall host all Customer Data in Ireland and this Agreement is governed by the laws of Ireland and "
        // 96 KB: about a hundred bounded units (the segmenter's own test covers a megabyte).
        let text = String(repeating: wording, count: 98_304 / wording.count)
        let analysis = try Repo.analyze(text)
        let items = analysis.provisions.flatMap(\.evidence) + analysis.killListMoves.flatMap(\.evidence)
        #expect(!items.isEmpty)
        for item in items.prefix(50) { try expectConsistent(item, in: text) }
        #expect(items.allSatisfy { $0.quote.unicodeScalars.count <= 1_200 })
    }

    /// A heading that decides is quoted with the paragraph it opens, the heading still the focus.
    @Test func aTitleIsQuotedWithTheClauseItOpens() throws {
        let body = "On request we hand the information you gave us to a company you name, within thirty days."
        let text = """
            PRIVACY NOTICE

            This notice explains how Harrowgate Labs handles personal information.

            Your right to data portability

            \(body)

            Contact

            Write to privacy@harrowgate.example.
            """
        let finding = try #require(try Repo.analyze(text).finding("data_portability"))
        #expect(finding.status == .present)
        let evidence = try #require(finding.evidence.first)
        try expectConsistent(evidence, in: text)
        #expect(evidence.quote == "Your right to data portability\n\n" + body)
        #expect(evidence.focus == (try span(of: "Your right to data portability", in: text)))
    }

    @Test func jsonRoundTripWithAndWithoutFocus() throws {
        let withFocus = Evidence(start: 10, end: 90, quote: "q", source: .rules, focus: TextSpan(start: 20, end: 40))
        let plain = Evidence(start: 10, end: 90, quote: "q")
        for item in [withFocus, plain] {
            let data = try JSONEncoder().encode(item)
            #expect(try JSONDecoder().decode(Evidence.self, from: data) == item)
        }
        let json = String(decoding: try JSONEncoder().encode(withFocus), as: UTF8.self)
        #expect(json.contains("\"focus\":{") && json.contains("\"start\":20") && json.contains("\"end\":40"))
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("focus"))
        // A reader of the contract before `focus` existed: an item without it decodes with no focus.
        let old = Data(#"{"start":3,"end":9,"quote":"abcdef"}"#.utf8)
        #expect(try JSONDecoder().decode(Evidence.self, from: old) == Evidence(start: 3, end: 9, quote: "abcdef"))
    }
}
