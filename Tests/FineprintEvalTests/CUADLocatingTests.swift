import FineprintAnalysis
import FineprintCorpus
import FineprintEval
import FineprintTestSupport
import Foundation
import Testing

/// CUAD marks a passage its annotators left out of a clause with "<omitted>". Such a clause is found by
/// its parts and counts once; a clause with a part that is not in the text stays unlocated.
@Suite struct CUADLocatingTests {
    static let root = RepositoryPaths.root

    static let contract = """
        SUPPLY AGREEMENT

        1. Governing law. This Agreement shall be governed by and construed in accordance with the laws of \
        the State of New York, without regard to its conflict of laws principles, and the parties submit \
        to its courts.

        2. Notices. Notices go to the addresses above.
        """

    func evaluate(clauses: [String]) async throws -> ProvisionScores {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-cuad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("contracts"),
            withIntermediateDirectories: true
        )
        try Data(Self.contract.utf8).write(to: dir.appendingPathComponent("contracts/supply.txt"))
        let literal = "[" + clauses.map { "'" + $0 + "'" }.joined(separator: ", ") + "]"
        let csv = "Filename,Governing Law,Governing Law-Answer\nsupply.pdf,\"\(literal)\",New York\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("master_clauses.csv"))
        let documents = try CUADDataset.load(from: dir, categories: ["governing_law": "Governing Law"])
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let evaluator = Evaluator(
            analyzer: try Analyzer(corpus: corpus),
            playbook: try #require(corpus.playbook("tier1"))
        )
        let report = try await evaluator.evaluate(
            documents,
            provisions: ["governing_law"],
            dataset: "synthetic",
            split: .all
        )
        return try #require(report.provisions.first)
    }

    @Test func aClauseWithAnOmittedPassageIsFoundByItsParts() async throws {
        let scores = try await evaluate(clauses: [
            "This Agreement shall be governed by<omitted>the laws of the State of New York"
        ])
        #expect(scores.unlocatedClauses == 0)
        #expect(scores.truePositives == 1)
        // One clause of two parts, overlapped by the governing-law sentence: found once, recall 1.
        #expect(scores.evidenceRecall == 1)
    }

    @Test func aClauseWithAPartMissingFromTheTextStaysUnlocated() async throws {
        let scores = try await evaluate(clauses: [
            "This Agreement shall be governed by<omitted>the laws of the Republic of Ruritania"
        ])
        #expect(scores.unlocatedClauses == 1)
        #expect(scores.evidenceRecall == nil)
    }
}
