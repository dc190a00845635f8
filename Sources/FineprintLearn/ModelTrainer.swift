import Dispatch
import FineprintCore
import Foundation

/// A document with gold labels for training: which provisions it contains and where the labelled
/// clauses are (spans located in the text; a clause that could not be located is simply not listed).
public struct TrainingDocument: Sendable {
    public var document: LearningDocument
    /// Provision id → labels; a provision not listed counts as absent.
    public var labels: [String: ProvisionLabels]
    /// Feature hash → name, for the features of this document (`SegmentFeatures.names`).
    public var names: [UInt64: String]

    public init(document: LearningDocument, labels: [String: ProvisionLabels], names: [UInt64: String]) {
        self.document = document
        self.labels = labels
        self.names = names
    }
}

public struct ProvisionLabels: Sendable, Hashable {
    public var present: Bool
    /// The located spans of the labelled clauses.
    public var clauses: [TextSpan]
    /// For each span, the labelled clause it belongs to: one clause may have several spans (the parts
    /// of a clause with passages left out, the copies of a repeated one), and counts once in evidence recall.
    public var clauseIndex: [Int]

    public init(present: Bool, clauses: [TextSpan], clauseIndex: [Int]? = nil) {
        self.present = present
        self.clauses = clauses
        self.clauseIndex = clauseIndex ?? Array(clauses.indices)
    }

    /// How many labelled clauses the spans belong to.
    public var clauseCount: Int { Set(clauseIndex).count }
}

/// Trains a `LearnedModel` (docs/evaluation.md, "The learned component"):
/// 1. a vocabulary of the n-grams seen in at least `minimumCount` sentences;
/// 2. k-fold cross-fitting inside the training documents: sentence classifiers trained on k−1 folds
///    score the held-out fold, so the second stages are fitted on honest, unseen-document scores;
/// 3. per provision, a document stage (rules + sentence scores) with the F1-best threshold, and an
///    evidence stage with the threshold that best balances evidence precision and recall;
/// 4. the sentence classifiers trained again on all the documents: the shipped weights.
public enum ModelTrainer {
    public struct Settings: Sendable {
        public var folds = 5
        public var minimumCount = 3
        public var epochs = 5
        public var weightsPerProvision = 10_000
        /// The document classifiers: a few hundred examples, so fewer weights and more passes.
        public var documentWeightsPerProvision = 2_000
        public var documentEpochs = 10
        public var minimumWeight: Float = 0.02
        public var maxEvidence = 10
        /// The evidence thresholds maximise macro evidence recall keeping macro evidence precision at least this — on
        /// the nested estimate, where the document stage and the thresholds are cross-fitted too
        /// (`EvidenceThresholds.floorMeeting`): choosing on the documents judged is optimistic.
        public var evidencePrecisionTarget = 0.60
        /// No provision's evidence precision (cross-fitted) below this: at least one shown sentence in four right.
        public var evidenceProvisionFloor = 0.25
        public var seed: UInt64 = 20_260_101
        /// Units of the sentence classifiers' shared hidden layer (`HiddenLayerTrainer`); 0: linear classifiers only.
        public var hiddenUnits = 64
        /// The features with the largest embedding rows that keep them; the others rely on their linear weights.
        public var hiddenRows = 30_000
        /// Sentence classifiers trained from different seeds and averaged (`HiddenLayerTrainer.trainAveraged`);
        /// with a hidden layer, the file holds one layer of `hiddenMembers × hiddenUnits` units.
        public var hiddenMembers = 2

        public init() {}
    }

    /// Cross-fitted figures for one provision (on the training documents: an estimate, not a validation).
    public struct ProvisionReport: Sendable {
        public var provision: String
        public var documents: Int
        public var positives: Int
        public var positiveSentences: Int
        public var weights: Int
        public var rulesF1: Double
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Document F1 with the document stage itself cross-fitted too (fitted and thresholded on four
        /// folds' held-out scores, applied to the fifth): the honest dev estimate of the decision.
        public var nestedF1: Double
        public var evidencePrecision: Double
        public var evidenceRecall: Double
        /// Evidence with the document stage and the evidence thresholds cross-fitted too (nil: nothing shown).
        public var nestedEvidencePrecision: Double?
        public var nestedEvidenceRecall: Double
    }

    /// How the domain gate sorts documents it did not see (cross-fitted over the same folds).
    public struct DomainReport: Sendable {
        public var inDomain: Int
        public var outOfDomain: Int
        /// Training contracts the gate would keep the model off.
        public var inDomainFlagged: Int
        /// Out-of-domain documents the gate would let the model judge.
        public var outOfDomainMissed: Int
        public var missedNames: [String]
    }

    public struct Report: Sendable {
        public var vocabulary: Int
        public var sentences: Int
        public var provisions: [ProvisionReport]
        public var domain: DomainReport?
        /// The macro evidence precision floor the shipped thresholds were chosen with (cross-fitted), raised
        /// from the target until the nested estimate met it.
        public var evidenceFloor: Double
        /// Macro evidence precision and recall, nested as the shipped figures are, had every document decision
        /// been right: what the sentence ranking alone allows, so that evidence lost to missed contracts
        /// and evidence lost to the ranking can be told apart.
        public var perfectDocumentEvidence: (precision: Double, recall: Double)
    }

    /// `outOfDomain`: documents unlike the training contracts (vendor web terms, policies), for the domain
    /// gate; none, no gate. `outOfDomainSource` says what they were, for the file.
    public static func train(
        _ documents: [TrainingDocument],
        provisions: [String],
        trainedOn: String,
        outOfDomain: [LearningDocument] = [],
        outOfDomainSource: String = "",
        settings: Settings = Settings()
    ) -> (LearnedModel, Report) {
        precondition(provisions.count <= 64, "at most 64 provisions per model")
        // 1. Vocabulary; 2 and 4. the k fold models and the final one; 3. the second stages per provision.
        let (vocabulary, index) = vocabulary(of: documents, minimumCount: settings.minimumCount)
        let (perDocument, clauseOf) = segmentExamples(documents, provisions: provisions, index: index)
        let firstStages = FirstStages.train(
            segments: perDocument,
            documents: documentExamples(documents, provisions: provisions, index: index),
            categories: provisions.count,
            features: vocabulary.count,
            settings: settings
        )
        let trained = trainCategories(
            documents,
            provisions: provisions,
            perDocument: perDocument,
            clauseOf: clauseOf,
            firstStages: firstStages,
            settings: settings
        )
        var modelCategories = trained.categories
        var (gate, domainReport) = trainDomainGate(
            documents,
            outOfDomain: outOfDomain,
            source: outOfDomainSource,
            index: index,
            features: vocabulary.count,
            settings: settings
        )
        let (kept, hidden) = keepUsedFeatures(
            vocabulary,
            categories: &modelCategories,
            gate: &gate,
            finalLayer: settings.hiddenUnits > 0 ? firstStages.layers.get(settings.folds) : nil
        )
        let model = LearnedModel(
            trainedOn: trainedOn,
            features: kept,
            categories: modelCategories,
            domain: gate,
            hidden: hidden
        )
        let report = Report(
            vocabulary: kept.count,
            sentences: perDocument.reduce(0) { $0 + $1.count },
            provisions: trained.reports,
            domain: domainReport,
            evidenceFloor: trained.evidenceFloor,
            perfectDocumentEvidence: EvidenceThresholds.macro(trained.perfect)
        )
        return (model, report)
    }

    /// Every provision's second stage, trained on the first stages' held-out logits, in order, with its
    /// report, and the evidence thresholds chosen across them (the floor and the nested figures had every
    /// document decision been right).
    private static func trainCategories(
        _ documents: [TrainingDocument],
        provisions: [String],
        perDocument: [SegmentTrainer.Examples],
        clauseOf: [[[Int: [Int]]]],
        firstStages: FirstStages,
        settings: Settings
    ) -> (
        categories: [LearnedModel.Category], reports: [ProvisionReport], evidenceFloor: Double,
        perfect: [(precision: Double?, recall: Double)]
    ) {
        let secondStages = SecondStages(
            documents: documents,
            clauseOf: clauseOf,
            heldOut: firstStages.heldOutSegmentLogits(perDocument),
            heldOutDocument: firstStages.heldOutDocumentLogits(),
            first: firstStages,
            settings: settings
        )
        var categories: [LearnedModel.Category] = []
        var reports: [ProvisionReport] = []
        var counts = EvidenceCountSets()
        for (c, provision) in provisions.enumerated() {
            let stage = secondStages.train(category: c, provision: provision)
            categories.append(stage.category)
            reports.append(stage.report)
            counts.append(stage.counts)
        }
        let (evidenceFloor, perfect) = chooseEvidenceThresholds(
            counts,
            documents: documents.count,
            categories: &categories,
            reports: &reports,
            settings: settings
        )
        return (categories, reports, evidenceFloor, perfect)
    }

    /// The gate's weights, trained on all examples; its threshold, chosen on the cross-fitted logits (each
    /// example judged by a gate trained on the other folds); and that cross-fitted sorting. The first
    /// `inDomain` examples are the contracts, the rest the out-of-domain documents named by `names`.
    static func trainGate(
        _ examples: SegmentTrainer.Examples,
        inDomain: Int,
        names: [String],
        features: Int,
        settings: Settings
    ) -> (SegmentTrainer.Weights, Double, DomainReport) {
        let gateSettings = SegmentTrainer.Settings(epochs: settings.documentEpochs, seed: settings.seed)
        func fit(_ fold: Int?) -> SegmentTrainer.Weights {
            var data = SegmentTrainer.Examples()
            for e in 0..<examples.count where fold.map({ e % settings.folds != $0 }) ?? true {
                data.append(
                    Array(examples.features[examples.range(e)]),
                    labels: examples.labels[e],
                    scale: examples.scale[e]
                )
            }
            var w = SegmentTrainer.train(data, categories: 1, features: features, settings: gateSettings)
            w.prune(minimum: settings.minimumWeight, keep: settings.documentWeightsPerProvision)
            return w
        }
        var logits = [Double](repeating: 0, count: examples.count)
        for fold in 0..<settings.folds {
            let w = fit(fold)
            for e in 0..<examples.count where e % settings.folds == fold {
                logits[e] = Double(w.logits(examples.features[examples.range(e)], scale: examples.scale[e])[0])
            }
        }
        let outside = examples.count - inDomain
        // The lowest cut that keeps the model off at most 1 % of the training contracts (a false-alarm
        // budget: a contract wrongly sent to the rules alone loses the model's gain), midway to the next
        // lower logit as for the document stage's threshold.
        let budget = inDomain / 100
        let cuts = Set(logits).sorted(by: >)
        var threshold = (cuts.first ?? 0) + 1
        for (k, cut) in cuts.enumerated() {
            guard (0..<inDomain).filter({ logits[$0] >= cut }).count <= budget else { break }
            threshold = k + 1 < cuts.count ? (cut + cuts[k + 1]) / 2 : cut - 1
        }
        let flagged = (0..<inDomain).filter { logits[$0] >= threshold }.count
        let missed = (inDomain..<examples.count).filter { logits[$0] < threshold }
        return (
            fit(nil), threshold,
            DomainReport(
                inDomain: inDomain,
                outOfDomain: outside,
                inDomainFlagged: flagged,
                outOfDomainMissed: missed.count,
                missedNames: missed.map { names[$0 - inDomain] }
            )
        )
    }

    static func rounded(_ x: Double) -> Double { x.rounded(toPlaces: 4) }

    /// The document decisions with the document stage itself cross-fitted: for each fold, the stage and its
    /// F1-best threshold come from the other folds' (already held-out) scores.
    static func nestedPredictions(_ x: [[Double]], _ gold: [Bool], folds: Int) -> [Bool] {
        var predicted = [Bool](repeating: false, count: x.count)
        for fold in 0..<folds {
            let train = x.indices.filter { $0 % folds != fold }
            let beta = DenseLogistic.fit(train.map { x[$0] }, train.map { gold[$0] })
            let (threshold, _, _, _) = bestF1Threshold(
                train.map { DenseLogistic.score(beta, x[$0]) },
                train.map { gold[$0] }
            )
            for d in x.indices where d % folds == fold { predicted[d] = DenseLogistic.score(beta, x[d]) >= threshold }
        }
        return predicted
    }

    static func f1Score(predicted: [Bool], gold: [Bool]) -> Double {
        var tp = 0
        var fp = 0
        var fn = 0
        for (p, g) in zip(predicted, gold) {
            if p && g { tp += 1 } else if p { fp += 1 } else if g { fn += 1 }
        }
        return tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
    }

    /// The threshold on `scores` with the best F1 (midway between the cut score and the next lower one).
    static func bestF1Threshold(_ scores: [Double], _ gold: [Bool]) -> (Double, Double, Double, Double) {
        let positives = gold.filter { $0 }.count
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var best = (threshold: order.first.map { scores[$0] + 1 } ?? 0, p: 0.0, r: 0.0, f1: 0.0)
        var tp = 0
        var seen = 0
        var i = 0
        while i < order.count {
            var j = i
            while j < order.count && scores[order[j]] == scores[order[i]] {
                if gold[order[j]] { tp += 1 }
                seen += 1
                j += 1
            }
            let f1 = positives == 0 ? 0 : 2 * Double(tp) / Double(seen + positives)
            if f1 > best.f1 {
                let next = j < order.count ? scores[order[j]] : scores[order[i]] - 1
                best = (
                    (scores[order[i]] + next) / 2, Double(tp) / Double(seen),
                    positives == 0 ? 0 : Double(tp) / Double(positives), f1
                )
            }
            i = j
        }
        return (best.threshold, best.p, best.r, best.f1)
    }
}
