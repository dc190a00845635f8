import Foundation
import Testing

/// `fineprint check`: one line per article with its verdict, the list of standards, clear errors.
@Suite(.serialized) struct CheckCommandLineTests {
    @Test func textIsOneLinePerArticleWithItsVerdict() throws {
        let r = try CLI.run([
            "check", "Tests/Fixtures/contracts/sovereign-framework-agreement.txt", "--standard", "mcc-ai-high-risk",
            "--rules-only",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // A header, 21 articles, a summary.
        #expect(lines.count == 23)
        #expect(
            lines.first
                == "sovereign-framework-agreement.txt against MCC-AI High-Risk (February 2025 update (published 5 March 2025))"
        )
        let verdicts = ["met", "partly met", "not met", "not applicable", "not assessable"]
        for line in lines.dropFirst().dropLast() {
            #expect(verdicts.contains { line.contains("  \($0)  ") }, "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("5   met") && $0.hasSuffix("Record-keeping") })
        #expect(lines.last?.hasPrefix("Summary: ") == true)
    }

    @Test func verboseAddsReasonsAndEvidenceBelowEachArticle() throws {
        let r = try CLI.run([
            "check", "Tests/Fixtures/contracts/vendor-ai-terms.md", "--standard", "gsar-552-239-7001", "--verbose",
            "--rules-only",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\n    No clause found for “Export in open formats”."))
        #expect(r.stdout.contains("] breach_notification: “7.3"))
    }

    @Test func jsonAndListAndErrors() throws {
        let json = try CLI.run([
            "check", "Tests/Fixtures/contracts/vendor-ai-terms.md", "--standard", "dora-art-30", "--format", "json",
            "--rules-only",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "fineprint.standard-check/1")
        let list = try CLI.run(["check", "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 7)
        let unknown = try CLI.run(["check", "Tests/Fixtures/contracts/vendor-ai-terms.md", "--standard", "iso-9999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("fineprint: unknown standard 'iso-9999'; the corpus has: data-act-switching"))
        let missing = try CLI.run(["check", "Tests/Fixtures/contracts/vendor-ai-terms.md"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--standard"))
    }
}
