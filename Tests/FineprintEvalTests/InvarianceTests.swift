import FineprintAnalysis
import FineprintCorpus
import FineprintEval
import Foundation
import Testing

/// Metamorphic tests on our own fixture contracts: renaming the parties or the classed defined terms, or
/// listing the preamble's parties in the other order, must not change a single finding.
@Suite struct InvarianceTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func renamingNeverFlipsAFindingOnTheFixtures() throws {
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let folder = Self.root.appendingPathComponent("Tests/Fixtures/contracts")
        let documents = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix("README") }.sorted()
            .map { LabelledDocument(name: $0, file: folder.appendingPathComponent($0), clauses: [:]) }
        #expect(documents.count >= 4)
        let invariance = Invariance(
            analyzer: try Analyzer(corpus: corpus),
            playbook: try #require(corpus.playbook("tier1")),
            skipWords: Invariance.wordsThatAreNotNames(corpus),
            termClasses: ["buyer_data", "outputs"]
        )
        let report = try invariance.evaluate(documents, labelledParties: false)
        let renamed = report.rates.first { $0.transformation == .renameParties }
        // The transformations really change the fixtures, else the test proves nothing.
        #expect((renamed?.documents ?? 0) >= 2)
        for flip in report.flips {
            Issue.record("\(flip.transformation.rawValue) flips \(flip.finding) in \(flip.document): \(flip.change)")
        }
    }
}
