import FineprintSignals
import Foundation
import Testing

@Suite("Feed parsers: each kind on our fixtures, and hostile or broken feeds")
struct FeedParserTests {
    typealias F = SignalFixtures

    @Test func rssItemsAreKeyedByGuidWithCanonicalAbsoluteLinks() throws {
        let feed = try FeedParser.parse(try F.data("eurlex-oj-l.rss"), source: try F.source("eurlex_oj_l"), now: F.now)
        #expect(feed.entries.count == 8)
        let first = try #require(feed.entries.first)
        #expect(first.nativeId == "CELEX:32026R0412")
        // "./legal-content/…" resolved against the channel's link, tracking parameter dropped.
        #expect(first.url == "https://eur-lex.europa.eu/oj/legal-content/EN/TXT?uri=CELEX:32026R0412")
        #expect(first.identifiers.contains("celex:32026r0412"))
        #expect(first.identifiers.contains("eu:reg/2024/1689"))
        #expect(first.published == ISO8601DateFormatter().date(from: "2026-12-01T07:00:00Z"))
    }

    @Test func atomEntriesKeepTheirIdsAndLoseMarkupAndTracking() throws {
        let feed = try FeedParser.parse(try F.data("govuk-dsit.atom"), source: try F.source("govuk_dsit"), now: F.now)
        #expect(feed.entries.count == 5)
        let guidance = try #require(feed.entries.first)
        #expect(guidance.nativeId == "https://www.gov.uk/government/publications/ai-procurement-guidelines-2026")
        #expect(guidance.url == "https://www.gov.uk/government/publications/ai-procurement-guidelines-2026")
        #expect(guidance.summary.hasPrefix("Updated guidance for public buyers"))
        #expect(!guidance.summary.contains("<p>"))
        #expect(feed.entries[2].url?.contains("utm_") == false)
    }

    @Test func rss1RDFItemsAreRead() throws {
        let feed = try FeedParser.parse(try F.data("nist-csrc.rdf"), source: try F.source("nist_csrc"), now: F.now)
        #expect(
            feed.entries.map(\.url) == [
                "https://csrc.nist.gov/pubs/ai/800/1/ipd", "https://csrc.nist.gov/pubs/sp/800/57/pt1/r6/final",
            ]
        )
        #expect(feed.entries.allSatisfy { $0.published != nil })
    }

    @Test func jsonFeedTakesNumericIdsAndIgnoresFutureDates() throws {
        let source = try F.declared(
            "test_jsonfeed",
            kind: "jsonfeed",
            address: "https://digital-strategy.ec.europa.eu/en"
        )
        let feed = try FeedParser.parse(try F.data("digital-strategy.json"), source: source, now: F.now)
        #expect(feed.entries.count == 3)
        let clauses = try #require(feed.entries.last)
        #expect(clauses.nativeId == "1234")
        #expect(clauses.published == nil)
        #expect(clauses.anomalies.contains { $0.contains("in the future") })
        #expect(
            clauses.summary
                == "The community of practice revised the model contractual clauses for public buyers of AI systems ."
        )
    }

    @Test func federalRegisterResultsCarryDocumentNumbersRinsAndDockets() throws {
        let feed = try FeedParser.parse(
            try F.data("federal-register.json"),
            source: try F.source("fr_ai_docs"),
            now: F.now
        )
        #expect(feed.entries.map(\.nativeId) == ["2026-21877", "2026-21540", "2026-21311", "2026-21002"])
        let gsar = feed.entries[0]
        #expect(gsar.identifiers.contains("fr:2026-21877"))
        #expect(gsar.identifiers.contains("rin:3090-ak93"))
        #expect(gsar.identifiers.contains("docket:gsa-gsar-2026-0012"))
        #expect(gsar.documentType == "Rule")
        #expect(feed.entries[3].published == nil)
        #expect(feed.entries[3].anomalies.contains { $0.contains("unparseable") })
    }

    @Test func aPageWithoutAFeedYieldsItsMatchingLinks() throws {
        let feed = try FeedParser.parse(try F.data("ai-office.html"), source: try F.source("ec_ai_office"), now: F.now)
        #expect(
            feed.entries.map(\.url) == [
                "https://digital-strategy.ec.europa.eu/en/news/ai-office-launches-consultation-serious-incident-guidance",
                "https://digital-strategy.ec.europa.eu/en/library/code-practice-general-purpose-ai-signatories",
                "https://digital-strategy.ec.europa.eu/en/events/ai-board-meeting-december",
            ]
        )
    }

    @Test func aPageWhoseLayoutChangedIsAnErrorNotAnEmptyFeed() throws {
        let page = Data("<html><body><a href='/elsewhere'>x</a></body></html>".utf8)
        #expect(throws: SignalError.self) {
            try FeedParser.parse(page, source: try F.source("ec_ai_office"), now: F.now)
        }
    }

    @Test(arguments: [
        "<rss version=\"2.0\"><channel><item><title>open", "{\"not\": \"xml\"}", "<html><body>hello</body></html>", "",
    ])
    func malformedFeedsAreClearErrors(_ text: String) throws {
        #expect(throws: SignalError.self) {
            try FeedParser.parse(Data(text.utf8), source: try F.source("eurlex_oj_l"), now: F.now)
        }
    }

    @Test func entityExpansionIsRefusedBeforeParsing() throws {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            lol += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        lol += "]>\n<rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>"
        let error = #expect(throws: SignalError.self) {
            try FeedParser.parse(Data(lol.utf8), source: try F.source("eurlex_oj_l"), now: F.now)
        }
        #expect(error?.description.contains("entities") == true)
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&secret;</title><guid>x</guid></item></channel></rss>
            """
        #expect(throws: SignalError.self) {
            try FeedParser.parse(Data(xxe.utf8), source: try F.source("eurlex_oj_l"), now: F.now)
        }
    }

    @Test func bareProcessingInstructionsAreHarmless() throws {
        // `<?x?>` has no data: FoundationXML on Linux crashed the program on it; it is removed before parsing.
        let feed = """
            <?xml version="1.0"?><?x?><rss version="2.0"><channel><?y ?><item><title>AI notice</title>\
            <guid>g1</guid></item></channel></rss>
            """
        let parsed = try FeedParser.parse(Data(feed.utf8), source: try F.source("eurlex_oj_l"), now: F.now)
        #expect(parsed.entries.map(\.nativeId) == ["g1"])
    }

    @Test func hugeFeedsAreCutOrRefused() throws {
        let item = "<item><title>AI notice</title><guid>ID</guid></item>"
        var body = "<rss version=\"2.0\"><channel>"
        for i in 0..<50 { body += item.replacingOccurrences(of: "ID", with: "g\(i)") }
        body += "</channel></rss>"
        let limits = FeedLimits(maxBytes: 1 << 20, maxItems: 10)
        let cut = try FeedParser.parse(Data(body.utf8), source: try F.source("eurlex_oj_l"), now: F.now, limits: limits)
        #expect(cut.entries.count == 10)
        #expect(cut.anomalies.contains { $0.contains("only the first 10") })
        let tooBig = FeedLimits(maxBytes: 100)
        #expect(throws: SignalError.self) {
            try FeedParser.parse(Data(body.utf8), source: try F.source("eurlex_oj_l"), now: F.now, limits: tooBig)
        }
    }

    @Test func misDatedItemsAreKeptWithTheirAnomalies() throws {
        let rss = """
            <rss version="2.0"><channel><link>https://example.gov/</link>
            <item><title>No date at all</title><link>https://example.gov/a</link></item>
            <item><title>Garbled date</title><guid>b</guid><pubDate>the 32nd of Smarch</pubDate></item>
            <item><title>From the future</title><guid>c</guid><pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate></item>
            <item><title>Same guid twice</title><guid>c</guid></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(rss.utf8), source: try F.source("eurlex_oj_l"), now: F.now)
        #expect(feed.entries.count == 3)
        #expect(feed.entries.allSatisfy { $0.published == nil })
        #expect(feed.entries[0].nativeId.hasPrefix("derived:"))
        #expect(feed.entries[0].anomalies.contains { $0.contains("no date") })
        #expect(feed.entries[1].anomalies.contains { $0.contains("unparseable") })
        #expect(feed.entries[2].anomalies.contains { $0.contains("future") })
        #expect(feed.anomalies.contains { $0.contains("more than once") })
    }

    @Test func includeAndExcludePatternsFilterItems() throws {
        let source = try F.declared(
            "test_filtered",
            kind: "rss",
            extra: "  include: ['artificial intelligence|\\bAI\\b']"
        )
        let feed = try FeedParser.parse(try F.data("eurlex-oj-l.rss"), source: source, now: F.now)
        #expect(feed.entries.count == 3)
        #expect(feed.anomalies.contains { $0.contains("left out") })
    }
}
