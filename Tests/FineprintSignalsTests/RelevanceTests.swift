import FineprintSignals
import Foundation
import Testing

@Suite("Relevance: scored offline against the taxonomy, the knowledge base and the partnerships, with reasons")
struct RelevanceTests {
    typealias F = SignalFixtures

    func entries(_ file: String, _ source: String) throws -> [String: FeedEntry] {
        let feed = try FeedParser.parse(try F.data(file), source: try F.source(source), now: F.now)
        return Dictionary(uniqueKeysWithValues: feed.entries.map { ($0.nativeId, $0) })
    }

    @Test func anAmendmentOfAKnownInstrumentScoresOnItsIdentifier() throws {
        let amendment = try #require(try entries("eurlex-oj-l.rss", "eurlex_oj_l")["CELEX:32026R0398"])
        let r = try F.scorer.get().score(amendment, source: try F.source("eurlex_oj_l"))
        #expect(r.relevant)
        let identifier = try #require(r.reasons.first { $0.kind == .identifier })
        #expect(identifier.term == "eu:reg/2024/1689" && identifier.target == "eu_ai_act")
        #expect(r.reasons.contains { $0.kind == .primarySource })
        // One reason per kind and target: "AI" and "AI systems" in one title are one topic hit.
        #expect(r.reasons.filter { $0.kind == .topic }.count == 1)
        #expect(r.score == r.reasons.reduce(0) { $0 + $1.weight })
    }

    @Test func provisionsAndPartnershipsAreNamedInTheReasons() throws {
        let atom = try entries("govuk-dsit.atom", "govuk_dsit")
        let scorer = try F.scorer.get()
        let source = try F.source("govuk_dsit")
        let guidance = scorer.score(
            try #require(atom["https://www.gov.uk/government/publications/ai-procurement-guidelines-2026"]),
            source: source
        )
        #expect(
            Set(guidance.reasons.filter { $0.kind == .provision }.compactMap(\.target)).isSuperset(of: [
                "audit_rights", "data_ownership", "exit_assistance",
            ])
        )
        let evaluation = scorer.score(
            try #require(
                atom["https://www.gov.uk/government/news/ai-security-institute-publishes-evaluation-of-frontier-models"]
            ),
            source: source
        )
        let partners = evaluation.reasons.filter { $0.kind == .partnership }.map(\.term)
        #expect(partners.contains("openai") && partners.contains("anthropic"))
    }

    @Test func outOfScopeItemsStayBelowTheThreshold() throws {
        let eurlex = try entries("eurlex-oj-l.rss", "eurlex_oj_l")
        let scorer = try F.scorer.get()
        let fish = scorer.score(try #require(eurlex["CELEX:32026R0405"]), source: try F.source("eurlex_oj_l"))
        #expect(!fish.relevant && fish.reasons.contains { $0.kind == .negative })
        let engines = try entries("federal-register.json", "fr_ai_docs")["2026-21311"]
        let engine = scorer.score(try #require(engines), source: try F.source("fr_ai_docs"))
        #expect(!engine.relevant)
    }
}
