import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintNegotiation
import FineprintReport
import FineprintTestSupport
import Foundation
import Testing

/// The pack of our fixture vendor terms against tier 1, built once for every test.
enum PackFixture {
    static let date = "2026-12-05"

    static func input(_ name: String = "vendor-ai-terms.md", profile: String = "tier1") throws -> ReportInput {
        let corpus = try BundledCorpus.corpus.get()
        let analyzer = try BundledCorpus.analyzer.get()
        let playbook = try #require(corpus.playbook(profile))
        let document = try DocumentReader().read(fileAt: RepositoryPaths.contracts.appendingPathComponent(name))
        let analysis = analyzer.analyze(document, playbook: playbook)
        return ReportInput(analysis: analysis, corpus: corpus, playbook: playbook, text: document.text)
    }

    static func pack(_ name: String = "vendor-ai-terms.md") throws -> NegotiationPack {
        PackBuilder(input: try input(name), supplier: "Auroral", date: date).build()
    }
}
