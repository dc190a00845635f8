import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintIngest
import FineprintLearn
import FineprintTestSupport
import Foundation
import Testing

/// The model file in the repository: small, readable, about the taxonomy's CUAD provisions, and
/// giving findings whose evidence quotes the text exactly.
@Suite struct ShippedModelTests {
    static let root = RepositoryPaths.root
    static let modelURL = RepositoryPaths.shippedModel

    @Test func isSmallAndCoversTheCUADProvisions() throws {
        let data = try Data(contentsOf: Self.modelURL)
        // 8.7 MB: the linear weights, 30,000 embedding rows of the two averaged layers (128 units) in bytes, and
        // the categories added from vendor terms.
        #expect(data.count < 9_500_000)
        let model = try LearnedModel.decode(data)
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let mapped = corpus.taxonomy.provisions.filter { $0.cuad != nil }.map(\.id)
        #expect(model.categories.filter { $0.scope == .inDomain }.map(\.provision) == mapped)
        // The categories added from vendor terms only add what the rules saw, only out of domain, none of CUAD's.
        let added = model.categories.filter { $0.scope != .inDomain }
        #expect(!added.isEmpty)
        #expect(
            added.allSatisfy {
                $0.addsOnly && $0.scope == .outOfDomain && $0.needsRuleSupport && !mapped.contains($0.provision)
            }
        )
        for category in model.categories {
            #expect(!category.weights.isEmpty, "\(category.provision)")
            #expect(category.maxEvidence > 0)
        }
        #expect(model.trainedOn.contains("split dev"))
    }

    /// With the gate opened, so that the contract classifiers speak on our synthetic contract (the gate places
    /// our public-sector contracts on the rules' side; docs/evaluation.md).
    @Test func findingsQuoteTheTextExactly() throws {
        var model = try LearnedModel.decode(try Data(contentsOf: Self.modelURL))
        model.domain = nil
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let analyzer = try Analyzer(corpus: corpus, model: model)
        let rulesOnly = try Analyzer(corpus: corpus)
        let file = Self.root.appendingPathComponent("Tests/Fixtures/contracts/long-master-services-agreement.txt")
        let doc = try DocumentReader().read(fileAt: file)
        let playbook = try #require(corpus.playbook("tier1"))
        let combined = analyzer.analyze(doc, playbook: playbook)
        let rules = rulesOnly.analyze(doc, playbook: playbook)
        let scalars = Array(doc.text.unicodeScalars)
        // On a contract the categories added from vendor terms stay off.
        let modelled = Set(model.categories.filter { $0.scope == .inDomain }.map(\.provision))
        for finding in combined.provisions {
            #expect((finding.status == .present) == (finding.confidence >= 0.5), "\(finding.id)")
            for e in finding.evidence {
                #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.quote)
                if finding.status == .present { #expect((e.source != nil) == modelled.contains(finding.id)) }
            }
            // Provisions the model does not know are exactly what the rules say.
            if !modelled.contains(finding.id) { #expect(finding == rules.finding(finding.id), "\(finding.id)") }
        }
        #expect(combined.provisions.contains { modelled.contains($0.id) && $0.status == .present })
        #expect(combined.learnedModel == .applied)
        #expect(rules.learnedModel == nil)
    }

    /// Our synthetic AI vendor terms read like the vendor web pages the gate learned to keep the contract
    /// classifiers off: there the rules' findings stand, and the classifiers trained on vendor terms may only add
    /// provisions the rules saw without confirming. A lone clause is too short for the gate to place.
    @Test func theDomainGateKeepsTheModelOffVendorTerms() throws {
        let model = try LearnedModel.decode(try Data(contentsOf: Self.modelURL))
        #expect(model.domain != nil)
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let analyzer = try Analyzer(corpus: corpus, model: model)
        let rulesOnly = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        let contracts = Self.root.appendingPathComponent("Tests/Fixtures/contracts")
        let terms = try DocumentReader().read(fileAt: contracts.appendingPathComponent("vendor-ai-terms.md"))
        let gated = analyzer.analyze(terms, playbook: playbook)
        #expect(gated.learnedModel == .outOfDomainAdding)
        let rules = rulesOnly.analyze(terms, playbook: playbook)
        let adding = Set(model.categories.filter { $0.scope == .outOfDomain }.map(\.provision))
        for finding in gated.provisions {
            let own = try #require(rules.finding(finding.id))
            guard finding != own else { continue }
            // Only an added provision the rules left absent may differ: in the model's confidence, or present
            // with the evidence the model chose.
            #expect(adding.contains(finding.id) && own.status == .absent, "\(finding.id)")
            if finding.status == .present { #expect(finding.evidence.allSatisfy { $0.source != nil }, "\(finding.id)") }
        }
        let clause = try DocumentReader().read(
            data: Data(
                "This Agreement will not renew automatically; any extension requires a written amendment signed by both parties."
                    .utf8
            ),
            name: "clause.txt"
        )
        #expect(analyzer.analyze(clause, playbook: playbook).learnedModel != .applied)
    }

    static let cuadContracts = RepositoryPaths.sharedData("cuad").appendingPathComponent("contracts")
    static var cuadPresent: Bool { FileManager.default.fileExists(atPath: cuadContracts.path) }

    /// The contracts the model was trained on are its domain: the gate lets it speak on nearly all of them.
    @Test(.enabled(if: cuadPresent, "../shared/data/cuad is not on this machine"))
    func theDomainGateLetsTheModelOnCommercialContracts() throws {
        let model = try LearnedModel.decode(try Data(contentsOf: Self.modelURL))
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let analyzer = try Analyzer(corpus: corpus, model: model)
        let playbook = try #require(corpus.playbook("tier1"))
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.cuadContracts.path).sorted().prefix(20)
        let applied = try names.filter { name in
            let doc = try DocumentReader().read(fileAt: Self.cuadContracts.appendingPathComponent(name))
            return analyzer.analyze(doc, playbook: playbook).learnedModel == .applied
        }
        #expect(applied.count >= 18, "\(applied.count) of \(names.count)")
    }
}
