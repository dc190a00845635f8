import FineprintAnalysis
import FineprintCore
import FineprintReport
import Foundation
import Testing

@Suite struct ReportTests {
    func input(_ name: String = "vendor-ai-terms.md") throws -> ReportInput {
        let (analysis, document) = try #require(FixtureContracts.analyses[name]).get()
        let corpus = try Repo.corpus.get()
        return ReportInput(
            analysis: analysis,
            corpus: corpus,
            playbook: try requirePlaybook(corpus, "tier1"),
            text: document.text
        )
    }

    @Test func jsonFollowsTheSpec() throws {
        let json = try ReportRenderer.render(try input(), as: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "fineprint.analysis/1")
        #expect(root["profile"] as? String == "tier1")
        let document = try #require(root["document"] as? [String: Any])
        #expect(document["name"] as? String == "vendor-ai-terms.md")
        #expect(document["format"] as? String == "markdown")
        #expect((document["sha256"] as? String)?.count == 64)
        #expect(document["characters"] is Int)
        let provisions = try #require(root["provisions"] as? [[String: Any]])
        #expect(provisions.count == 40)
        for p in provisions {
            for key in ["id", "dimension", "status", "confidence", "strength", "value", "evidence"] {
                #expect(p.keys.contains(key), "provision lacks \(key)")
            }
            if p["status"] as? String == "absent" { #expect(p["strength"] is NSNull) }
            let c = try #require(p["confidence"] as? Double)
            #expect(c >= 0 && c <= 1)
        }
        let moves = try #require(root["killListMoves"] as? [[String: Any]])
        #expect(!moves.isEmpty)
        for m in moves { #expect(Set(m.keys).isSuperset(of: ["id", "confidence", "evidence", "mitigation"])) }
        let dimensions = try #require(root["dimensions"] as? [[String: Any]])
        #expect(dimensions.count == 7)
        #expect(root["score"] is Int)
        #expect((root["timings"] as? [String: Any])?["milliseconds"] is Int)
        // It decodes back to the same analysis.
        #expect(try JSONReport.decode(Data(json.utf8)) == (try input()).analysis)
    }

    @Test func htmlIsSelfContainedAndHighlightsEvidence() throws {
        let html = try ReportRenderer.render(try input(), as: .html)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        let opened = html.components(separatedBy: "<mark").count - 1
        #expect(opened > 10)
        #expect(opened == html.components(separatedBy: "</mark>").count - 1)
        #expect(html.contains("class=\"trap\""))
        // Every gap shows its model clause.
        let a = try input().analysis
        let corpus = try Repo.corpus.get()
        for gap in a.gaps {
            let id = try #require(gap.clause)
            let clause = try #require(corpus.clause(id))
            #expect(html.contains(Markup.escape(clause.title)))
        }
    }

    @Test func htmlEscapesDocumentText() throws {
        let analyzer = try Repo.analyzer.get()
        let text = "<script>alert(1)</script> The Supplier may use Customer Data to improve its models & services."
        let document = try Repo.document(text)
        let playbook = try requirePlaybook(analyzer.corpus, "tier1")
        let analysis = analyzer.analyze(document, playbook: playbook)
        let html = try ReportRenderer.render(
            ReportInput(analysis: analysis, corpus: analyzer.corpus, playbook: playbook, text: text),
            as: .html
        )
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    // Reports a person reads name provisions and moves by their human names; ids stay in the JSON.
    @Test func markdownAndTextNameEveryProvision() throws {
        let i = try input()
        let md = try ReportRenderer.render(i, as: .markdown)
        let text = try ReportRenderer.render(i, as: .text)
        #expect(md.hasPrefix("# Fineprint analysis"))
        #expect(text.contains("Score against"))
        for p in i.analysis.provisions {
            let name = try #require(i.corpus.taxonomy.provision(p.id)?.name)
            #expect(md.contains(markdownEscaped(name)))
            #expect(text.contains(name))
            // Ids with an underscore are never words of a quote; plain-word ids (escrow) may be.
            if p.id.contains("_") { #expect(!md.contains(p.id) && !text.contains(p.id), "id \(p.id) leaks") }
        }
        for m in i.analysis.killListMoves {
            let move = try #require(i.corpus.move(m.id))
            #expect(md.contains(markdownEscaped(move.name)) && text.contains(move.name))
            #expect(!md.contains(m.id) && !text.contains(m.id) && !text.contains(m.mitigation), "id leaks")
        }
    }

    @Test func reportsExplainTheScoreFirst() throws {
        let i = try input()
        let breakdown = try #require(i.analysis.scoreBreakdown)
        let lost = breakdown.filter { $0.points < 0 }.reduce(0) { $0 + $1.points }
        #expect(abs(Double(i.analysis.score) - max(0, 100 + lost)) <= 0.5, "the score is 100 less what was lost")
        let text = try ReportRenderer.render(i, as: .text)
        let md = try ReportRenderer.render(i, as: .markdown)
        let html = try ReportRenderer.render(i, as: .html)
        let biggest = try #require(breakdown.first)
        #expect(biggest.points < 0)
        for (report, marker) in [(text, "KILL-LIST MOVES"), (md, "## Kill-list moves"), (html, "<h2>Kill-list moves")] {
            let explained = try #require(report.range(of: "What cost points"))
            #expect(explained.lowerBound < (report.range(of: marker)?.lowerBound ?? report.startIndex))
        }
        #expect(text.contains(biggest.reason) && html.contains(Markup.escape(biggest.reason)))
    }
}

/// Text as the Markdown report writes it (its escaping of Markdown's special characters).
private func markdownEscaped(_ s: String) -> String {
    var out = ""
    for c in s {
        if "|*_`[]<>#\\".contains(c) { out.append("\\") }
        out.append(c)
    }
    return out
}
