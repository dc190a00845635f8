import FineprintCore
import FineprintCorpus
import Foundation
import Testing

@Suite("Knowledge base validation")
struct KnowledgeValidatorTests {
    @Test func theFixtureIsValid() throws {
        #expect(try KnowledgeFixture().problems() == [])
    }

    @Test func theBundledKnowledgeBaseIsValid() throws {
        let knowledge = try KnowledgeLoader.load(fromCorpus: Repo.corpusURL)
        let problems = KnowledgeValidator.validate(knowledge, against: try Repo.corpus.get())
        #expect(problems.map(\.description) == [])
        // The issue's floor for the bundled content, counted on what is published by default.
        let published = knowledge.published
        #expect(published.patterns.count >= 6)
        #expect(published.partnerships.count >= 20)
        #expect(published.precedents.count >= 15)
        #expect(published.regulations.count >= 40)
    }

    @Test func aWrongSchemaLineIsReportedWithItsFile() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("precedents.yaml", "fineprint.knowledge.precedents/1", "fineprint.knowledge.precedent/1")
        #expect(throws: CorpusError.self) { try fixture.load() }
        do { _ = try fixture.load() } catch let error as CorpusError {
            #expect(error.file == "knowledge/precedents.yaml")
            #expect(error.message.contains("fineprint.knowledge.precedents/1"))
        }
    }

    @Test func anUnknownKindIsADecodingErrorNamingThePath() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("precedents.yaml", "kind: court_decision", "kind: blog_post")
        do {
            _ = try fixture.load()
            Issue.record("an unknown precedent kind was accepted")
        } catch let error as CorpusError {
            #expect(error.file == "knowledge/precedents.yaml")
            #expect(error.message.contains("kind"))
        }
    }

    @Test func aPatternFileMustBeNamedAfterItsId() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("patterns/shared_platform.yaml", "id: shared_platform", "id: other_name")
        #expect(throws: CorpusError.self) { try fixture.load() }
    }

    @Test func duplicateAndMalformedIds() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("sources.yaml", "id: release_b", "id: statute_a")
        fixture.edit("partnerships.yaml", "id: rumoured_deal_2025", "id: Rumoured-Deal")
        let problems = try fixture.problems()
        #expect(problems.contains { $0.contains("source 'statute_a' is defined twice") })
        #expect(problems.contains { $0.contains("partnership id 'Rumoured-Deal' is not snake_case") })
    }

    @Test func brokenReferencesAreEachReported() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("precedents.yaml", "provisions: [audit_rights]", "provisions: [audit_right]")
        fixture.edit("precedents.yaml", "kill_list_moves: [foreign_law_and_forum]", "kill_list_moves: [no_such_move]")
        fixture.edit("patterns/shared_platform.yaml", "regulations: [statute_a_art_1]", "regulations: [statute_z]")
        fixture.edit("patterns/shared_platform.yaml", "precedents: [court_case_2023]", "precedents: [court_case_1999]")
        fixture.edit("partnerships.yaml", "sources: [release_b]", "sources: [release_x]")
        fixture.edit(
            "partnerships.yaml",
            "pattern: shared_platform\n    instrument: announcement",
            "pattern: missing_pattern\n    instrument: announcement"
        )
        let problems = try fixture.problems()
        #expect(problems.contains { $0.contains("precedent 'court_case_2023' names unknown provision 'audit_right'") })
        #expect(problems.contains { $0.contains("names unknown kill-list move 'no_such_move'") })
        #expect(problems.contains { $0.contains("names unknown regulation 'statute_z'") })
        #expect(problems.contains { $0.contains("names unknown precedent 'court_case_1999'") })
        #expect(problems.contains { $0.contains("cites unknown source 'release_x'") })
        // The excerpt's source is no longer among the item's sources.
        #expect(problems.contains { $0.contains("excerpt cites 'release_b', which is not among the item's sources") })
        #expect(problems.contains { $0.contains("names unknown pattern 'missing_pattern'") })
    }

    @Test func aLivePrecedentMustNameThePattern() throws {
        var fixture = KnowledgeFixture()
        fixture.edit(
            "patterns/shared_platform.yaml",
            "live_precedents: [ministry_deal_2025]",
            "live_precedents: [ministry_deal_2025, rumoured_deal_2025]"
        )
        #expect(try fixture.problems() == [])
        fixture.edit(
            "partnerships.yaml",
            "pattern: shared_platform\n    instrument: announcement",
            "pattern: shared_platform\n    also_patterns: []\n    instrument: announcement"
        )
        #expect(try fixture.problems() == [])
        var broken = KnowledgeFixture()
        broken.files["patterns/other_pattern.yaml"] = broken.files["patterns/shared_platform.yaml"]!
            .replacingOccurrences(of: "id: shared_platform", with: "id: other_pattern")
        let problems = try broken.problems()
        #expect(
            problems.contains {
                $0.contains(
                    "pattern 'other_pattern' lists live precedent 'ministry_deal_2025', which does not name this pattern"
                )
            }
        )
    }

    @Test func datesMustBeRealAndNotAfterTheReview() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("precedents.yaml", "date: 2023-04-04", "date: 2023-02-30")
        fixture.edit("partnerships.yaml", "date: 2025-05-10", "date: 2026-03-01")
        fixture.edit("sources.yaml", "date: 2025-06-01", "date: 2027-01-01")
        fixture.edit("regulations.yaml", "\"on\": 2026-01-15", "\"on\": 2026-13-01")
        let problems = try fixture.problems()
        #expect(problems.contains { $0.contains("precedent 'court_case_2023' date '2023-02-30' is not a valid") })
        #expect(
            problems.contains {
                $0.contains("partnership 'ministry_deal_2025' date 2026-03-01 is after its review date 2026-01-15")
            }
        )
        #expect(problems.contains { $0.contains("source 'report_c' is dated 2027-01-01, in the future") })
        #expect(
            problems.contains { $0.contains("regulation 'statute_a_art_1' review date '2026-13-01' is not a valid") }
        )
        // applies_from may lie ahead: the fixture's regulation applies from 2030 and that alone is no problem.
        #expect(!problems.contains { $0.contains("applies_from") })
    }

    @Test func aBareOnKeyIsReadLikeTheQuotedOne() throws {
        var fixture = KnowledgeFixture()
        fixture.edit(
            "precedents.yaml",
            "reviewed: { by: core-team, \"on\": 2026-01-15 }",
            "reviewed:\n      by: core-team\n      on: 2026-01-15"
        )
        #expect(try fixture.problems() == [])
        #expect(try fixture.load().precedents.first?.reviewed.on == "2026-01-15")
    }

    @Test func aPublishedItemNeedsAPrimarySourceThatWasLookedUp() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("sources.yaml", ", last_checked: 2026-01-15 }", " }")
        let problems = try fixture.problems()
        // statute_a lost its check date; the pattern, precedent and regulation cite nothing else.
        for label in ["pattern 'shared_platform'", "precedent 'court_case_2023'", "regulation 'statute_a_art_1'"] {
            #expect(
                problems.contains {
                    $0.contains("\(label) is primary_source but none of its primary sources has a last_checked date")
                },
                "\(label)"
            )
        }
        #expect(problems.count == 3)
        // A second, checked primary source is enough; a checked secondary report is not.
        fixture.edit("precedents.yaml", "sources: [statute_a]", "sources: [statute_a, release_b]")
        fixture.edit("regulations.yaml", "sources: [statute_a]", "sources: [statute_a, report_c]")
        fixture.edit(
            "sources.yaml",
            "kind: secondary_report, url_verified: true }",
            "kind: secondary_report, url_verified: true, last_checked: 2026-01-15 }"
        )
        let after = try fixture.problems()
        #expect(!after.contains { $0.contains("precedent 'court_case_2023'") })
        #expect(after.contains { $0.contains("regulation 'statute_a_art_1' is primary_source but none") })
        #expect(after.count == 2)
    }

    @Test func provenanceRules() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("precedents.yaml", "by: core-team", "by: someone-else")
        fixture.edit("regulations.yaml", "version: 1", "version: 0")
        fixture.edit("partnerships.yaml", "confidence: rumored", "confidence: primary_source")
        let problems = try fixture.problems()
        #expect(problems.contains { $0.contains("reviewed by unknown reviewer 'someone-else'") })
        #expect(problems.contains { $0.contains("version 0 must be at least 1") })
        #expect(
            problems.contains {
                $0.contains("partnership 'rumoured_deal_2025' is primary_source but cites only secondary reports")
            }
        )
    }

    @Test func excerptsAreBoundedAndProseMustNotQuoteAtLength() throws {
        var fixture = KnowledgeFixture()
        let long = Array(repeating: "word", count: 41).joined(separator: " ")
        fixture.edit(
            "partnerships.yaml",
            "\"The agreement is governed by the laws of the State of New York.\"",
            "\"\(long)\""
        )
        fixture.edit(
            "precedents.yaml",
            "summary: A synthetic judgment.",
            "summary: 'The court said “every single one of these words was lifted from the judgment itself”.'"
        )
        let problems = try fixture.problems()
        #expect(problems.contains { $0.contains("excerpt has 41 words; at most 40") })
        #expect(problems.contains { $0.contains("precedent 'court_case_2023' quotes 12 words") })
    }

    @Test func countriesAndScholarlyAnchors() throws {
        var fixture = KnowledgeFixture()
        fixture.edit("partnerships.yaml", "countries: [NL]", "countries: [Netherlands]")
        fixture.edit("patterns/shared_platform.yaml", "scholarly_anchors: [release_b]", "scholarly_anchors: [report_c]")
        let problems = try fixture.problems()
        #expect(problems.contains { $0.contains("country 'Netherlands' is not an ISO 3166-1 alpha-2 code") })
        #expect(problems.contains { $0.contains("scholarly anchor 'report_c' is a secondary_report") })
    }

    @Test func onlyPrimarySourcedItemsArePublishedByDefault() throws {
        let knowledge = try KnowledgeFixture().load()
        #expect(knowledge.partnerships.map(\.id) == ["ministry_deal_2025", "rumoured_deal_2025"])
        #expect(knowledge.published.partnerships.map(\.id) == ["ministry_deal_2025"])
        #expect(knowledge.published.sources.count == 3)
    }
}
