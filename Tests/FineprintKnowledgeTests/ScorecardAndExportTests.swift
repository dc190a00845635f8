import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintKnowledge
import Foundation
import Testing

@Suite("Partnership scorecards and the corpus export")
struct ScorecardAndExportTests {
    func scorer(_ knowledge: KnowledgeBase) throws -> PartnershipScorer {
        let corpus = try Repo.corpus.get()
        let playbook = try #require(corpus.playbook("tier1"))
        return PartnershipScorer(
            analyzer: try Repo.analyzer.get(),
            corpus: corpus,
            knowledge: knowledge,
            playbook: playbook
        )
    }

    @Test func aVisibleMoveIsTracedToItsExcerptAndSource() throws {
        var fixture = KnowledgeFixture()
        fixture.edit(
            "partnerships.yaml",
            "excerpt: \"The agreement is governed by the laws of the State of New York.\"",
            "excerpt: \"This Agreement is governed by the laws of the State of New York and any dispute shall be resolved exclusively by the courts of New York County.\""
        )
        let knowledge = try fixture.load()
        let card = try scorer(knowledge).scorecard(for: try #require(knowledge.partnership("ministry_deal_2025")))
        #expect(card.excerptsRead == 1)
        let governing = try #require(card.evidentProtections.first { $0.id == "governing_law" })
        #expect(governing.source == "release_b")
        #expect(governing.url == "https://example.org/release-b")
        #expect(governing.quote.contains("New York"))
        let move = try #require(card.visibleMoves.first { $0.id == "foreign_law_and_forum" })
        #expect(move.source == "release_b")
        // A move that is visible is not also listed as unknown.
        #expect(!card.unknownMoves.contains("foreign_law_and_forum"))
        #expect(!card.unknownProtections.contains("governing_law"))
    }

    @Test func withoutPublicTermsWhatThePatternWarnsAboutIsUnknown() throws {
        let knowledge = try KnowledgeFixture().load()
        let card = try scorer(knowledge).scorecard(for: try #require(knowledge.partnership("rumoured_deal_2025")))
        #expect(card.excerptsRead == 0)
        #expect(card.visibleMoves.isEmpty && card.evidentProtections.isEmpty && card.evidentHazards.isEmpty)
        // The pattern's moves are unknown, not absent: nobody has seen the terms.
        #expect(card.unknownMoves == ["foreign_law_and_forum"])
        #expect(card.unknownProtections.contains("audit_rights"))
    }

    @Test func theExportLeavesUnpublishedItemsOutUnlessAsked() throws {
        let knowledge = try KnowledgeFixture().load()
        let cards = try scorer(knowledge).scorecards()
        let corpus = try Repo.corpus.get()
        let published =
            try JSONSerialization.jsonObject(
                with: CorpusExport(
                    corpus: corpus,
                    knowledge: knowledge,
                    scorecards: cards,
                    includeUnpublished: false
                ).json()
            ) as? [String: Any]
        let everything =
            try JSONSerialization.jsonObject(
                with: CorpusExport(
                    corpus: corpus,
                    knowledge: knowledge,
                    scorecards: cards,
                    includeUnpublished: true
                ).json()
            ) as? [String: Any]
        func partnershipIds(_ json: [String: Any]?) -> [String] {
            ((json?["knowledge"] as? [String: Any])?["partnerships"] as? [[String: Any]])?.compactMap {
                $0["id"] as? String
            } ?? []
        }
        #expect(published?["schema"] as? String == "fineprint.export/1")
        #expect(partnershipIds(published) == ["ministry_deal_2025"])
        #expect(partnershipIds(everything) == ["ministry_deal_2025", "rumoured_deal_2025"])
        #expect((published?["partnership_scorecards"] as? [Any])?.count == 1)
        #expect((published?["kill_list_moves"] as? [Any])?.count == corpus.moves.count)
        #expect((published?["provisions"] as? [Any])?.count == corpus.taxonomy.provisions.count)
    }

    @Test func everyBundledPartnershipGetsAScorecard() throws {
        let knowledge = try KnowledgeLoader.load(fromCorpus: Repo.corpusURL)
        let cards = try scorer(knowledge).scorecards()
        #expect(cards.count == knowledge.partnerships.count)
        for (card, partnership) in zip(cards, knowledge.partnerships) {
            #expect(card.excerptsRead == partnership.publicTermsExcerpts.count)
            for sighting in card.visibleMoves + card.evidentProtections + card.evidentHazards {
                #expect(partnership.sources.contains(sighting.source))
                #expect(
                    partnership.publicTermsExcerpts.contains { $0.excerpt.contains(sighting.quote) },
                    "\(partnership.id): quote '\(sighting.quote)' is not from an excerpt"
                )
            }
        }
    }

    @Test func aPatternPageCountsOnlyItsOwnMovesAsUnknown() throws {
        let knowledge = try KnowledgeLoader.load(fromCorpus: Repo.corpusURL)
        let scorer = try scorer(knowledge)
        var checked = 0
        for pattern in knowledge.published.patterns {
            let page = PatternPage(
                pattern: pattern,
                knowledge: knowledge,
                corpus: try Repo.corpus.get(),
                scorecard: scorer.scorecard(for:)
            )
            let own = Set(pattern.killListMoves.map(\.id))
            for tracked in page.partnerships {
                let card = try #require(tracked.scorecard)
                #expect(Set(tracked.unknownPatternMoves).isSubset(of: own), "\(pattern.id): \(tracked.partnership.id)")
                // Every move of the pattern is either seen in the public terms or unknown.
                let seen = Set(card.visibleMoves.map(\.id)).intersection(own)
                #expect(
                    seen.count + tracked.unknownPatternMoves.count == own.count,
                    "\(pattern.id): \(tracked.partnership.id)"
                )
                checked += 1
            }
            let markdown = page.markdown()
            for tracked in page.partnerships {
                #expect(markdown.contains("| \(tracked.unknownPatternMoves.count) of \(page.moves.count) |"))
            }
        }
        #expect(checked > 0, "no published pattern tracks a partnership")
    }
}
