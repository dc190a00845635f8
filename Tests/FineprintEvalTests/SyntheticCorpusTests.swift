import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintEval
import FineprintIngest
import FineprintLearn
import FineprintTestSupport
import Foundation
import Testing

/// The synthetic training corpus (corpus/training/synthetic) and what the trainer learns from it.
@Suite struct SyntheticCorpusTests {
    static let folder = RepositoryPaths.corpus.appendingPathComponent("training/synthetic")

    @Test func everyProvisionHasSixtyPositivesAndSixtyHardNegatives() throws {
        let corpus = try SyntheticCorpus.load(folder: Self.folder)
        let provisions = try BundledCorpus.corpus.get().taxonomy.provisions.map(\.id)
        #expect(provisions.count == 40)
        #expect(corpus.problems(provisions: provisions, minimum: 60) == [])
        let counts = corpus.counts()
        #expect(Set(counts.keys) == Set(provisions))
        for id in provisions {
            #expect((counts[id]?.positives ?? 0) >= 60, "\(id) positives")
            #expect((counts[id]?.negatives ?? 0) >= 60, "\(id) negatives")
        }
        // Clauses are whole, filled sentences: no slot left open, every party style used.
        #expect(!corpus.clauses.contains { $0.text.contains("{") || $0.text.contains("}") })
        #expect(Set(corpus.clauses.map(\.style)).count >= 5)
    }

    @Test func theChecksCatchARealSupplierNameARepeatAndAMissingProvision() {
        func clause(_ text: String, _ provision: String) -> SyntheticCorpus.Clause {
            .init(text: text, provision: provision, positive: true, positiveFor: [provision], style: "web terms")
        }
        let corpus = SyntheticCorpus(clauses: [
            clause("Microsoft will not train on your Content.", "secondary_use_restriction"),
            clause("We will delete your Content within 30 days.", "data_deletion"),
            clause("we will delete your content within 30 days.", "data_residency"),
        ])
        let problems = corpus.problems(
            provisions: ["secondary_use_restriction", "data_deletion", "data_residency", "escrow"],
            minimum: 1
        )
        #expect(problems.contains { $0.contains("names Microsoft") })
        #expect(problems.contains { $0.hasPrefix("repeated in data_deletion and data_residency") })
        #expect(problems.contains { $0.hasPrefix("escrow: 0 positives") })
        // A word that only contains a name is not the name.
        #expect(
            !SyntheticCorpus(clauses: [clause("The metadata is kept.", "logging")])
                .problems(provisions: ["logging"], minimum: 1).contains { $0.contains("names") }
        )
    }

    @Test func composedDocumentsLabelEveryPositiveClause() throws {
        let corpus = try SyntheticCorpus.load(folder: Self.folder)
        let documents = corpus.documents(clausesPerDocument: 24)
        #expect(documents.count >= corpus.clauses.count / 24)
        let labelled = documents.reduce(0) { $0 + $1.clauses.values.reduce(0) { $0 + $1.count } }
        #expect(labelled == corpus.clauses.reduce(0) { $0 + $1.positiveFor.count })
        for document in documents.prefix(20) {
            for clause in document.clauses.values.flatMap({ $0 }) { #expect(document.text.contains(clause)) }
        }
        #expect(corpus.documents().map(\.text) == documents.map(\.text))
    }

    /// Trains on the synthetic corpus only, for a few provisions: the same data gives byte-identical files.
    @Test func trainingOnTheSyntheticCorpusIsDeterministic() async throws {
        let provisions = ["secondary_use_restriction", "data_deletion", "breach_notification"]
        let training = try await Self.syntheticTraining(provisions: provisions, every: 3)
        var settings = ModelTrainer.Settings()
        settings.hiddenUnits = 4
        settings.hiddenMembers = 1
        settings.folds = 3
        let first = try ModelTrainer.train(training, provisions: provisions, trainedOn: "t", settings: settings).0
            .encoded()
        let second = try ModelTrainer.train(training, provisions: provisions, trainedOn: "t", settings: settings).0
            .encoded()
        #expect(first == second)
    }

    /// The no-training promise, which CUAD never labelled, learned from our synthetic clauses alone and found in a
    /// fixture of ours written apart from the corpus (other party names, other defined terms, other wording).
    @Test func theNoTrainingPromiseIsLearnedFromTheSyntheticCorpus() async throws {
        let provisions = ["secondary_use_restriction", "data_ownership", "ip_assignment", "data_deletion"]
        let training = try await Self.syntheticTraining(provisions: provisions, every: 2)
        var settings = ModelTrainer.Settings()
        settings.hiddenUnits = 0
        settings.folds = 3
        let (model, _) = ModelTrainer.train(
            training,
            provisions: provisions,
            trainedOn: "synthetic",
            settings: settings
        )
        let corpus = try BundledCorpus.corpus.get()
        let fixture = RepositoryPaths.fixtures.appendingPathComponent("learning/no-training-promise.txt")
        let document = try DocumentReader().read(fileAt: fixture)
        let analyzer = try Analyzer(corpus: corpus, model: model)
        let (learning, _) = analyzer.learningDocument(document, names: false)
        let logits = SegmentClassifier(model: model).logits(learning.segments.map(\.features))
        let c = try #require(SegmentClassifier(model: model).category("secondary_use_restriction"))
        let promise = try #require(
            learning.segments.firstIndex { Self.text(document, $0.span).contains("will not use") }
        )
        let buyerDuty = try #require(
            learning.segments.firstIndex { Self.text(document, $0.span).contains("must not use") }
        )
        #expect(logits[c][promise] > 0)
        #expect(logits[c][promise] > logits[c][buyerDuty])
        for s in learning.segments.indices where s != promise { #expect(logits[c][s] < logits[c][promise]) }
        let playbook = try #require(corpus.playbook("tier1"))
        let finding = try #require(
            analyzer.analyze(document, playbook: playbook).finding("secondary_use_restriction")
        )
        #expect(finding.status == .present)
        #expect(finding.evidence.contains { $0.span.overlaps(learning.segments[promise].span) })
    }

    static func text(_ document: ExtractedDocument, _ span: TextSpan) -> String {
        let scalars = Array(document.text.unicodeScalars)[span.start..<span.end]
        return String(String.UnicodeScalarView(scalars))
    }

    /// Every `every`-th composed document as a training document (rules-only analyzer, as `fineprint train`).
    static func syntheticTraining(provisions: [String], every: Int) async throws -> [TrainingDocument] {
        let documents = try SyntheticCorpus.load(folder: folder).documents()
        let kept = documents.indices.filter { $0 % every == 0 }.map { documents[$0] }
        return try TrainingSet(analyzer: try BundledCorpus.analyzer.get()).build(
            synthetic: kept,
            provisions: provisions
        )
    }
}
