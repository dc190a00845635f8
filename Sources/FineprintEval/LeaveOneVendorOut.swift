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
    /// For each cap, the rules' decisions are also scored with the model's best `cap` evidence clauses added.
    public var evidenceCaps: [Int]
    /// The adding model adds only what the rules saw without confirming (`LearnedModel.Category.needsRuleSupport`).
    public var addingNeedsRuleSupport: Bool

    public init(
        rules: Analyzer,
        playbook: Playbook,
        settings: ModelTrainer.Settings,
        evidenceCaps: [Int] = [],
        addingNeedsRuleSupport: Bool = false
    ) {
        self.rules = rules
        self.playbook = playbook
        self.settings = settings
        self.evidenceCaps = evidenceCaps
        self.addingNeedsRuleSupport = addingNeedsRuleSupport
    }

    /// The vendor of a labelled document: the first folder of its path in the data folder ("ChatGPT/…"), or the
    /// group it belongs to in `together` (one supplier's products in several folders are one vendor).
    public static func vendor(of document: String, together: [[String]] = []) -> String {
        let folder = String(document.split(separator: "/").first ?? Substring(document))
        return together.first { $0.contains(folder) }?.joined(separator: "+") ?? folder
    }

    public struct VendorResult: Sendable {
        public var vendor: String
        public var documents: [String]
        /// The combined decision replacing the rules' for every provision.
        public var model: EvaluationReport
        /// The model only adding provisions the rules missed, for every provision.
        public var adds: EvaluationReport
        public var rules: EvaluationReport
        public var trainingSeconds: Double
        var modelObservations: [[String: Observation]]
        var addsObservations: [[String: Observation]]
        var rulesObservations: [[String: Observation]]
        /// Per evidence cap, the rules' observations with the capped model's evidence added.
        var evidenceAddedObservations: [Int: [[String: Observation]]]
    }

    public struct Result: Sendable {
        public var vendors: [VendorResult]
        public var pooledModel: EvaluationReport
        public var pooledAdds: EvaluationReport
        public var pooledRules: EvaluationReport
        /// Each vendor scored with the model adding only the provisions where adding beat the rules on the *other*
        /// vendors (`AddingChoice`): the honest figure of the per-provision choice.
        public var pooledChosen: EvaluationReport
        /// Per evidence cap, the rules' decisions with the model's best clauses added as evidence where both found
        /// the provision: whether a learned ranking finds the other deciding clauses that no cue reads.
        public var pooledEvidenceAdded: [(cap: Int, report: EvaluationReport)]
        /// The provisions where adding beats the rules over all vendors pooled: the choice a shipped model makes.
        public var chosen: [String]
    }

    /// `labelled` and `training` are the same documents in the same order (the training copy built once by
    /// `TrainingSet`); `extra` (the synthetic corpus's documents) is in every fold's training set.
    public func run(
        labelled: [LabelledDocument],
        training: [TrainingDocument],
        extra: [TrainingDocument],
        provisions: [String],
        only: Set<String>? = nil,
        together: [[String]] = [],
        progress: (VendorResult) -> Void = { _ in }
    ) async throws -> Result {
        precondition(labelled.count == training.count, "one training copy per labelled document")
        let groups = Dictionary(grouping: labelled.indices) { Self.vendor(of: labelled[$0].name, together: together) }
        var vendors: [VendorResult] = []
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
            var adding = model
            for c in adding.categories.indices {
                adding.categories[c].addsOnly = true
                adding.categories[c].needsRuleSupport = addingNeedsRuleSupport
            }
            let m = try observe(scored, model: model, provisions: provisions)
            let a = try observe(scored, model: adding, provisions: provisions)
            let r = try observe(scored, model: nil, provisions: provisions)
            var evidenceAdded: [Int: [[String: Observation]]] = [:]
            for cap in evidenceCaps {
                var capped = model
                for c in capped.categories.indices { capped.categories[c].maxEvidence = cap }
                let learned = try observe(scored, model: capped, provisions: provisions)
                evidenceAdded[cap] = Self.modelEvidenceAdded(to: r, from: learned)
            }
            vendors.append(
                VendorResult(
                    vendor: vendor,
                    documents: scored.map(\.name),
                    model: Self.report(m, provisions: provisions, dataset: "LOVO \(vendor), model"),
                    adds: Self.report(a, provisions: provisions, dataset: "LOVO \(vendor), model adds"),
                    rules: Self.report(r, provisions: provisions, dataset: "LOVO \(vendor), rules"),
                    trainingSeconds: seconds,
                    modelObservations: m,
                    addsObservations: a,
                    rulesObservations: r,
                    evidenceAddedObservations: evidenceAdded
                )
            )
            progress(vendors[vendors.count - 1])
        }
        return pooled(vendors, provisions: provisions)
    }

    private func observe(
        _ documents: [LabelledDocument],
        model: LearnedModel?,
        provisions: [String]
    ) throws -> [[String: Observation]] {
        let analyzer = try model.map { try Analyzer(corpus: rules.corpus, model: $0) } ?? rules
        let evaluator = Evaluator(analyzer: analyzer, playbook: playbook)
        return try documents.map { try evaluator.observe($0, provisions: provisions) }
    }

    private func pooled(_ vendors: [VendorResult], provisions: [String]) -> Result {
        var chosenObservations: [[String: Observation]] = []
        for (v, vendor) in vendors.enumerated() {
            let others = vendors.indices.filter { $0 != v }
            let choice = AddingChoice(
                adds: others.flatMap { vendors[$0].addsObservations },
                rules: others.flatMap { vendors[$0].rulesObservations },
                provisions: provisions
            )
            chosenObservations += choice.apply(adds: vendor.addsObservations, rules: vendor.rulesObservations)
        }
        let allAdds = vendors.flatMap(\.addsObservations)
        let allRules = vendors.flatMap(\.rulesObservations)
        return Result(
            vendors: vendors,
            pooledModel: Self.report(
                vendors.flatMap(\.modelObservations),
                provisions: provisions,
                dataset: "LOVO pooled, model"
            ),
            pooledAdds: Self.report(allAdds, provisions: provisions, dataset: "LOVO pooled, model adds"),
            pooledRules: Self.report(allRules, provisions: provisions, dataset: "LOVO pooled, rules"),
            pooledChosen: Self.report(
                chosenObservations,
                provisions: provisions,
                dataset: "LOVO pooled, model adds where it gained on the other vendors"
            ),
            pooledEvidenceAdded: evidenceCaps.map { cap in
                let observations = vendors.flatMap { $0.evidenceAddedObservations[cap] ?? [] }
                let dataset = "LOVO pooled, rules with the model's best \(cap) evidence clauses added"
                return (cap, Self.report(observations, provisions: provisions, dataset: dataset))
            },
            chosen: AddingChoice(adds: allAdds, rules: allRules, provisions: provisions).provisions.sorted()
        )
    }

    /// The rules' observations with the model's evidence clauses added, for provisions both found present; a
    /// model clause overlapping one the rules already show adds nothing.
    static func modelEvidenceAdded(
        to rules: [[String: Observation]],
        from model: [[String: Observation]]
    ) -> [[String: Observation]] {
        zip(rules, model).map { rulesDocument, modelDocument in
            var combined = rulesDocument
            for (id, observation) in rulesDocument where observation.predicted {
                guard let learned = modelDocument[id], learned.predicted else { continue }
                combined[id]?.evidence += learned.evidence.filter { e in
                    !observation.evidence.contains { $0.overlaps(e) }
                }
            }
            return combined
        }
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
