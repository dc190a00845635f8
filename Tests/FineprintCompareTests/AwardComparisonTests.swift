import FineprintAnalysis
import FineprintCompare
import FineprintCore
import FineprintReport
import Foundation
import Testing

/// What an evaluation committee reads in a comparison: each score explained as the report explains
/// it, and per requirement whose text is strongest.
@Suite struct AwardComparisonTests {
    static let silent = """
        1. The Supplier shall provide the Services described in the order form.
        """

    func analyses(_ texts: [(String, String)]) throws -> [Analysis] {
        try texts.map { name, text in
            Tiny.analyzer.analyze(try Tiny.document(text, name: name), playbook: Tiny.playbook)
        }
    }

    @Test func bestOfferNamesTheStrongestTextWithItsQuote() throws {
        let a = try analyses([
            ("Vendor.txt", ComparisonTests.vendorFriendly), ("Protective.txt", ComparisonTests.protective),
        ])
        let c = Comparison.build(a, corpus: Tiny.corpus, playbook: Tiny.playbook)
        let breach = try #require(c.provisions.first { $0.id == "breach_notification" }?.bestOffer)
        #expect(breach.verdict == .one)
        #expect(breach.offers.map(\.document) == [1])
        #expect(breach.wording(c.documents, hazard: false) == "Protective.txt")
        let quote = try #require(breach.quote())
        #expect(quote.contains("24 hours"))
        #expect(a[1].finding("breach_notification")?.evidence.first?.quote.contains("24 hours") == true)
        // A hazard's best offer is the text that leaves it out: nothing to quote.
        let change = try #require(c.provisions.first { $0.id == "unilateral_change" }?.bestOffer)
        #expect(change.verdict == .one && change.offers.map(\.document) == [1])
        #expect(change.quote() == nil)
    }

    @Test func tiesAndNoneAreSaidPlainly() throws {
        let a = try analyses([
            ("A.txt", ComparisonTests.protective), ("B.txt", ComparisonTests.protective), ("C.txt", Self.silent),
        ])
        let c = Comparison.build(a, corpus: Tiny.corpus, playbook: Tiny.playbook)
        let breach = try #require(c.provisions.first { $0.id == "breach_notification" }?.bestOffer)
        #expect(breach.verdict == .tie)
        #expect(breach.wording(c.documents, hazard: false) == "tie: A.txt and B.txt")
        let same = Comparison.build(
            try analyses([("C.txt", Self.silent), ("D.txt", Self.silent)]),
            corpus: Tiny.corpus,
            playbook: Tiny.playbook
        )
        let missing = try #require(same.provisions.first { $0.id == "breach_notification" }?.bestOffer)
        #expect(missing.verdict == .none && missing.offers.isEmpty)
        #expect(missing.wording(same.documents, hazard: false) == "none: no supplier offers it")
        let text = ComparisonRenderer.text(same)
        #expect(text.contains("Best offer per requirement"))
        #expect(text.contains("none: no supplier offers it"))
    }

    @Test func scoresAreExplainedAsTheReportExplainsThem() throws {
        let a = try analyses([
            ("Vendor.txt", ComparisonTests.vendorFriendly), ("Protective.txt", ComparisonTests.protective),
        ])
        let c = Comparison.build(a, corpus: Tiny.corpus, playbook: Tiny.playbook)
        for (document, analysis) in zip(c.documents, a) {
            let line = document.explanation.oneLine()
            #expect(line == ScoreExplanation(analysis).oneLine())
            #expect(line.hasPrefix("\(analysis.score)/100"))
        }
        let lost = try #require(a[0].scoreBreakdown?.filter { $0.points < 0 }.min { $0.points < $1.points })
        #expect(c.documents[0].explanation.oneLine().contains(lost.reason))
        let markdown = ComparisonRenderer.markdown(c)
        #expect(markdown.contains("## Scores explained"))
        #expect(markdown.contains("| Best offer |"))
        let html = ComparisonRenderer.html(c)
        #expect(html.contains("<th>Best offer</th>"))
        let decoded = try JSONDecoder().decode(
            Comparison.self,
            from: Data(try ComparisonRenderer.render(c, as: .json).utf8)
        )
        #expect(decoded == c)
    }
}
