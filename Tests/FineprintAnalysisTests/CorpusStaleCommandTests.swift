import Foundation
import Testing

/// `fineprint corpus stale` on a knowledge base of ours, as a cron job or a reviewer would run it.
@Suite(.serialized) struct CorpusStaleCommandTests {
    static var today: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    /// A corpus folder holding only a knowledge base: an old source, a fresh one, one never checked,
    /// and a precedent reviewed today.
    static func fixtureCorpus() throws -> URL {
        let root = try CLI.temporaryFolder()
        let files: [String: String] = [
            "taxonomy.yaml": "",
            "knowledge/sources.yaml": """
            schema: fineprint.knowledge.sources/1
            sources:
              - { id: old_statute, url: "https://example.org/a", publisher: Gazette, title: A, date: 2019-01-01, kind: statute, url_verified: true, last_checked: 2020-01-01 }
              - { id: fresh_ruling, url: "https://example.org/b", publisher: Court, title: B, date: 2019-01-01, kind: court_decision, url_verified: true, last_checked: \(today) }
              - { id: unchecked_note, url: "https://example.org/c", publisher: News, title: C, date: 2019-01-01, kind: secondary_report, url_verified: false }
            """,
            "knowledge/reviewers.yaml": """
            schema: fineprint.knowledge.reviewers/1
            reviewers:
              - { id: core-team, name: Core team, role: Signs off items. }
            """,
            "knowledge/partnerships.yaml": "schema: fineprint.knowledge.partnerships/1\npartnerships: []\n",
            "knowledge/regulations.yaml": "schema: fineprint.knowledge.regulations/1\nregulations: []\n",
            "knowledge/precedents.yaml": """
            schema: fineprint.knowledge.precedents/1
            precedents:
              - { id: a_ruling, name: A v B, kind: court_decision, forum: Court, date: 2019-01-01, summary: S., relevance: R., sources: [fresh_ruling], confidence: primary_source, reviewed: { by: core-team, "on": \(today) }, version: 1 }
            """,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("knowledge/patterns"),
            withIntermediateDirectories: true
        )
        return root
    }

    @Test func textListsTheOldAndTheNeverChecked() throws {
        let corpus = try Self.fixtureCorpus()
        let r = try CLI.run(["corpus", "stale", "--older-than", "180d", "--corpus", corpus.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "2 knowledge entries not checked in the last 180 days:")
        #expect(lines.dropFirst().first?.contains("unchecked_note  never checked") == true)
        #expect(lines.last?.contains("old_statute  last checked 2020-01-01") == true)
        #expect(!r.stdout.contains("fresh_ruling") && !r.stdout.contains("a_ruling"))
    }

    @Test func jsonCarriesTheSameEntries() throws {
        let corpus = try Self.fixtureCorpus()
        let r = try CLI.run(["corpus", "stale", "--older-than", "180", "--format", "json", "--corpus", corpus.path])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "fineprint.stale/1")
        #expect(root["as_of"] as? String == Self.today)
        let entries = try #require(root["entries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["id"] as? String } == ["unchecked_note", "old_statute"])
        #expect((entries.last?["age_in_days"] as? Int ?? 0) > 180)
    }

    @Test func aBadLimitOrFormatIsRefused() throws {
        let corpus = try Self.fixtureCorpus()
        let limit = try CLI.run(["corpus", "stale", "--older-than", "6m", "--corpus", corpus.path])
        #expect(limit.status != 0)
        #expect(limit.stderr.contains("positive number of days"))
        let format = try CLI.run(["corpus", "stale", "--format", "xml", "--corpus", corpus.path])
        #expect(format.status != 0)
        #expect(format.stdout.isEmpty)
    }
}
