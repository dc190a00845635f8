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
        let categories = provisions.count
        precondition(categories <= 32, "at most 32 provisions per model")

        // 1. Vocabulary, in name order so the file is the same on every run.
        var counts: [UInt64: Int32] = [:]
        for d in documents { for s in d.document.segments { for h in s.features { counts[h, default: 0] += 1 } } }
        var names: [UInt64: String] = [:]
        for d in documents { names.merge(d.names) { a, _ in a } }
        let vocabulary = counts.compactMap { h, n in n >= settings.minimumCount ? names[h] : nil }.sorted()
        var index: [UInt64: Int32] = [:]
        for (i, name) in vocabulary.enumerated() { index[SegmentFeatures.hash(name)] = Int32(i) }
        counts = [:]
        names = [:]

        // Per document: its segments as examples, and which clause each segment overlaps.
        var perDocument: [SegmentTrainer.Examples] = []
        // clauseOf[doc][category]: segment → the labelled clauses it overlaps.
        var clauseOf: [[[Int: [Int]]]] = []
        for d in documents {
            var ex = SegmentTrainer.Examples()
            var byCategory = [[Int: [Int]]](repeating: [:], count: categories)
            for (s, segment) in d.document.segments.enumerated() {
                var bits: UInt32 = 0
                for (c, p) in provisions.enumerated() {
                    guard let labels = d.labels[p] else { continue }
                    let hit = Array(
                        Set(
                            labels.clauses.indices.filter { labels.clauses[$0].overlaps(segment.span) }
                                .map { labels.clauseIndex[$0] }
                        )
                    ).sorted()
                    if !hit.isEmpty {
                        bits |= 1 << c
                        byCategory[c][s] = hit
                    }
                }
                let known = segment.features.compactMap { index[$0] }
                let scale = segment.features.isEmpty ? 0 : 1 / Float(segment.features.count).squareRoot()
                ex.append(known, labels: bits, scale: scale)
            }
            perDocument.append(ex)
            clauseOf.append(byCategory)
        }

        // Whole documents as examples for the document classifiers: every feature of any sentence, once.
        var wholeDocuments = SegmentTrainer.Examples()
        for d in documents {
            let all = SegmentClassifier.documentFeatures(d.document.segments.map(\.features))
            var bits: UInt32 = 0
            for (c, p) in provisions.enumerated() where d.labels[p]?.present == true { bits |= 1 << c }
            wholeDocuments.append(
                all.compactMap { index[$0] },
                labels: bits,
                scale: all.isEmpty ? 0 : 1 / Float(all.count).squareRoot()
            )
        }

        // 2 and 4. k fold models and the final one, for sentences and for documents, two at a time on two cores.
        let trainerSettings = SegmentTrainer.Settings(epochs: settings.epochs, seed: settings.seed)
        let documentSettings = SegmentTrainer.Settings(epochs: settings.documentEpochs, seed: settings.seed)
        let jobs = settings.folds + 1
        let results = ResultBox<SegmentTrainer.Weights>(count: 2 * jobs)
        // With a hidden layer, the sentence jobs' layers (their linear parts go to `results` as before).
        let layers = ResultBox<(HiddenLayerTrainer.Hidden, rows: [Int], bytes: [Int8], steps: [Float])>(count: jobs)
        var hiddenSettings = HiddenLayerTrainer.Settings()
        hiddenSettings.units = settings.hiddenUnits
        hiddenSettings.epochs = settings.epochs
        hiddenSettings.seed = settings.seed
        let layerSettings = hiddenSettings
        let docs = perDocument
        let whole = wholeDocuments
        DispatchQueue.concurrentPerform(iterations: 2 * jobs) { job in
            // Document jobs first: they are the quicker ones and would otherwise wait for a core at the end.
            let fold = job % jobs
            var data = SegmentTrainer.Examples()
            if job < jobs {
                for d in 0..<whole.count where fold == settings.folds || d % settings.folds != fold {
                    data.append(Array(whole.features[whole.range(d)]), labels: whole.labels[d], scale: whole.scale[d])
                }
                var w = SegmentTrainer.train(
                    data,
                    categories: categories,
                    features: vocabulary.count,
                    settings: documentSettings
                )
                w.prune(minimum: settings.minimumWeight, keep: settings.documentWeightsPerProvision)
                results.set(jobs + fold, w)
                return
            }
            for (d, ex) in docs.enumerated() where fold == settings.folds || d % settings.folds != fold {
                for e in 0..<ex.count {
                    data.append(Array(ex.features[ex.range(e)]), labels: ex.labels[e], scale: ex.scale[e])
                }
            }
            guard settings.hiddenUnits > 0 else {
                var w = SegmentTrainer.train(
                    data,
                    categories: categories,
                    features: vocabulary.count,
                    settings: trainerSettings
                )
                w.prune(minimum: settings.minimumWeight, keep: settings.weightsPerProvision)
                results.set(fold, w)
                return
            }
            var m = HiddenLayerTrainer.trainAveraged(
                data,
                categories: categories,
                features: vocabulary.count,
                settings: layerSettings,
                members: settings.hiddenMembers
            )
            m.linear.prune(minimum: settings.minimumWeight, keep: settings.weightsPerProvision)
            let (rows, bytes, steps) = m.hidden.compress(keep: settings.hiddenRows)
            results.set(fold, m.linear)
            layers.set(fold, (m.hidden, rows, bytes, steps))
        }
        // Held-out document logits: heldOutDocument[doc][category].
        let heldOutDocument = (0..<whole.count).map { d in
            results.get(jobs + d % settings.folds).logits(whole.features[whole.range(d)], scale: whole.scale[d])
        }
        let finalDocument = results.get(jobs + settings.folds)
        // Held-out logits: logits[doc][category][segment].
        var heldOut: [[[Float]]] = []
        for (d, ex) in perDocument.enumerated() {
            let w = results.get(d % settings.folds)
            let layer = settings.hiddenUnits > 0 ? layers.get(d % settings.folds).0 : nil
            var perCategory = [[Float]](repeating: [Float](repeating: 0, count: ex.count), count: categories)
            for e in 0..<ex.count {
                var z = w.logits(ex.features[ex.range(e)], scale: ex.scale[e])
                layer?.add(ex.features[ex.range(e)], scale: ex.scale[e], to: &z)
                for c in 0..<categories { perCategory[c][e] = z[c] }
            }
            heldOut.append(perCategory)
        }
        let final = results.get(settings.folds)

        // 3. Second stages per provision.
        var modelCategories: [LearnedModel.Category] = []
        var reports: [ProvisionReport] = []
        var evidenceCounts: [EvidenceCounts] = []
        var nestedCounts: [EvidenceCounts] = []
        var perfectDocumentCounts: [EvidenceCounts] = []
        for (c, provision) in provisions.enumerated() {
            let rules = documents.map { $0.document.rules[provision] ?? RuleSignal(confidence: 0.01, support: [:]) }
            let gold = documents.map { $0.labels[provision]?.present ?? false }
            let x = documents.indices.map {
                Combination.documentFeatures(
                    rule: rules[$0],
                    logits: heldOut[$0][c],
                    documentLogit: heldOutDocument[$0][c]
                )
            }
            let documentBeta = DenseLogistic.fit(x, gold)
            let scores = x.map { DenseLogistic.score(documentBeta, $0) }
            let (threshold, p, r, f1) = bestF1Threshold(scores, gold)
            let rulesF1 = f1Score(predicted: rules.map { $0.confidence >= 0.5 }, gold: gold)

            // Evidence stage: candidate sentences of every document, labelled by overlap with a clause.
            var ex: [[Double]] = []
            var ey: [Bool] = []
            for d in documents.indices {
                let logits = heldOut[d][c]
                let best = logits.max() ?? -12
                for s in Combination.candidates(rule: rules[d], logits: logits) {
                    ex.append(Combination.evidenceFeatures(rule: rules[d], logits: logits, segment: s, best: best))
                    ey.append(clauseOf[d][c][s] != nil)
                }
            }
            // Rounded as in the file, so the thresholds are chosen for the coefficients that ship.
            let evidenceBeta = DenseLogistic.fit(ex, ey).map(rounded)
            // Every document's candidates ranked once, for the cross-fitted and the nested decisions alike.
            let evidenceStage = LearnedModel.Stage(coefficients: evidenceBeta, threshold: 0)
            let ranked = documents.indices.map {
                Combination.rankedEvidence(evidenceStage, rule: rules[$0], logits: heldOut[$0][c])
            }
            let clauses = documents.map { $0.labels[provision]?.clauseCount ?? 0 }
            let nestedPredicted = nestedPredictions(x, gold, folds: settings.folds)
            let clauseOfSegment = clauseOf.map { $0[c] }
            func counts(predicted: [Bool]) -> EvidenceCounts {
                EvidenceCounts(
                    ranked: ranked,
                    predicted: predicted,
                    clauseOf: clauseOfSegment,
                    clauses: clauses,
                    cap: settings.maxEvidence
                )
            }
            evidenceCounts.append(counts(predicted: scores.map { $0 >= threshold }))
            nestedCounts.append(counts(predicted: nestedPredicted))
            perfectDocumentCounts.append(counts(predicted: gold))
            let weights = final.milliPairs(category: c)
            modelCategories.append(
                LearnedModel.Category(
                    provision: provision,
                    bias: final.milliBias(category: c),
                    weights: weights,
                    documentBias: finalDocument.milliBias(category: c),
                    documentWeights: finalDocument.milliPairs(category: c),
                    document: LearnedModel.Stage(
                        coefficients: documentBeta.map(rounded),
                        threshold: rounded(threshold)
                    ),
                    evidence: LearnedModel.Stage(coefficients: evidenceBeta, threshold: 0),
                    maxEvidence: settings.maxEvidence
                )
            )
            reports.append(
                ProvisionReport(
                    provision: provision,
                    documents: documents.count,
                    positives: gold.filter { $0 }.count,
                    positiveSentences: clauseOf.reduce(0) { $0 + $1[c].count },
                    weights: weights.count,
                    rulesF1: rulesF1,
                    precision: p,
                    recall: r,
                    f1: f1,
                    nestedF1: f1Score(predicted: nestedPredicted, gold: gold),
                    evidencePrecision: 0,
                    evidenceRecall: 0,
                    nestedEvidencePrecision: nil,
                    nestedEvidenceRecall: 0
                )
            )
        }
        // The evidence thresholds, all provisions at once (`EvidenceThresholds`).
        let all = Array(documents.indices)
        let curves = evidenceCounts.map { $0.curve(over: all) }
        let (evidenceFloor, nested) = EvidenceThresholds.floorMeeting(
            target: settings.evidencePrecisionTarget,
            counts: nestedCounts,
            documents: documents.count,
            folds: settings.folds,
            provisionFloor: settings.evidenceProvisionFloor
        )
        let perfect = EvidenceThresholds.floorMeeting(
            target: settings.evidencePrecisionTarget,
            counts: perfectDocumentCounts,
            documents: documents.count,
            folds: settings.folds,
            provisionFloor: settings.evidenceProvisionFloor
        )
        let picks = EvidenceThresholds.choose(
            curves,
            precisionFloor: evidenceFloor,
            provisionFloor: settings.evidenceProvisionFloor
        )
        for (c, pick) in picks.enumerated() {
            reports[c].nestedEvidencePrecision = nested[c].precision
            reports[c].nestedEvidenceRecall = nested[c].recall
            let point = curves[c][pick]
            modelCategories[c].evidence.threshold = point.threshold
            reports[c].evidencePrecision = point.precision ?? 0
            reports[c].evidenceRecall = point.recall
        }

        // The domain gate: the training contracts against the out-of-domain documents, whole documents as examples.
        var gate: DomainGate?
        var domainReport: DomainReport?
        if !outOfDomain.isEmpty {
            var examples = SegmentTrainer.Examples()
            for segments in documents.map(\.document.segments) + outOfDomain.map(\.segments) {
                let all = SegmentClassifier.documentFeatures(segments.map(\.features))
                examples.append(
                    all.compactMap { index[$0] },
                    labels: examples.count >= documents.count ? 1 : 0,
                    scale: all.isEmpty ? 0 : 1 / Float(all.count).squareRoot()
                )
            }
            let (weights, threshold, report) = trainGate(
                examples,
                inDomain: documents.count,
                names: outOfDomain.map(\.name),
                features: vocabulary.count,
                settings: settings
            )
            gate = DomainGate(
                trainedOn: outOfDomainSource,
                bias: weights.milliBias(category: 0),
                threshold: rounded(threshold),
                weights: weights.milliPairs(category: 0)
            )
            domainReport = report
        }

        // Only features some provision (or the gate) still weighs go into the file; renumber them.
        var used = [Int](repeating: -1, count: vocabulary.count)
        var kept: [String] = []
        for category in modelCategories {
            for pair in category.weights + category.documentWeights where used[pair[0]] < 0 {
                used[pair[0]] = 0
            }
        }
        for pair in gate?.weights ?? [] { used[pair[0]] = 0 }
        let finalLayer = settings.hiddenUnits > 0 ? layers.get(settings.folds) : nil
        for f in finalLayer?.rows ?? [] { used[f] = 0 }
        for f in vocabulary.indices where used[f] == 0 {
            used[f] = kept.count
            kept.append(vocabulary[f])
        }
        for i in modelCategories.indices {
            modelCategories[i].weights = modelCategories[i].weights.map { [used[$0[0]], $0[1]] }
            modelCategories[i].documentWeights = modelCategories[i].documentWeights.map { [used[$0[0]], $0[1]] }
        }
        if let g = gate { gate?.weights = g.weights.map { [used[$0[0]], $0[1]] } }
        let hidden = finalLayer.map { $0.0.fileLayer(rows: $0.rows.map { used[$0] }, bytes: $0.bytes, steps: $0.steps) }
        let model = LearnedModel(
            trainedOn: trainedOn,
            features: kept,
            categories: modelCategories,
            domain: gate,
            hidden: hidden
        )
        let sentences = perDocument.reduce(0) { $0 + $1.count }
        return (
            model,
            Report(
                vocabulary: kept.count,
                sentences: sentences,
                provisions: reports,
                domain: domainReport,
                evidenceFloor: evidenceFloor,
                perfectDocumentEvidence: EvidenceThresholds.macro(perfect.nested)
            )
        )
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

    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

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

/// Results written from concurrent jobs, one slot each.
final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    func get(_ i: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]!
    }
}
