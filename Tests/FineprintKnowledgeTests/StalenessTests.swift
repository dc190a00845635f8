import FineprintCore
import FineprintCorpus
import Foundation
import Testing

@Suite("Knowledge staleness")
struct StalenessTests {
    /// The fixture's items were reviewed on 2026-01-15; its primary sources were last checked that day and
    /// its secondary report never was.
    static func day(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T12:00:00Z")! }

    /// Sets a fixture source's `last_checked`, replacing the one it has.
    static func checked(_ fixture: inout KnowledgeFixture, _ id: String, on date: String) {
        let lines = fixture.files["sources.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false).map {
            line -> String in
            guard line.contains("{ id: \(id),") else { return String(line) }
            let unchecked = line.replacingOccurrences(
                of: ", last_checked: [^,}]+",
                with: "",
                options: .regularExpression
            )
            return unchecked.replacingOccurrences(of: "{ id: \(id),", with: "{ id: \(id), last_checked: \(date),")
        }
        fixture.files["sources.yaml"] = lines.joined(separator: "\n")
    }

    @Test func sourcesNeverCheckedAreAlwaysReportedFirst() throws {
        let knowledge = try KnowledgeFixture().load()
        let early = KnowledgeStaleness.report(knowledge, olderThan: 180, today: Self.day("2026-02-01"))
        #expect(early == [StaleEntry(kind: .source, id: "report_c", lastChecked: nil, ageInDays: nil)])
        let late = KnowledgeStaleness.report(knowledge, olderThan: 180, today: Self.day("2026-08-01"))
        #expect(late.first == StaleEntry(kind: .source, id: "report_c", lastChecked: nil, ageInDays: nil))
        #expect(late.dropFirst().allSatisfy { $0.ageInDays == 198 })
        #expect(late.count == 8)
    }

    @Test func itemsAgeFromTheirReviewAndSourcesFromLastChecked() throws {
        var fixture = KnowledgeFixture()
        Self.checked(&fixture, "statute_a", on: "2025-06-01")
        Self.checked(&fixture, "release_b", on: "2026-05-01")
        Self.checked(&fixture, "report_c", on: "2026-01-10")
        let knowledge = try fixture.load()
        // 2026-08-01: items reviewed 2026-01-15 are 198 days old; statute_a 426 days, report_c 203, release_b 92.
        let entries = KnowledgeStaleness.report(knowledge, olderThan: 180, today: Self.day("2026-08-01"))
        #expect(entries.first == StaleEntry(kind: .source, id: "statute_a", lastChecked: "2025-06-01", ageInDays: 426))
        #expect(entries.dropFirst().first?.id == "report_c")
        #expect(!entries.contains { $0.id == "release_b" })
        let items = entries.filter { $0.kind != .source }
        #expect(items.count == 5)
        #expect(items.allSatisfy { $0.lastChecked == "2026-01-15" && $0.ageInDays == 198 })
    }

    @Test func theLimitIsExclusive() throws {
        var fixture = KnowledgeFixture()
        for id in ["statute_a", "release_b", "report_c"] { Self.checked(&fixture, id, on: "2026-01-15") }
        let knowledge = try fixture.load()
        #expect(KnowledgeStaleness.report(knowledge, olderThan: 198, today: Self.day("2026-08-01")).isEmpty)
        #expect(KnowledgeStaleness.report(knowledge, olderThan: 197, today: Self.day("2026-08-01")).count == 8)
    }

    @Test func ageLimitsAreWrittenInDays() {
        #expect(KnowledgeStaleness.days(fromAge: "180d") == 180)
        #expect(KnowledgeStaleness.days(fromAge: "30") == 30)
        for bad in ["", "d", "0d", "-5d", "6m", "1.5d", "180 d"] {
            #expect(KnowledgeStaleness.days(fromAge: bad) == nil, "\(bad)")
        }
    }

    @Test func lastCheckedMustBeAPastDateNotBeforeTheSource() throws {
        var fixture = KnowledgeFixture()
        Self.checked(&fixture, "statute_a", on: "2026-13-01")
        Self.checked(&fixture, "release_b", on: "2026-07-01")
        Self.checked(&fixture, "report_c", on: "2025-01-01")
        let problems = try fixture.problems()  // validated as of 2026-06-01
        #expect(problems.contains { $0.contains("source 'statute_a' last_checked '2026-13-01' is not a valid") })
        #expect(problems.contains { $0.contains("source 'release_b' last_checked 2026-07-01 is in the future") })
        #expect(
            problems.contains {
                $0.contains("source 'report_c' last_checked 2025-01-01 is before the source's own date")
            }
        )
        #expect(problems.count == 3)
    }

    @Test func theReportAsJSONKeepsMissingDatesAsNull() throws {
        var fixture = KnowledgeFixture()
        Self.checked(&fixture, "release_b", on: "2026-05-01")
        let report = StaleReport.of(try fixture.load(), olderThan: 180, today: Self.day("2026-08-01"))
        let root = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        #expect(root["schema"] as? String == "fineprint.stale/1")
        #expect(root["as_of"] as? String == "2026-08-01")
        #expect(root["older_than_days"] as? Int == 180)
        let entries = try #require(root["entries"] as? [[String: Any]])
        #expect(entries.count == 7)
        #expect(entries.first?["id"] as? String == "report_c")
        #expect(entries.first?["last_checked"] is NSNull)
        #expect(entries.first?["age_in_days"] is NSNull)
        let statute = try #require(entries.first { $0["id"] as? String == "statute_a" })
        #expect(statute["kind"] as? String == "source")
        #expect(statute["age_in_days"] as? Int == 198)
        #expect(try JSONDecoder().decode(StaleReport.self, from: report.json()) == report)
    }

    @Test func theBundledSourcesAreAllDatedAndNoneIsStaleOnTheReviewDay() throws {
        let knowledge = try KnowledgeLoader.load(fromCorpus: Repo.corpusURL)
        #expect(knowledge.sources.allSatisfy { $0.lastChecked != nil })
        #expect(KnowledgeStaleness.report(knowledge, olderThan: 180, today: Self.day("2026-12-05")).isEmpty)
    }
}
