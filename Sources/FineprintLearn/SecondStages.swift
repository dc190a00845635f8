import FineprintCore
import Foundation

/// The second stages of one provision, trained on the first stages' held-out logits: the document decision
/// (rules, sentence and document logits) and the evidence ranking of candidate sentences.
struct SecondStages {
    let documents: [TrainingDocument]
    /// `[doc][category]`: segment → the labelled clauses it overlaps.
    let clauseOf: [[[Int: [Int]]]]
    /// `[doc][category][segment]`.
    let heldOut: [[[Float]]]
    /// `[doc][category]`.
    let heldOutDocument: [[Float]]
    let first: FirstStages
    let settings: ModelTrainer.Settings

    struct Trained {
        var category: LearnedModel.Category
        var report: ModelTrainer.ProvisionReport
        var counts: (crossFitted: EvidenceCounts, nested: EvidenceCounts, perfect: EvidenceCounts)
    }

    func train(category c: Int, provision: String) -> Trained {
        let rules = documents.map { $0.document.rules[provision] ?? RuleSignal(confidence: 0.01, support: [:]) }
        let gold = documents.map { $0.labels[provision]?.present ?? false }
        let x = documents.indices.map {
            Combination.documentFeatures(rule: rules[$0], logits: heldOut[$0][c], documentLogit: heldOutDocument[$0][c])
        }
        let documentBeta = DenseLogistic.fit(x, gold)
        let scores = x.map { DenseLogistic.score(documentBeta, $0) }
        let (threshold, p, r, f1) = ModelTrainer.bestF1Threshold(scores, gold)
        let evidenceBeta = evidenceCoefficients(category: c, rules: rules)
        let nestedPredicted = ModelTrainer.nestedPredictions(x, gold, folds: settings.folds)
        let counts = evidenceCounts(category: c, provision: provision, rules: rules, evidenceBeta: evidenceBeta)
        let weights = first.final.milliPairs(category: c)
        let category = LearnedModel.Category(
            provision: provision,
            bias: first.final.milliBias(category: c),
            weights: weights,
            documentBias: first.finalDocument.milliBias(category: c),
            documentWeights: first.finalDocument.milliPairs(category: c),
            document: LearnedModel.Stage(
                coefficients: documentBeta.map(ModelTrainer.rounded),
                threshold: ModelTrainer.rounded(threshold)
            ),
            evidence: LearnedModel.Stage(coefficients: evidenceBeta, threshold: 0),
            maxEvidence: settings.maxEvidence
        )
        let report = ModelTrainer.ProvisionReport(
            provision: provision,
            documents: documents.count,
            positives: gold.filter { $0 }.count,
            positiveSentences: clauseOf.reduce(0) { $0 + $1[c].count },
            weights: weights.count,
            rulesF1: ModelTrainer.f1Score(predicted: rules.map { $0.confidence >= 0.5 }, gold: gold),
            precision: p,
            recall: r,
            f1: f1,
            nestedF1: ModelTrainer.f1Score(predicted: nestedPredicted, gold: gold),
            evidencePrecision: 0,
            evidenceRecall: 0,
            nestedEvidencePrecision: nil,
            nestedEvidenceRecall: 0
        )
        return Trained(
            category: category,
            report: report,
            counts: (
                counts(scores.map { $0 >= threshold }), counts(nestedPredicted), counts(gold)
            )
        )
    }

    /// The evidence stage: candidate sentences of every document, labelled by overlap with a clause; rounded
    /// as in the file, so the thresholds are chosen for the coefficients that ship.
    private func evidenceCoefficients(category c: Int, rules: [RuleSignal]) -> [Double] {
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
        return DenseLogistic.fit(ex, ey).map(ModelTrainer.rounded)
    }

    /// The evidence counts for a set of document decisions; every document's candidates ranked once, for the
    /// cross-fitted, nested and perfect decisions alike.
    private func evidenceCounts(
        category c: Int,
        provision: String,
        rules: [RuleSignal],
        evidenceBeta: [Double]
    ) -> ([Bool]) -> EvidenceCounts {
        let evidenceStage = LearnedModel.Stage(coefficients: evidenceBeta, threshold: 0)
        let ranked = documents.indices.map {
            Combination.rankedEvidence(evidenceStage, rule: rules[$0], logits: heldOut[$0][c])
        }
        let clauses = documents.map { $0.labels[provision]?.clauseCount ?? 0 }
        let clauseOfSegment = clauseOf.map { $0[c] }
        let cap = settings.maxEvidence
        return { predicted in
            EvidenceCounts(
                ranked: ranked,
                predicted: predicted,
                clauseOf: clauseOfSegment,
                clauses: clauses,
                cap: cap
            )
        }
    }
}
