import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintLearn
import FineprintTestSupport
import Foundation
import Testing

/// How the analyzer combines the rules with a model, on a small corpus and a hand-written model whose
/// numbers make the outcome clear: the word "escrow" is a strong signal for the escrow provision.
@Suite struct CombinationTests {
    static let corpus: Corpus = {
        let taxonomy = Taxonomy(
            dimensions: [Dimension(id: "exit", name: "Exit", summary: "exit")],
            provisions: [
                SmallCorpusParts.terminationForConvenience,
                SmallCorpusParts.provision("source_code_escrow", in: "exit", named: "Escrow"),
            ]
        )
        let rules = [
            DetectionRule(
                provision: "termination_for_convenience",
                cues: [
                    Cue(pattern: "terminate ... for convenience", weight: 0.9, party: .buyer, strength: .strong)
                ]
            ),
            DetectionRule(
                provision: "source_code_escrow",
                cues: [
                    Cue(pattern: "deposit ... source code ... escrow", weight: 0.9)
                ]
            ),
        ]
        let playbook = Playbook(
            id: "test",
            name: "Test",
            description: "d",
            requirements: [
                Requirement(provision: "source_code_escrow", level: .required)
            ]
        )
        return SmallCorpusParts.corpus(taxonomy: taxonomy, rules: rules, playbook: playbook)
    }()

    /// Escrow is decided by its best sentence alone, termination by the rules alone; evidence by the
    /// sentence logit + 5 × the weight of a rule cue in it.
    static func model(documentThreshold: Double = 0) -> LearnedModel {
        let bySentence = LearnedModel.Stage(coefficients: [0, 1, 0, 0, 0, 0], threshold: documentThreshold)
        let byRules = LearnedModel.Stage(coefficients: [1, 0, 0, 0, 0, 0], threshold: documentThreshold)
        let evidence = LearnedModel.Stage(coefficients: [1, 5, 0, 0, 0, 0], threshold: 0)
        return LearnedModel(
            trainedOn: "hand-written",
            features: ["escrow", "for convenience"],
            categories: [
                LearnedModel.Category(
                    provision: "source_code_escrow",
                    bias: -4,
                    weights: [[0, 40_000]],
                    document: bySentence,
                    evidence: evidence,
                    maxEvidence: 2
                ),
                LearnedModel.Category(
                    provision: "termination_for_convenience",
                    bias: -4,
                    weights: [[1, 2_000]],
                    document: byRules,
                    evidence: evidence,
                    maxEvidence: 2
                ),
            ]
        )
    }

    /// Four one-sentence paragraphs: each sentence is its own clause, so evidence quotes are sentences.
    static let text = """
        The Customer may terminate this Agreement for convenience on thirty days' notice.

        Invoices are payable within thirty days.

        A copy of the platform's programs is held by an escrow agent and released if the Supplier fails.

        Each party keeps the other's secrets.
        """

    func analyze(_ model: LearnedModel?) throws -> (Analysis, ExtractedDocument) {
        let analyzer = try Analyzer(corpus: Self.corpus, model: model)
        let doc = try DocumentReader().read(data: Data(Self.text.utf8), name: "t.txt", format: .txt)
        return (analyzer.analyze(doc, playbook: Self.corpus.playbooks[0]), doc)
    }

    @Test func rulesOnlyMissesTheParaphrasedEscrow() throws {
        let (a, _) = try analyze(nil)
        #expect(a.finding("source_code_escrow")?.status == .absent)
        #expect(a.finding("termination_for_convenience")?.status == .present)
        #expect(a.finding("termination_for_convenience")?.evidence.allSatisfy { $0.source == nil } == true)
    }

    @Test func modelFindsWhatTheRulesMissedAndPointsAtTheSentence() throws {
        let (a, doc) = try analyze(Self.model())
        let escrow = try #require(a.finding("source_code_escrow"))
        #expect(escrow.status == .present)
        #expect(escrow.confidence >= 0.5)
        #expect(escrow.evidence.count == 1)
        let e = try #require(escrow.evidence.first)
        #expect(e.source == .model)
        #expect(e.quote.contains("escrow agent"))
        let scalars = Array(doc.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.quote)
        // The gap closes because the model found the provision.
        #expect(!a.gaps.contains { $0.provision == "source_code_escrow" })
    }

    @Test func ruleFindingKeepsItsExplanation() throws {
        let (a, _) = try analyze(Self.model())
        let f = try #require(a.finding("termination_for_convenience"))
        #expect(f.status == .present)
        #expect(f.strength == .strong)
        let e = try #require(f.evidence.first)
        #expect(e.source == .rules)
        #expect(e.quote.hasPrefix("The Customer may terminate"))
        #expect(f.evidence.count == 1)
    }

    @Test func documentThresholdIsRespected() throws {
        let (a, _) = try analyze(Self.model(documentThreshold: 50))
        for id in ["source_code_escrow", "termination_for_convenience"] {
            let f = try #require(a.finding(id))
            #expect(f.status == .absent, "\(id)")
            #expect(f.confidence < 0.5)
            #expect(f.strength == nil)
        }
    }

    @Test func evidenceIsCappedAndOrdered() throws {
        var model = Self.model()
        // Every sentence scores the same: only maxEvidence of them, in document order.
        model.categories[0].bias = 20
        model.categories[0].maxEvidence = 2
        let (a, _) = try analyze(model)
        let evidence = try #require(a.finding("source_code_escrow")?.evidence)
        #expect(evidence.count == 2)
        #expect(evidence.map(\.start) == evidence.map(\.start).sorted())
    }

    @Test func theDocumentClassifierCanCarryTheDecision() throws {
        var model = Self.model()
        // Escrow decided by the document classifier alone, which weighs "escrow" anywhere in the text.
        model.categories[0].document = LearnedModel.Stage(coefficients: [0, 0, 0, 0, 1, 0], threshold: 0)
        model.categories[0].documentBias = -4
        model.categories[0].documentWeights = [[0, 100_000]]
        let escrow = try #require(try analyze(model).0.finding("source_code_escrow"))
        #expect(escrow.status == .present)
        // The evidence is still the sentence the sentence classifier points at.
        #expect(escrow.evidence.map(\.quote).allSatisfy { $0.contains("escrow agent") })
        model.categories[0].documentWeights = []
        #expect(try analyze(model).0.finding("source_code_escrow")?.status == .absent)
    }

    @Test func theEvidenceStageSeesTheNeighbours() throws {
        var model = Self.model()
        // Evidence by the stronger neighbour's logit alone: the sentences around the escrow sentence.
        model.categories[0].evidence = LearnedModel.Stage(coefficients: [0, 0, 0, 1, 0, 0], threshold: 0)
        let evidence = try #require(try analyze(model).0.finding("source_code_escrow")?.evidence)
        #expect(evidence.count == 2)
        #expect(evidence.first?.quote.hasPrefix("Invoices are payable") == true)
        #expect(evidence.last?.quote.hasPrefix("Each party keeps") == true)
    }
}
