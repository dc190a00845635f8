import FineprintAnalysis
import FineprintCore
import FineprintLearn
import Foundation

/// Leave-one-vendor-out over our labelled vendor documents (docs/evaluation.md): for each vendor, a model is
/// trained on the synthetic corpus and the other vendors' documents, and that vendor's documents are scored with
/// it, beside the rules alone on the same documents. No vendor is ever scored by a model that saw its documents.
public struct LeaveOneVendorOut: Sendable {
    /// The rules the models are combined with (an analyzer without a model).
    public var rules: Analyzer
    public var playbook: Playbook
    public var settings: ModelTrainer.Settings

    public init(rules: Analyzer, playbook: Playbook, settings: ModelTrainer.Settings) {
        self.rules = rules
        self.playbook = playbook
        self.settings = settings
    }

    /// The vendor of a labelled document: the first folder of its path in the data folder ("ChatGPT/…").
    public static func vendor(of document: String) -> String {
        String(document.split(separator: "/").first ?? Substring(document))
    }

    public struct VendorResult: Sendable {
        public var vendor: String
        public var documents: [String]
        public var model: EvaluationReport
        public var rules: EvaluationReport
        public var trainingSeconds: Double
    }

    public struct Result: Sendable {
        public var vendors: [VendorResult]
        public var pooledModel: EvaluationReport
        public var pooledRules: EvaluationReport
    }

    /// `labelled` and `training` are the same documents in the same order (the training copy built once by
    /// `TrainingSet`); `extra` (the synthetic corpus's documents) is in every fold's training set.
    public func run(
        labelled: [LabelledDocument],
        training: [TrainingDocument],
        extra: [TrainingDocument],
        provisions: [String],
        only: Set<String>? = nil,
        progress: (VendorResult) -> Void = { _ in }
    ) async throws -> Result {
        precondition(labelled.count == training.count, "one training copy per labelled document")
        let groups = Dictionary(grouping: labelled.indices) { Self.vendor(of: labelled[$0].name) }
        var vendors: [VendorResult] = []
        var modelObservations: [[String: Observation]] = []
        var rulesObservations: [[String: Observation]] = []
        for vendor in groups.keys.sorted() where only?.contains(vendor) ?? true {
            let held = Set(groups[vendor] ?? [])
            let started = Date()
            let (model, _) = ModelTrainer.train(
                extra + training.indices.filter { !held.contains($0) }.map { training[$0] },
                provisions: provisions,
                trainedOn: "leave-one-vendor-out without \(vendor)",
                settings: settings
            )
            let seconds = Date().timeIntervalSince(started)
            let scored = held.sorted().map { labelled[$0] }
            let withModel = Evaluator(analyzer: try Analyzer(corpus: rules.corpus, model: model), playbook: playbook)
            let rulesOnly = Evaluator(analyzer: rules, playbook: playbook)
            let m = try scored.map { try withModel.observe($0, provisions: provisions) }
            let r = try scored.map { try rulesOnly.observe($0, provisions: provisions) }
            modelObservations += m
            rulesObservations += r
            vendors.append(
                VendorResult(
                    vendor: vendor,
                    documents: scored.map(\.name),
                    model: Self.report(m, provisions: provisions, dataset: "LOVO \(vendor), model"),
                    rules: Self.report(r, provisions: provisions, dataset: "LOVO \(vendor), rules"),
                    trainingSeconds: seconds
                )
            )
            progress(vendors[vendors.count - 1])
        }
        return Result(
            vendors: vendors,
            pooledModel: Self.report(modelObservations, provisions: provisions, dataset: "LOVO pooled, model"),
            pooledRules: Self.report(rulesObservations, provisions: provisions, dataset: "LOVO pooled, rules")
        )
    }

    static func report(
        _ observations: [[String: Observation]],
        provisions: [String],
        dataset: String
    )
        -> EvaluationReport
    {
        let scores = provisions.map { id in
            Metrics.scores(id, observations.compactMap { $0[id] }.sorted { $0.document < $1.document })
        }
        return EvaluationReport(
            dataset: dataset,
            split: DataSplit.dev.rawValue,
            documents: observations.count,
            provisions: scores,
            macro: Metrics.macro(scores),
            millisecondsPerDocument: 0
        )
    }
}

extension EvaluationReport {
    /// Presence decisions pooled over every provision and document: 2·TP / (2·TP + FP + FN).
    public var microF1: Double {
        let tp = provisions.reduce(0) { $0 + $1.truePositives }
        let wrong = provisions.reduce(0) { $0 + $1.falsePositives + $1.falseNegatives }
        return tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + wrong)
    }
}
