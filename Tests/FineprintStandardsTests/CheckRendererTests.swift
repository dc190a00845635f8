import FineprintCore
import FineprintStandards
import Foundation
import Testing

/// The text, Markdown and JSON forms of a check.
struct CheckRendererTests {
    let result = StandardCheckResult(
        schema: StandardCheckResult.schemaId,
        standard: CheckedStandard(
            id: "sample",
            title: "Sample standard",
            shortName: "Sample",
            version: "2025",
            sourceUrl: "https://example.org",
            reviewed: "2026-12-05"
        ),
        document: CheckedDocument(name: "contract.txt", sha256: "abc"),
        profile: "tier1",
        summary: VerdictCounts([.met, .notMet]),
        articles: [
            ArticleResult(
                number: "5",
                title: "Record-keeping",
                summary: "Logs.",
                optional: false,
                verdict: .met,
                reason: "“Operational logs” is present (strong).",
                conditions: [],
                evidence: [
                    CitedEvidence(
                        provision: "logging",
                        start: 100,
                        end: 140,
                        quote: "The Supplier keeps logs | for 7 years."
                    )
                ]
            ),
            ArticleResult(
                number: "14",
                title: "Explanation",
                summary: "Explain.",
                optional: true,
                verdict: .notMet,
                reason: "No clause found.",
                conditions: [],
                evidence: []
            ),
        ]
    )

    @Test func textIsOneLinePerArticleWithItsVerdict() {
        let lines = CheckRenderer.text(result, verbose: false).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "contract.txt against Sample (2025)")
        #expect(lines[1] == "5   met             Record-keeping")
        #expect(lines[2] == "14  not met         Explanation (optional)")
        #expect(lines[3] == "Summary: 1 met, 0 partly met, 1 not met, 0 not applicable, 0 not assessable")
    }

    @Test func verboseTextIndentsTheReasonAndEvidence() {
        let lines = CheckRenderer.text(result, verbose: true).split(separator: "\n").map(String.init)
        #expect(lines[2] == "    “Operational logs” is present (strong).")
        #expect(lines[3] == "    [100–140] logging: “The Supplier keeps logs | for 7 years.”")
        #expect(lines[4].hasPrefix("14  not met"))
    }

    @Test func markdownEscapesTableCells() {
        let md = CheckRenderer.markdown(result)
        #expect(md.contains("| 5 | Record-keeping | met |"))
        #expect(md.contains("keeps logs \\| for 7 years"))
        #expect(md.contains("*(optional)*"))
    }

    @Test func jsonRoundTrips() throws {
        let json = try CheckRenderer.json(result)
        let decoded = try JSONDecoder().decode(StandardCheckResult.self, from: Data(json.utf8))
        #expect(decoded == result)
        #expect(json.contains("\"verdict\" : \"not_met\""))
    }
}
