import FineprintCore
import FineprintCorpus
import FineprintTestSupport
import Foundation
import Testing

@Suite("Negotiation positions in the corpus and in playbooks")
struct PositionValidationTests {
    static func corpus() throws -> Corpus { try BundledCorpus.corpus.get() }

    @Test("the bundled corpus has a valid position for every requirement of every tier")
    func bundledPositionsAreComplete() throws {
        let corpus = try Self.corpus()
        #expect(CorpusValidator.validate(corpus).isEmpty)
        for playbook in corpus.playbooks {
            #expect(playbook.positions == "standard")
            for requirement in playbook.requirements {
                let position = try #require(corpus.position(for: requirement.provision, in: playbook))
                #expect(corpus.clause(position.preferred) != nil)
                #expect(!position.fallbacks.isEmpty)
                if requirement.level != .preferred { #expect(position.walkAway?.isEmpty == false) }
                for basis in position.restsOn {
                    if let source = basis.source { #expect(corpus.source(source) != nil, "unknown source \(source)") }
                    if let standard = basis.standard { #expect(corpus.standard(standard) != nil) }
                }
            }
        }
    }

    @Test("an unknown preferred clause is reported")
    func unknownClause() throws {
        var corpus = try Self.corpus()
        corpus.positionSets[0].positions[0].preferred = "no_such_clause"
        let messages = CorpusValidator.validate(corpus).map(\.message)
        #expect(messages.contains { $0.contains("unknown clause 'no_such_clause'") })
    }

    @Test("a required provision whose position has no walk-away line is reported")
    func missingWalkAway() throws {
        var corpus = try Self.corpus()
        let tier1 = try #require(corpus.playbook("tier1"))
        let required = try #require(tier1.requirements.first { $0.level == .required })
        let index = try #require(corpus.positionSets[0].positions.firstIndex { $0.provision == required.provision })
        corpus.positionSets[0].positions[index].walkAway = nil
        let problems = CorpusValidator.validate(playbook: tier1, in: corpus).map(\.message)
        #expect(problems.contains("'\(required.provision)' is required but its position has no walk_away"))
    }

    @Test("unknown sources, undeclared standards and empty fallbacks are reported")
    func badBasisAndFallbacks() throws {
        var corpus = try Self.corpus()
        corpus.positionSets[0].positions[0].restsOn = [
            PositionBasis(source: "no_such_source", article: "Art. 1"),
            PositionBasis(standard: "no-such-standard", article: "Art. 2"),
            PositionBasis(source: "gdpr", standard: "mcc-ai-high-risk", article: "Art. 3"),
        ]
        corpus.positionSets[0].positions[1].fallbacks = []
        let messages = CorpusValidator.validate(corpus).map(\.message)
        #expect(messages.contains { $0.contains("unknown source 'no_such_source'") })
        #expect(messages.contains { $0.contains("standard 'no-such-standard' that no position set names") })
        #expect(messages.contains { $0.contains("exactly one source or standard") })
        #expect(messages.contains { $0.contains("needs at least one fallback") })
    }

    @Test("a user's playbook sets its own position, which wins over the set's and is validated")
    func userPlaybookPosition() throws {
        let corpus = try Self.corpus()
        let folder = try TemporaryFiles.folder("fineprint-playbook")
        let file = try TemporaryFiles.write(
            """
            schema: fineprint.playbook/1
            id: ministry
            name: Ministry playbook
            description: Ours.
            requirements:
              - provision: breach_notification
                level: required
                position:
                  preferred: breach_notification_24h
                  fallbacks: [Notice within 36 hours of awareness.]
                  walk_away: Notice within 48 hours.
                  why: Our regulator wants to hear within 72 hours.
                  rests_on: [{ source: gdpr, article: "Art. 33" }]
              - provision: data_residency
                level: required
                position:
                  preferred: no_such_clause
                  fallbacks: [Somewhere near.]
                  why: Because.
                  rests_on: [{ source: gdpr, article: "Art. 44" }]
              - { provision: logging, level: required }
            """,
            to: "ministry.yaml",
            in: folder
        )
        let playbook = try CorpusLoader.loadPlaybook(at: file)
        #expect(corpus.position(for: "breach_notification", in: playbook)?.walkAway == "Notice within 48 hours.")
        // Without its own position, a requirement takes the standard set's.
        #expect(
            corpus.position(for: "logging", in: playbook) == corpus.positionSet("standard")?.position(for: "logging")
        )
        let problems = CorpusValidator.validate(playbook: playbook, in: corpus).map(\.message)
        #expect(problems.contains { $0.contains("unknown clause 'no_such_clause'") })
        #expect(problems.contains("'data_residency' is required but its position has no walk_away"))
        #expect(!problems.contains { $0.contains("breach_notification") })
    }

    @Test("a playbook naming an unknown position set is reported")
    func unknownSet() throws {
        let corpus = try Self.corpus()
        var playbook = try #require(corpus.playbook("tier2"))
        playbook.positions = "nowhere"
        let problems = CorpusValidator.validate(playbook: playbook, in: corpus).map(\.message)
        #expect(problems == ["names unknown position set 'nowhere' (positions/)"])
    }
}
