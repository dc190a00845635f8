import Foundation

/// How the rules and the sentence classifier are combined, in one place so that training and
/// analysis compute exactly the same features.
public enum Combination {
    /// The rules' confidence (as log-odds), the best and second-best sentence logits, and how many
    /// sentences the classifier thinks are the clause.
    static let documentFeatureCount = 4
    /// A sentence's own logit and the weight of the rule cue that fired in it (0 when none).
    static let evidenceFeatureCount = 2
    /// Sentences scoring below this logit are not considered as evidence unless a rule fired in them.
    static let candidateLogit: Float = -8

    static func logOdds(_ p: Double) -> Double {
        let q = min(max(p, 0.01), 0.999)
        return log(q / (1 - q))
    }

    static func clamp(_ z: Float) -> Double { Double(min(max(z, -12), 12)) }

    static func documentFeatures(rule: RuleSignal, logits: [Float]) -> [Double] {
        var first: Float = -12, second: Float = -12
        var count = 0
        for z in logits {
            if z > first { second = first; first = z } else if z > second { second = z }
            if z >= 0 { count += 1 }
        }
        return [logOdds(rule.confidence), clamp(first), clamp(second), log1p(Double(count))]
    }

    static func evidenceFeatures(logit: Float, ruleWeight: Double) -> [Double] {
        [clamp(logit), ruleWeight]
    }

    /// Sentences worth scoring as evidence: a rule fired there or the classifier does not rule them out.
    static func candidates(rule: RuleSignal, logits: [Float]) -> [Int] {
        logits.indices.filter { logits[$0] > candidateLogit || rule.support[$0] != nil }
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

extension LinearModel.Category {
    public func decide(rule: RuleSignal, logits: [Float]) -> ProvisionDecision {
        let z = document.logit(Combination.documentFeatures(rule: rule, logits: logits)) - document.threshold
        let present = z >= 0
        guard present else { return ProvisionDecision(confidence: 1 / (1 + exp(-z)), present: false, evidence: []) }
        var scored: [(segment: Int, score: Double)] = []
        for s in Combination.candidates(rule: rule, logits: logits) {
            let e = evidence.logit(Combination.evidenceFeatures(logit: logits[s], ruleWeight: rule.support[s] ?? 0))
            scored.append((s, e))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.segment < $1.segment }
        var chosen = scored.prefix { $0.score >= evidence.threshold }.prefix(maxEvidence).map(\.segment)
        if chosen.isEmpty, let best = scored.first { chosen = [best.segment] }
        let shown = chosen.sorted().map { ProvisionDecision.Evidence(segment: $0, fromRules: rule.support[$0] != nil) }
        return ProvisionDecision(confidence: 1 / (1 + exp(-z)), present: true, evidence: shown)
    }
}
