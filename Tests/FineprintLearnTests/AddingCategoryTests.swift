import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintLearn
import Foundation
import Testing

/// Categories that only add what the rules missed, categories applied whatever the domain gate says, and a model
/// of such categories added to a model of contracts (`LearnedModel.adding`); on the hand-written model of
/// `CombinationTests`.
@Suite struct AddingCategoryTests {
    func analyze(_ model: LearnedModel) throws -> Analysis {
        let analyzer = try Analyzer(corpus: CombinationTests.corpus, model: model)
        let doc = try DocumentReader().read(data: Data(CombinationTests.text.utf8), name: "t.txt", format: .txt)
        return analyzer.analyze(doc, playbook: CombinationTests.corpus.playbooks[0])
    }

    /// A gate that calls every document out of domain: its bias alone is above its threshold.
    static let gateEverythingOut = DomainGate(trainedOn: "test", bias: 5, threshold: 0, weights: [])

    @Test func anAddingCategoryStillAddsWhatTheRulesMissed() throws {
        var model = CombinationTests.model()
        model.categories[0].addsOnly = true
        let escrow = try #require(try analyze(model).finding("source_code_escrow"))
        #expect(escrow.status == .present)
        #expect(escrow.evidence.first?.source == .model)
    }

    @Test func anAddingCategoryLeavesTheRulesFindingAlone() throws {
        var model = CombinationTests.model(documentThreshold: 50)
        // Replacing, the model's high threshold removes the rules' finding (CombinationTests); adding, it cannot.
        model.categories[1].addsOnly = true
        let f = try #require(try analyze(model).finding("termination_for_convenience"))
        #expect(f.status == .present)
        #expect(f.evidence.allSatisfy { $0.source == nil })
    }

    @Test func onlyUngatedCategoriesApplyOutOfDomain() throws {
        var model = CombinationTests.model()
        model.domain = Self.gateEverythingOut
        let gated = try analyze(model)
        #expect(gated.learnedModel == .outOfDomain)
        #expect(gated.finding("source_code_escrow")?.status == .absent)
        model.categories[0].scope = .everyDocument
        let adding = try analyze(model)
        #expect(adding.finding("source_code_escrow")?.status == .present)
        #expect(adding.learnedModel == .outOfDomainAdding)
    }

    /// A gate that calls every document a contract like the training ones.
    static let gateEverythingIn = DomainGate(trainedOn: "test", bias: -5, threshold: 0, weights: [])

    @Test func aCategoryForOtherDocumentsStaysOffContracts() throws {
        var model = CombinationTests.model()
        model.categories[0].scope = .outOfDomain
        model.domain = Self.gateEverythingIn
        let contract = try analyze(model)
        #expect(contract.learnedModel == .applied)
        #expect(contract.finding("source_code_escrow")?.status == .absent)
        model.domain = Self.gateEverythingOut
        #expect(try analyze(model).finding("source_code_escrow")?.status == .present)
    }

    @Test func addedCategoriesKeepTheirFeaturesAndTheFlagsRoundTrip() throws {
        let full = CombinationTests.model()
        var contracts = full
        contracts.categories = [full.categories[1]]
        contracts.features = ["for convenience"]
        contracts.categories[0].weights = [[0, 2_000]]
        contracts.domain = Self.gateEverythingOut
        let merged = try contracts.adding(["source_code_escrow"], from: full)
        #expect(merged.categories.map(\.provision) == ["termination_for_convenience", "source_code_escrow"])
        let added = merged.categories[1]
        #expect(added.addsOnly && added.scope == .outOfDomain && added.needsRuleSupport)
        #expect(merged.categories[0].scope == .inDomain && !merged.categories[0].addsOnly)
        let decoded = try LearnedModel.decode(try merged.encoded())
        #expect(decoded == merged)
        // Out of domain the contracts' category is kept off; the added one needs a cue's support, which the
        // paraphrased escrow lacks, and without that requirement finds it.
        #expect(try analyze(decoded).finding("source_code_escrow")?.status == .absent)
        var unsupported = decoded
        unsupported.categories[1].needsRuleSupport = false
        let a = try analyze(unsupported)
        #expect(a.finding("source_code_escrow")?.status == .present)
        #expect(a.finding("termination_for_convenience")?.evidence.allSatisfy { $0.source == nil } == true)
    }

    @Test func aModelThatAlreadyHasAddedCategoriesIsRefused() throws {
        let full = CombinationTests.model()
        var contracts = full
        contracts.categories = [full.categories[1]]
        let merged = try contracts.adding(["source_code_escrow"], from: full)
        #expect(throws: LearnedModel.AddingError.self) { try merged.adding(["source_code_escrow"], from: full) }
    }

    @Test(arguments: LearnedModel.Category.Scope.allCases)
    func everyScopeRoundTripsThroughTheFile(scope: LearnedModel.Category.Scope) throws {
        var model = CombinationTests.model()
        model.categories[0].scope = scope
        #expect(try LearnedModel.decode(try model.encoded()).categories[0].scope == scope)
    }

    /// Gated and only out of domain would be a category that never applies: a damaged file, not a model.
    @Test func aCategoryThatCouldNeverApplyIsRefused() throws {
        var model = CombinationTests.model()
        model.categories[0].scope = .outOfDomain
        let text = try #require(String(data: try model.encoded(), encoding: .utf8))
        let damaged = text.replacingOccurrences(of: "\"gated\":false", with: "\"gated\":true")
        #expect(damaged != text)
        #expect(throws: LearnedModel.FormatError.self) { try LearnedModel.decode(Data(damaged.utf8)) }
    }

    @Test func aModelWithAHiddenLayerCannotBeAdded() throws {
        var other = CombinationTests.model()
        other.hidden = HiddenLayer(units: 1, rows: [], steps: [1], embedding: "", bias: [0], readout: [0, 0])
        #expect(throws: LearnedModel.AddingError.self) { try CombinationTests.model().adding(["x"], from: other) }
    }
}
