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
    public var clauses: [TextSpan]

    public init(present: Bool, clauses: [TextSpan]) {
        self.present = present
        self.clauses = clauses
    }
}

/// Trains a `LinearModel` (docs/evaluation.md, "The learned component"):
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
        public var minimumWeight: Float = 0.02
        public var maxEvidence = 6
        public var seed: UInt64 = 20_260_101

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
        public var evidencePrecision: Double
        public var evidenceRecall: Double
    }

    public struct Report: Sendable {
        public var vocabulary: Int
        public var sentences: Int
        public var provisions: [ProvisionReport]
    }

    public static func train(_ documents: [TrainingDocument], provisions: [String], trainedOn: String,
                             settings: Settings = Settings()) -> (LinearModel, Report) {
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
                    let hit = labels.clauses.indices.filter { labels.clauses[$0].overlaps(segment.span) }
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

        // 2 and 4. k fold models and the final one, two at a time on two cores.
        let trainerSettings = SegmentTrainer.Settings(epochs: settings.epochs, seed: settings.seed)
        let jobs = settings.folds + 1
        let results = ResultBox<SegmentTrainer.Weights>(count: jobs)
        let docs = perDocument
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            var data = SegmentTrainer.Examples()
            for (d, ex) in docs.enumerated() where job == settings.folds || d % settings.folds != job {
                for e in 0..<ex.count { data.append(Array(ex.features[ex.range(e)]), labels: ex.labels[e], scale: ex.scale[e]) }
            }
            var w = SegmentTrainer.train(data, categories: categories, features: vocabulary.count, settings: trainerSettings)
            w.prune(minimum: settings.minimumWeight, keep: settings.weightsPerProvision)
            results.set(job, w)
        }
        // Held-out logits: logits[doc][category][segment].
        var heldOut: [[[Float]]] = []
        for (d, ex) in perDocument.enumerated() {
            let w = results.get(d % settings.folds)
            var perCategory = [[Float]](repeating: [Float](repeating: 0, count: ex.count), count: categories)
            for e in 0..<ex.count {
                let z = w.logits(ex.features[ex.range(e)], scale: ex.scale[e])
                for c in 0..<categories { perCategory[c][e] = z[c] }
            }
            heldOut.append(perCategory)
        }
        let final = results.get(settings.folds)

        // 3. Second stages per provision.
        var modelCategories: [LinearModel.Category] = []
        var reports: [ProvisionReport] = []
        for (c, provision) in provisions.enumerated() {
            let rules = documents.map { $0.document.rules[provision] ?? RuleSignal(confidence: 0.01, support: [:]) }
            let gold = documents.map { $0.labels[provision]?.present ?? false }
            let x = documents.indices.map { Combination.documentFeatures(rule: rules[$0], logits: heldOut[$0][c]) }
            let documentBeta = DenseLogistic.fit(x, gold)
            let scores = x.map { DenseLogistic.score(documentBeta, $0) }
            let (threshold, p, r, f1) = bestF1Threshold(scores, gold)
            let rulesF1 = f1Score(predicted: rules.map { $0.confidence >= 0.5 }, gold: gold)

            // Evidence stage: candidate sentences of every document, labelled by overlap with a clause.
            var ex: [[Double]] = []
            var ey: [Bool] = []
            for d in documents.indices {
                for s in Combination.candidates(rule: rules[d], logits: heldOut[d][c]) {
                    ex.append(Combination.evidenceFeatures(logit: heldOut[d][c][s], ruleWeight: rules[d].support[s] ?? 0))
                    ey.append(clauseOf[d][c][s] != nil)
                }
            }
            let evidenceBeta = DenseLogistic.fit(ex, ey)
            let predicted = scores.map { $0 >= threshold }
            let documentStage = LinearModel.Stage(coefficients: documentBeta, threshold: threshold)
            var best = (threshold: 0.0, precision: 0.0, recall: 0.0, objective: -1.0)
            for t in stride(from: -6.0, through: 4.0, by: 0.25) {
                let stage = LinearModel.Category(provision: provision, bias: 0, weights: [], document: documentStage,
                                                 evidence: LinearModel.Stage(coefficients: evidenceBeta, threshold: t),
                                                 maxEvidence: settings.maxEvidence)
                let (ep, er) = evidenceScores(stage, documents: documents, provision: provision, rules: rules,
                                              logits: heldOut.map { $0[c] }, predicted: predicted, clauseOf: clauseOf.map { $0[c] })
                // F2-like: recall counts double, a missed clause costs the reader more than an extra sentence to read.
                let objective = ep + er > 0 ? 3 * ep * er / (2 * ep + er) : 0
                if objective > best.objective { best = (t, ep, er, objective) }
            }

            var weights: [[Int]] = []
            for f in 0..<vocabulary.count {
                let w = final.weights[f * categories + c]
                let milli = Int((w * 1000).rounded())
                if milli != 0 { weights.append([f, milli]) }
            }
            modelCategories.append(LinearModel.Category(
                provision: provision, bias: (Double(final.bias[c]) * 1000).rounded() / 1000, weights: weights,
                document: LinearModel.Stage(coefficients: documentBeta.map(rounded), threshold: rounded(threshold)),
                evidence: LinearModel.Stage(coefficients: evidenceBeta.map(rounded), threshold: best.threshold),
                maxEvidence: settings.maxEvidence))
            reports.append(ProvisionReport(
                provision: provision, documents: documents.count, positives: gold.filter { $0 }.count,
                positiveSentences: clauseOf.reduce(0) { $0 + $1[c].count }, weights: weights.count,
                rulesF1: rulesF1, precision: p, recall: r, f1: f1,
                evidencePrecision: best.precision, evidenceRecall: best.recall))
        }

        // Only features some provision still weighs go into the file; renumber them.
        var used = [Int](repeating: -1, count: vocabulary.count)
        var kept: [String] = []
        for category in modelCategories { for pair in category.weights where used[pair[0]] < 0 {
            used[pair[0]] = 0
        } }
        for f in vocabulary.indices where used[f] == 0 {
            used[f] = kept.count
            kept.append(vocabulary[f])
        }
        for i in modelCategories.indices {
            modelCategories[i].weights = modelCategories[i].weights.map { [used[$0[0]], $0[1]] }
        }
        let model = LinearModel(trainedOn: trainedOn, features: kept, categories: modelCategories)
        let sentences = perDocument.reduce(0) { $0 + $1.count }
        return (model, Report(vocabulary: kept.count, sentences: sentences, provisions: reports))
    }

    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    static func f1Score(predicted: [Bool], gold: [Bool]) -> Double {
        var tp = 0, fp = 0, fn = 0
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
        var tp = 0, seen = 0
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
                best = ((scores[order[i]] + next) / 2, Double(tp) / Double(seen),
                        positives == 0 ? 0 : Double(tp) / Double(positives), f1)
            }
            i = j
        }
        return (best.threshold, best.p, best.r, best.f1)
    }

    /// Evidence precision and recall as the evaluation counts them, over the documents predicted present.
    static func evidenceScores(_ category: LinearModel.Category, documents: [TrainingDocument], provision: String,
                               rules: [RuleSignal], logits: [[Float]], predicted: [Bool],
                               clauseOf: [[Int: [Int]]]) -> (Double, Double) {
        var shown = 0, shownHits = 0, clauses = 0, found = 0
        for d in documents.indices {
            let total = documents[d].labels[provision]?.clauses.count ?? 0
            clauses += total
            guard predicted[d] else { continue }
            var forced = category
            forced.document = LinearModel.Stage(coefficients: [0, 0, 0, 0, 1], threshold: 0)
            let decision = forced.decide(rule: rules[d], logits: logits[d])
            var covered = Set<Int>()
            for e in decision.evidence {
                shown += 1
                if let ids = clauseOf[d][e.segment] {
                    shownHits += 1
                    covered.formUnion(ids)
                }
            }
            found += covered.count
        }
        return (shown > 0 ? Double(shownHits) / Double(shown) : 0, clauses > 0 ? Double(found) / Double(clauses) : 0)
    }
}

/// Results written from concurrent jobs, one slot each.
final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> T { lock.lock(); defer { lock.unlock() }; return slots[i]! }
}
