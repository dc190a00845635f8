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
        // 8.2 MB: the linear weights, and 30,000 embedding rows of the two averaged layers (128 units) in bytes.
        #expect(data.count < 9_000_000)
        let model = try LearnedModel.decode(data)
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let mapped = corpus.taxonomy.provisions.filter { $0.cuad != nil }.map(\.id)
        #expect(model.categories.map(\.provision) == mapped)
        for category in model.categories {
            #expect(!category.weights.isEmpty, "\(category.provision)")
            #expect(category.maxEvidence > 0)
        }
        #expect(model.trainedOn.contains("split dev"))
    }

    @Test func findingsQuoteTheTextExactly() throws {
        let model = try LearnedModel.decode(try Data(contentsOf: Self.modelURL))
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let analyzer = try Analyzer(corpus: corpus, model: model)
        let rulesOnly = try Analyzer(corpus: corpus)
        let file = Self.root.appendingPathComponent("Tests/Fixtures/contracts/long-master-services-agreement.txt")
        let doc = try DocumentReader().read(fileAt: file)
        let playbook = try #require(corpus.playbook("tier1"))
        let combined = analyzer.analyze(doc, playbook: playbook)
        let rules = rulesOnly.analyze(doc, playbook: playbook)
        let scalars = Array(doc.text.unicodeScalars)
        let modelled = Set(model.categories.map(\.provision))
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

    /// Our synthetic AI vendor terms read like the vendor web pages the gate learned to keep the model
    /// off, the synthetic contracts like CUAD's: the first is judged by the rules alone, exactly.
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
        #expect(gated.learnedModel == .outOfDomain)
        #expect(gated.provisions == rulesOnly.analyze(terms, playbook: playbook).provisions)
        for name in ["sovereign-framework-agreement.txt", "ministry-platform-agreement.html"] {
            let contract = try DocumentReader().read(fileAt: contracts.appendingPathComponent(name))
            #expect(analyzer.analyze(contract, playbook: playbook).learnedModel == .applied, "\(name)")
        }
    }
}
