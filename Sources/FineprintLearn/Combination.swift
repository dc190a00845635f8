import Foundation

/// How the rules and the sentence classifier are combined, in one place so that training and
/// analysis compute exactly the same features.
public enum Combination {
    /// The rules' confidence (as log-odds), the best and second-best sentence logits, how many
    /// sentences the classifier thinks are the clause, and the document classifier's logit.
    static let documentFeatureCount = 5
    /// See `evidenceFeatures`.
    static let evidenceFeatureCount = 5
    /// Sentences scoring below this logit are not considered as evidence unless a rule fired in them.
    static let candidateLogit: Float = -8

    static func logOdds(_ p: Double) -> Double {
        let q = min(max(p, 0.01), 0.999)
        return log(q / (1 - q))
    }

    static func clamp(_ z: Float) -> Double { Double(min(max(z, -12), 12)) }

    static func documentFeatures(rule: RuleSignal, logits: [Float], documentLogit: Float) -> [Double] {
        var first: Float = -12
        var second: Float = -12
        var count = 0
        for z in logits {
            if z > first {
                second = first
                first = z
            } else if z > second {
                second = z
            }
            if z >= 0 { count += 1 }
        }
        return [logOdds(rule.confidence), clamp(first), clamp(second), log1p(Double(count)), clamp(documentLogit)]
    }

    /// A sentence's own logit and the weight of the rule cue that fired in it (0 when none); how far its
    /// logit is below the document's best (the clause is usually where the classifier is surest); and the
    /// stronger neighbour's logit and rule weight, because labelled clauses often run over two or three
    /// sentences of which only one carries the tell-tale words. (The document decision's margin as a
    /// further input made no difference on CUAD dev, cross-fitted.)
    static func evidenceFeatures(rule: RuleSignal, logits: [Float], segment s: Int, best: Float) -> [Double] {
        let previous = s > 0 ? logits[s - 1] : -12
        let next = s + 1 < logits.count ? logits[s + 1] : -12
        let neighbourRule = max(rule.support[s - 1] ?? 0, rule.support[s + 1] ?? 0)
        return [
            clamp(logits[s]), rule.support[s] ?? 0, clamp(logits[s]) - clamp(best), clamp(max(previous, next)),
            neighbourRule,
        ]
    }

    /// Sentences worth scoring as evidence: a rule fired there or the classifier does not rule them out.
    static func candidates(rule: RuleSignal, logits: [Float]) -> [Int] {
        logits.indices.filter { logits[$0] > candidateLogit || rule.support[$0] != nil }
    }

    /// Each candidate sentence with its evidence-stage logit, best first (ties in document order).
    static func rankedEvidence(
        _ stage: LearnedModel.Stage,
        rule: RuleSignal,
        logits: [Float]
    ) -> [(segment: Int, score: Double)] {
        let best = logits.max() ?? -12
        var scored: [(segment: Int, score: Double)] = []
        for s in candidates(rule: rule, logits: logits) {
            scored.append((s, stage.logit(evidenceFeatures(rule: rule, logits: logits, segment: s, best: best))))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.segment < $1.segment }
        return scored
    }

    /// The sentences shown for a present provision: those at or above the threshold, at most `cap`, at
    /// least the best one, in document order.
    static func chosen(_ ranked: [(segment: Int, score: Double)], threshold: Double, cap: Int) -> [Int] {
        var chosen = ranked.prefix { $0.score >= threshold }.prefix(cap).map(\.segment)
        if chosen.isEmpty, let best = ranked.first { chosen = [best.segment] }
        return chosen.sorted()
    }
}

/// The combined decision for one provision in one document.
public struct ProvisionDecision: Sendable, Hashable {
    public struct Evidence: Sendable, Hashable {
        public var segment: Int
        /// True when a rule cue fired in this sentence; otherwise the classifier chose it.
        public var fromRules: Bool
    }

    /// Probability-like score, ≥ 0.5 exactly when present (the model's threshold maps to 0.5).
    public var confidence: Double
    public var present: Bool
    /// Evidence sentences in document order (empty when absent).
    public var evidence: [Evidence]
}

extension LearnedModel.Category {
    /// `logits`: the sentence classifier's, per sentence; `documentLogit`: the document classifier's.
    public func decide(rule: RuleSignal, logits: [Float], documentLogit: Float) -> ProvisionDecision {
        let z =
            document.logit(Combination.documentFeatures(rule: rule, logits: logits, documentLogit: documentLogit))
            - document.threshold
        let present = z >= 0
        guard present else { return ProvisionDecision(confidence: 1 / (1 + exp(-z)), present: false, evidence: []) }
        let ranked = Combination.rankedEvidence(evidence, rule: rule, logits: logits)
        let shown = Combination.chosen(ranked, threshold: evidence.threshold, cap: maxEvidence)
            .map { ProvisionDecision.Evidence(segment: $0, fromRules: rule.support[$0] != nil) }
        return ProvisionDecision(confidence: 1 / (1 + exp(-z)), present: true, evidence: shown)
    }
}
