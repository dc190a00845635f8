import FineprintAnalysis
import FineprintCompare
import FineprintCore
import Foundation
import Testing

@Suite struct ComparisonTests {
    static let protective = """
        1. The Supplier will not use Customer Content to improve the Services.

        2. The Supplier shall notify the Customer of any breach within 24 hours.

        3. The Customer may terminate this Agreement for convenience at any time.
        """
    static let vendorFriendly = """
        1. The Supplier may use Customer Content to improve the Services.

        2. The Supplier will notify the Customer of a breach within 30 days.

        3. The Supplier may modify these terms at any time.
        """

    func build() throws -> Comparison {
        let a = Tiny.analyzer.analyze(
            try Tiny.document(Self.vendorFriendly, name: "Vendor \"B\" <terms>.txt"),
            playbook: Tiny.playbook
        )
        let b = Tiny.analyzer.analyze(
            try Tiny.document(Self.protective, name: "Supplier A.txt"),
            playbook: Tiny.playbook
        )
        return Comparison.build([a, b], corpus: Tiny.corpus, playbook: Tiny.playbook)
    }

    @Test func matrixRankingAndBest() throws {
        let c = try build()
        #expect(c.schema == "fineprint.comparison/1")
        #expect(c.provisions.map(\.id) == Tiny.corpus.taxonomy.provisions.map(\.id))
        #expect(c.provisions.allSatisfy { $0.cells.count == 2 })
        #expect(c.ranking.first?.name == "Supplier A.txt")
        #expect(c.ranking.first?.document == 1)
        #expect(c.documents[1].rank == 1 && c.documents[0].rank == 2)
        #expect(c.documents[1].score > c.documents[0].score)

        let breach = try #require(c.provisions.first { $0.id == "breach_notification" })
        #expect(breach.cells[0].value == "30 days" && breach.cells[0].strength == .weak)
        #expect(breach.cells[1].value == "24 hours" && breach.cells[1].strength == .strong)
        #expect(breach.best == [1])
        let hazard = try #require(c.provisions.first { $0.id == "unilateral_change" })
        #expect(hazard.polarity == .hazard)
        #expect(hazard.cells[0].status == .present && hazard.cells[1].status == .absent)
        #expect(hazard.best == [1])
        #expect(hazard.requirement == .mustBeAbsent)
        #expect(c.moves.map(\.id) == ["trains_on_data"])
        #expect(c.moves[0].present == [true, false])
        #expect(c.documents[0].moves.map(\.id) == ["trains_on_data"])
    }

    @Test func renderers() throws {
        let c = try build()
        let json = try ComparisonRenderer.render(c, as: .json)
        #expect(try JSONDecoder().decode(Comparison.self, from: Data(json.utf8)) == c)

        let csv = try ComparisonRenderer.render(c, as: .csv)
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
        // header + 4 provisions + 1 move + overall score + 2 dimension scores
        #expect(lines.count == 1 + 4 + 1 + 1 + 2)
        #expect(lines[0].contains("\"Vendor \"\"B\"\" <terms>.txt status\""))
        #expect(
            lines.contains {
                $0.hasPrefix("provision,breach_notification,") && $0.contains("30 days") && $0.contains("24 hours")
            }
        )

        let html = try ComparisonRenderer.render(c, as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<terms>"))
        #expect(html.contains("Vendor &quot;B&quot; &lt;terms&gt;.txt"))
        #expect(html.contains("Test &lt;profile&gt;"))
        #expect(!html.contains("<link") && !html.contains("<script") && !html.contains("http"))

        let md = try ComparisonRenderer.render(c, as: .markdown)
        #expect(md.contains("| 1 | Supplier A.txt |"))
        let text = try ComparisonRenderer.render(c, as: .text)
        #expect(text.contains("1. Supplier A.txt"))
        #expect(text.contains("PRESENT (hazard)"))
    }
}
