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
        let folder = RepositoryPaths.contracts
        let documents = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix("README") }.sorted()
            .map { LabelledDocument(name: $0, file: folder.appendingPathComponent($0), clauses: [:]) }
        #expect(documents.count >= 4)
        let invariance = try Self.invariance()
        let report = try invariance.evaluate(documents, labelledParties: false)
        let renamed = report.rates.first { $0.transformation == .renameParties }
        // The transformations really change the fixtures, else the test proves nothing.
        #expect((renamed?.documents ?? 0) >= 2)
        #expect((report.rates.first { $0.transformation == .renameTerms }?.documents ?? 0) >= 1)
        // No flip may remain: the last causes (a company form inside a clause, terms classed by the buyer's data
        // near them, "Usage Data") were fixed in the reading (docs/evaluation.md, 2026-12-06, third session).
        for flip in report.flips {
            Issue.record("\(flip.transformation.rawValue) flips \(flip.finding) in \(flip.document): \(flip.change)")
        }
    }

    /// Written here: a definitions list in one sentence, with charges, documents, abbreviations and the buyer's
    /// data. Renaming the buyer's data and the parties must change no finding (the fee cap, the no-training
    /// promise, breach notification), and the rename must really happen.
    @Test func aDefinitionListKeepsItsFindingsUnderRenaming() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("invariance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("addendum.txt")
        try Self.definitionList.write(to: file, atomically: true, encoding: .utf8)
        let invariance = try Self.invariance()
        let report = try invariance.evaluate(
            [LabelledDocument(name: "addendum.txt", file: file, clauses: [:])],
            labelledParties: false
        )
        #expect(report.rates.first { $0.transformation == .renameTerms }?.documents == 1)
        #expect(report.rates.first { $0.transformation == .renameParties }?.documents == 1)
        for flip in report.flips {
            Issue.record("\(flip.transformation.rawValue) flips \(flip.finding): \(flip.change)")
        }
    }

    /// A term written in both numbers is renamed in both, as a document that coined the name would write it.
    @Test func renamingATermRenamesItsPluralToo() throws {
        let invariance = try Self.invariance()
        let text = """
            "Customer Record" means any file the Customer uploads to the Services. Northwind will not use Customer \
            Records to train any models.
            """
        let renamed = try #require(invariance.transformed(text, by: .renameTerms))
        #expect(!renamed.contains("Customer Record"))
        #expect(renamed.contains("s to train any models"))
    }

    /// A party named by a word the contract also writes in lower case ("Escrow", "Distributor") keeps that word:
    /// renaming its capitalised uses would rename the headings and sentences that use the ordinary word too.
    @Test func aPartyNameThatIsAlsoAnOrdinaryWordIsNotRenamed() throws {
        let invariance = try Self.invariance()
        let text = """
            This Source Code Agreement is made between Escrow Harbour Ltd ("Escrow Harbour") and Quillfeather \
            Software Inc. ("Quillfeather").
            1. Deposit. Quillfeather shall deposit the source code with an escrow agent within 30 days.
            2. Escrow Release. The escrow agent shall release the source code to Escrow Harbour on insolvency.
            """
        let renamed = try #require(invariance.transformed(text, by: .renameParties))
        #expect(!renamed.contains("Quillfeather"))
        #expect(renamed.contains("Escrow Release"))
        // The party is still renamed, by the next word of its name.
        #expect(!renamed.contains("Harbour"))
    }

    /// Invariance over the bundled corpus with the tier-1 playbook, renaming the buyer's data and outputs.
    static func invariance() throws -> Invariance {
        let corpus = try CorpusLoader.load(from: RepositoryPaths.corpus)
        return Invariance(
            analyzer: try Analyzer(corpus: corpus),
            playbook: try #require(corpus.playbook("tier1")),
            skipWords: Invariance.wordsThatAreNotNames(corpus),
            termClasses: ["buyer_data", "outputs"]
        )
    }

    static let definitionList = """
        DATA PROCESSING ADDENDUM
        This Addendum is made between Brightwater Analytics Ltd (the "Provider") and the Ministry of Coastal \
        Affairs (the "Customer").
        1. Definitions. In this Addendum: "EU" means the European Union; "GDPR" means the General Data \
        Protection Regulation; "Fees" means the amounts payable for the Services you provide to the Customer's \
        users; "Order Form" means the ordering document submitted by the Customer; "Customer Data" means all \
        data the Customer uploads to the Services.
        2. No training. Brightwater will not use Customer Data to train, retrain or improve any models.
        3. Breach. Brightwater will notify the Customer of any breach affecting Customer Data within 48 hours.
        4. Liability. Brightwater's total liability shall not exceed the Fees paid by the Customer in the \
        twelve months before the claim.
        """
}
