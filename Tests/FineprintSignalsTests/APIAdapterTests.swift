import FineprintSignals
import Foundation
import Testing

@Suite("API adapters: Regulations.gov v4, TED search v3 and Cellar SPARQL results, on our fixtures and broken answers")
struct APIAdapterTests {
    typealias F = SignalFixtures

    @Test func regulationsGovDocumentsCarryTheirIdsDocketsAndFederalRegisterNumbers() throws {
        let feed = try FeedParser.parse(
            try F.data("regulations-gov.json"),
            source: try F.source("regs_gov_ai"),
            now: F.now
        )
        #expect(
            feed.entries.map(\.nativeId) == ["GSA-GSAR-2026-0012-0001", "OMB-2026-0004-0001", "FAA-2026-1180-0003"]
        )
        let gsar = feed.entries[0]
        #expect(gsar.identifiers.contains("regs:gsa-gsar-2026-0012-0001"))
        #expect(gsar.identifiers.contains("docket:gsa-gsar-2026-0012"))
        #expect(gsar.identifiers.contains("fr:2026-25511"))
        #expect(gsar.url == "https://www.regulations.gov/document/GSA-GSAR-2026-0012-0001")
        #expect(gsar.documentType == "Proposed Rule")
        #expect(gsar.published == ISO8601DateFormatter().date(from: "2026-11-20T05:00:00Z"))
        #expect(gsar.summary.contains("Comments close 2027-01-20"))
        #expect(feed.entries[1].anomalies.contains("withdrawn"))
        #expect(feed.entries[2].published == nil)
        #expect(feed.entries[2].anomalies.contains { $0.contains("unparseable") })
        #expect(feed.anomalies.contains("a document without an id dropped"))
    }

    @Test func anErrorAnswerFromRegulationsGovIsAClearError() throws {
        let answer =
            #"{"errors":[{"status":"403","title":"API_KEY_INVALID","detail":"An invalid api_key was supplied."}]}"#
        #expect(throws: SignalError.self) {
            try FeedParser.parse(Data(answer.utf8), source: try F.source("regs_gov_ai"), now: F.now)
        }
    }

    @Test func tedNoticesAreReadInTheSourcesLanguageWithCPVCodes() throws {
        let source = try F.source("ted_ai_notices")
        var all = source
        all.include = []
        let feed = try FeedParser.parse(try F.data("ted-search.json"), source: all, now: F.now)
        #expect(feed.entries.map(\.nativeId) == ["784512-2026", "779001-2026", "790777-2026"])
        let framework = feed.entries[0]
        #expect(framework.title.hasPrefix("Germany – Artificial intelligence services"))
        #expect(framework.summary.contains("Buyer: Beschaffungsamt des BMI."))
        #expect(framework.identifiers.contains("ted:784512-2026"))
        #expect(framework.identifiers.contains("cpv:72000000"))
        #expect(framework.url == "https://ted.europa.eu/en/notice/-/detail/784512-2026")
        #expect(framework.published == ISO8601DateFormatter().date(from: "2026-11-26T23:00:00Z"))
        #expect(framework.documentType == "cn-standard")
        // No English title: the notice's own language stands in; the only link is the French page.
        #expect(feed.entries[1].title == "France – Services de nettoyage de bâtiments")
        #expect(feed.entries[1].url == "https://ted.europa.eu/fr/notice/-/detail/779001-2026")
        #expect(feed.entries[2].anomalies.contains { $0.contains("in the future") })
        #expect(feed.anomalies.contains("a notice without publication-number dropped"))
        // The starter source's include pattern keeps only the AI notices.
        let kept = try FeedParser.parse(try F.data("ted-search.json"), source: source, now: F.now)
        #expect(kept.entries.map(\.nativeId) == ["784512-2026", "790777-2026"])
    }

    @Test func tedWithNothingFoundIsAnEmptyFeed() throws {
        let feed = try FeedParser.parse(
            Data(#"{"totalNoticeCount":0}"#.utf8),
            source: try F.source("ted_ai_notices"),
            now: F.now
        )
        #expect(feed.entries.isEmpty)
    }

    @Test func cellarRowsBecomeOneItemPerWorkKeyedByCELEX() throws {
        let feed = try FeedParser.parse(
            try F.data("cellar-sparql.json"),
            source: try F.source("cellar_ai_acts"),
            now: F.now
        )
        #expect(feed.entries.map(\.nativeId) == ["CELEX:32026R0987", "CELEX:52026PC0610"])
        let act = feed.entries[0]
        #expect(act.identifiers.contains("celex:32026r0987"))
        #expect(act.identifiers.contains("eu:reg/2024/1689"))
        #expect(act.url == "https://data.europa.eu/eli/reg_impl/2026/987/oj")
        #expect(act.published == ISO8601DateFormatter().date(from: "2026-11-18T00:00:00Z"))
        let proposal = feed.entries[1]
        #expect(proposal.url == "https://eur-lex.europa.eu/legal-content/EN/TXT?uri=CELEX:52026PC0610")
        #expect(proposal.anomalies.contains { $0.contains("unparseable") })
        #expect(feed.anomalies.contains("1 further row(s) for the same work folded into it"))
        #expect(feed.anomalies.contains("a row without celex or work dropped"))
    }

    @Test(arguments: [
        ("regs_gov_ai", #"{"meta":{}}"#), ("regs_gov_ai", "[1,2]"), ("ted_ai_notices", #"{"results":[]}"#),
        ("ted_ai_notices", "{\"notices\": [ "), ("cellar_ai_acts", #"{"head":{"vars":[]}}"#),
        ("cellar_ai_acts", "<sparql xmlns='http://www.w3.org/2005/sparql-results#'/>"),
    ])
    func malformedAnswersAreClearErrors(_ source: String, _ text: String) throws {
        #expect(throws: SignalError.self) {
            try FeedParser.parse(Data(text.utf8), source: try F.source(source), now: F.now)
        }
    }

    @Test func hugeAnswersAreCutOrRefused() throws {
        let row =
            #"{"id":"X-%d","type":"documents","attributes":{"title":"Artificial intelligence %d","postedDate":"2026-11-01T00:00:00Z"}}"#
        let rows = (0..<50).map { String(format: row, $0, $0) }.joined(separator: ",")
        let many = Data("{\"data\":[\(rows)]}".utf8)
        let feed = try FeedParser.parse(
            many,
            source: try F.source("regs_gov_ai"),
            now: F.now,
            limits: FeedLimits(maxBytes: 1 << 20, maxItems: 10)
        )
        #expect(feed.entries.count == 10)
        #expect(feed.anomalies.contains("50 items; only 10 read"))
        #expect(throws: SignalError.self) {
            try FeedParser.parse(
                many,
                source: try F.source("cellar_ai_acts"),
                now: F.now,
                limits: FeedLimits(maxBytes: 100, maxItems: 10)
            )
        }
    }
}
