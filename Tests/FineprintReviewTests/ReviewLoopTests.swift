import FineprintAnalysis
import FineprintCore
import FineprintEval
import FineprintIngest
import FineprintNegotiation
import FineprintReport
import FineprintReview
import FineprintTestSupport
import Foundation
import Testing

/// The review loop on a fixture contract: a correction changes the score and the negotiation pack,
/// and the reviewed reading exported as gold labels loads in `eval labels`.
@Suite("Review loop: corrections score, negotiate and become gold labels")
struct ReviewLoopTests {
    struct Fixture {
        var corpus: Corpus
        var playbook: Playbook
        var document: ExtractedDocument
        var machine: Analysis
        var url: URL
    }

    static func fixture(_ name: String = "vendor-ai-terms.md") throws -> Fixture {
        let corpus = try BundledCorpus.corpus.get()
        let playbook = try #require(corpus.playbook("tier1"))
        let url = RepositoryPaths.contracts.appendingPathComponent(name)
        let document = try DocumentReader().read(fileAt: url)
        let machine = try BundledCorpus.analyzer.get().analyze(document, playbook: playbook)
        return Fixture(corpus: corpus, playbook: playbook, document: document, machine: machine, url: url)
    }

    /// A review marking the first required provision the machine found missing as present and
    /// strong, quoting the clause another finding quotes.
    static func correction(_ f: Fixture) throws -> (review: AnalysisReview, provision: String) {
        let gap = try #require(f.machine.gaps.first { $0.reason == .missing && $0.level == .required })
        let quote = try #require(
            f.machine.provisions.first { $0.status == .present && !$0.evidence.isEmpty }?.evidence.first
        )
        let editor = ReviewEditor(machine: f.machine, text: f.document.text, stamp: ReviewStamp(by: "ada", at: Date()))
        let change = FindingUpdate(
            provision: gap.provision,
            status: .present,
            strength: .strong,
            evidence: [QuoteSelection(start: quote.start, end: quote.end)],
            note: "the clause covers it"
        )
        var review = try editor.setFinding(change, in: AnalysisReview(analysisId: 1))
        review = try editor.setState(.reviewed, in: review)
        return (review, gap.provision)
    }

    @Test func aCorrectionChangesTheScoreGapsAndMarksTheCells() throws {
        let f = try Self.fixture()
        let (review, provision) = try Self.correction(f)
        let reviewed = ReviewedAnalysis.apply(review, to: f.machine, corpus: f.corpus, playbook: f.playbook)
        #expect(reviewed.analysis.score > f.machine.score)
        #expect(reviewed.marks.machineScore == f.machine.score)
        #expect(reviewed.marks.changedCells[provision] == [.status, .strength, .evidence])
        #expect(!reviewed.analysis.gaps.contains { $0.provision == provision })
        #expect(f.machine.gaps.contains { $0.provision == provision })
        // The machine's reading is kept untouched beside it.
        #expect(reviewed.machine == f.machine)
        #expect(reviewed.analysis.finding(provision)?.status == .present)
    }

    @Test func aConfirmationChangesNothingButIsRecorded() throws {
        let f = try Self.fixture()
        let finding = try #require(f.machine.provisions.first { $0.status == .present })
        let editor = ReviewEditor(machine: f.machine, text: f.document.text, stamp: ReviewStamp(by: "ada", at: Date()))
        let confirm = FindingUpdate(
            provision: finding.id,
            status: finding.status,
            strength: finding.strength,
            value: finding.value,
            evidence: finding.evidence.map { QuoteSelection(start: $0.start, end: $0.end) }
        )
        let review = try editor.setFinding(confirm, in: AnalysisReview(analysisId: 1))
        let reviewed = ReviewedAnalysis.apply(review, to: f.machine, corpus: f.corpus, playbook: f.playbook)
        #expect(reviewed.analysis == f.machine)
        #expect(reviewed.marks.confirmedProvisions == [finding.id])
        #expect(!reviewed.marks.hasChanges)
    }

    @Test func aCorrectionAndADismissedMoveChangeTheNegotiationPackAndTheReports() throws {
        let f = try Self.fixture()
        var (review, provision) = try Self.correction(f)
        let move = try #require(f.machine.killListMoves.first)
        let editor = ReviewEditor(machine: f.machine, text: f.document.text, stamp: ReviewStamp(by: "ada", at: Date()))
        review = try editor.setMove(MoveUpdate(move: move.id, decision: .dismissed, reason: "notice given"), in: review)
        let reviewed = ReviewedAnalysis.apply(review, to: f.machine, corpus: f.corpus, playbook: f.playbook)
        let machineInput = ReportInput(
            analysis: f.machine,
            corpus: f.corpus,
            playbook: f.playbook,
            text: f.document.text
        )
        var reviewedInput = machineInput
        (reviewedInput.analysis, reviewedInput.reviewMarks) = (reviewed.analysis, reviewed.marks)
        let before = PackBuilder(input: machineInput, supplier: nil, date: "2026-12-06").build()
        let after = PackBuilder(input: reviewedInput, supplier: nil, date: "2026-12-06").build()
        #expect(before.issues.contains { $0.subject == provision })
        #expect(!after.issues.contains { $0.subject == provision })
        #expect(before.issues.contains { $0.kind == .move && $0.subject == move.id })
        #expect(!after.issues.contains { $0.kind == .move && $0.subject == move.id })
        #expect(after.score == reviewed.analysis.score && after.score != before.score)
        #expect(before.review == nil)
        #expect(after.review?.contains("1 finding corrected by a reviewer, 1 trap dismissed") == true)
        // Every report says a person changed it, with the marker and its legend.
        for format in [ReportFormat.markdown, .text, .html] {
            let text = try ReportRenderer.render(reviewedInput, as: format)
            #expect(text.contains(ReviewMarks.marker))
            #expect(text.contains("changed by a reviewer"))
            #expect(text.contains("dismissed by a reviewer: notice given"))
            #expect(!(try ReportRenderer.render(machineInput, as: format)).contains("changed by a reviewer"))
        }
    }

    @Test func exportedLabelsLoadInEvalLabelsAndMatchTheReviewedReading() async throws {
        let f = try Self.fixture()
        let (review, provision) = try Self.correction(f)
        let reviewed = ReviewedAnalysis.apply(review, to: f.machine, corpus: f.corpus, playbook: f.playbook)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-labels-\(UUID())")
        let documents = folder.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = ReviewLabels.baseName(analysisId: 7, documentName: f.machine.document.name) + ".md"
        try Data(contentsOf: f.url).write(to: documents.appendingPathComponent(name))
        let file = ReviewLabels.labelFile(
            reviewed.analysis,
            text: f.document.text,
            document: name,
            split: .dev,
            by: "ada",
            date: "2026-12-06",
            notes: [provision: "the clause covers it"]
        )
        #expect(file.problems.isEmpty)
        try Data(file.yaml.utf8).write(to: folder.appendingPathComponent("7.yaml"))
        let ids = f.corpus.taxonomy.provisions.map(\.id)
        let labelled = try GoldLabels.load(labels: folder, data: documents, provisions: ids)
        let gold = try #require(labelled.first?.document)
        // The labels are the reviewed reading, provision by provision: F1 1.0 against it.
        for finding in reviewed.analysis.provisions {
            #expect(gold.isPresent(finding.id) == (finding.status == .present), "\(finding.id)")
        }
        // The analyzer measured against them: right everywhere but where the reviewer corrected it.
        let evaluator = Evaluator(analyzer: try BundledCorpus.analyzer.get(), playbook: f.playbook)
        let report = try await evaluator.evaluate([gold], provisions: ids, dataset: "review", split: .dev)
        for scores in report.provisions {
            #expect(scores.f1 == (scores.provision == provision ? 0 : 1), "\(scores.provision)")
        }
    }

    @Test func aConfirmedReviewExportsLabelsOnWhichTheAnalyzerScoresF1One() async throws {
        let f = try Self.fixture()
        let reviewed = ReviewedAnalysis.apply(
            AnalysisReview(analysisId: 1, state: .reviewed),
            to: f.machine,
            corpus: f.corpus,
            playbook: f.playbook
        )
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-labels-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(contentsOf: f.url).write(to: folder.appendingPathComponent("doc.md"))
        let file = ReviewLabels.labelFile(
            reviewed.analysis,
            text: f.document.text,
            document: "doc.md",
            split: .dev,
            by: "ada",
            date: "2026-12-06"
        )
        #expect(file.problems.isEmpty)
        try Data(file.yaml.utf8).write(to: folder.appendingPathComponent("doc.yaml"))
        let ids = f.corpus.taxonomy.provisions.map(\.id)
        let labelled = try GoldLabels.load(labels: folder, data: folder, provisions: ids)
        let evaluator = Evaluator(analyzer: try BundledCorpus.analyzer.get(), playbook: f.playbook)
        let report = try await evaluator.evaluate(labelled.map(\.document), provisions: ids, dataset: "r", split: .dev)
        #expect(report.macro.f1 == 1)
    }
}
