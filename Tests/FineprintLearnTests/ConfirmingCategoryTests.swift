import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintLearn
import FineprintTestSupport
import Foundation
import Testing

/// Categories added from vendor terms (`needsRuleSupport`): they add a provision only where a cue of it
/// matched without confirming it, on a sentence of that cue's clause, and never on a sentence the rules read the
/// other way.
@Suite struct ConfirmingCategoryTests {
    /// One escrow cue that needs the supplier as its party and an affirmed sentence, and a hint below the
    /// presence threshold.
    static let corpus: Corpus = {
        let taxonomy = Taxonomy(
            dimensions: [Dimension(id: "exit", name: "Exit", summary: "exit")],
            provisions: [SmallCorpusParts.provision("source_code_escrow", in: "exit", named: "Escrow")]
        )
        let rules = [
            DetectionRule(
                provision: "source_code_escrow",
                cues: [
                    Cue(pattern: "escrow agent", weight: 0.6, when: .affirmed, party: .supplier),
                    Cue(pattern: "talked about escrow", weight: 0.3),
                ]
            )
        ]
        let playbook = Playbook(id: "test", name: "Test", description: "d", requirements: [])
        return SmallCorpusParts.corpus(taxonomy: taxonomy, rules: rules, playbook: playbook)
    }()

    /// "escrow" makes a sentence's logit 0 (present), "no" adds 3; evidence ranks by the sentence logit plus
    /// 5 × the rules' weight in it, and one sentence is shown.
    static func model(needsRuleSupport: Bool) -> LearnedModel {
        LearnedModel(
            trainedOn: "hand-written",
            features: ["escrow", "no"],
            categories: [
                LearnedModel.Category(
                    provision: "source_code_escrow",
                    bias: -4,
                    weights: [[0, 40_000], [1, 30_000]],
                    document: LearnedModel.Stage(coefficients: [0, 1, 0, 0, 0, 0], threshold: 0),
                    evidence: LearnedModel.Stage(coefficients: [1, 5, 0, 0, 0, 0], threshold: 0),
                    maxEvidence: 1,
                    addsOnly: true,
                    needsRuleSupport: needsRuleSupport
                )
            ]
        )
    }

    func escrow(_ text: String, needsRuleSupport: Bool = true) throws -> ProvisionFinding {
        let analyzer = try Analyzer(corpus: Self.corpus, model: Self.model(needsRuleSupport: needsRuleSupport))
        let doc = try DocumentReader().read(data: Data(text.utf8), name: "t.txt", format: .txt)
        return try #require(analyzer.analyze(doc, playbook: Self.corpus.playbooks[0]).finding("source_code_escrow"))
    }

    @Test func addsWhatACueSawWithoutItsParty() throws {
        let f = try escrow("A copy of the programs is held by an escrow agent.")
        #expect(f.status == .present)
        // The model decided; the sentence it shows is the cue's.
        #expect(f.evidence.map(\.source) == [.rules])
    }

    @Test func aHintIsNoSupport() throws {
        let text = "The parties talked about escrow once."
        #expect(try escrow(text).status == .absent)
        // Without the requirement the same category adds it.
        #expect(try escrow(text, needsRuleSupport: false).status == .present)
    }

    @Test func neverOnASentenceTheRulesReadAsDenied() throws {
        // The model's best sentence is the denied one: the rules' reading stands.
        let text = """
            A copy of the programs is held by an escrow agent.

            No escrow agent holds the programs.
            """
        let f = try escrow(text)
        #expect(f.status == .absent)
        #expect(f.evidence.allSatisfy { $0.source == nil })
        #expect(try escrow(text, needsRuleSupport: false).status == .present)
    }

    @Test func onlyOnASentenceOfTheClauseTheCueSaw() throws {
        // The model prefers the second sentence ("escrow" and "no"); the cue matched in the first.
        let apart = """
            A copy of the programs is held by an escrow agent.

            Nobody said no to escrow.
            """
        #expect(try escrow(apart).status == .absent)
        #expect(try escrow(apart, needsRuleSupport: false).status == .present)
        let together = "A copy of the programs is held by an escrow agent. Nobody said no to escrow."
        let f = try escrow(together)
        #expect(f.status == .present)
        #expect(f.evidence.map(\.source) == [.model])
    }

    @Test func theFlagRoundTrips() throws {
        let model = Self.model(needsRuleSupport: true)
        #expect(try LearnedModel.decode(try model.encoded()) == model)
        let plain = try LearnedModel.decode(try Self.model(needsRuleSupport: false).encoded())
        #expect(!plain.categories[0].needsRuleSupport)
    }
}
