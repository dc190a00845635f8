import FineprintAnalysis
import FineprintCorpus
import FineprintEval
import FineprintTestSupport
import Foundation
import Testing

/// Metamorphic tests on our own fixture contracts: renaming the parties or the classed defined terms, or
/// listing the preamble's parties in the other order, must not change a single finding.
@Suite struct InvarianceTests {
    @Test func renamingNeverFlipsAFindingOnTheFixtures() throws {
        let corpus = try CorpusLoader.load(from: RepositoryPaths.corpus)
        let folder = RepositoryPaths.contracts
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
        // Four flips remain (issue 15: cues that still name data by literal words). Known, so the suite
        // stays green; when they are fixed this block reports an unexpected pass and must go.
        withKnownIssue("renames still flip findings: docs/evaluation.md, invariance") {
            for flip in report.flips {
                Issue.record(
                    "\(flip.transformation.rawValue) flips \(flip.finding) in \(flip.document): \(flip.change)"
                )
            }
        }
    }
}
