import FineprintCore

/// Scores for one provision over a set of documents.
public struct ProvisionScores: Codable, Sendable {
    public var provision: String
    public var documents: Int
    public var positives: Int
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Share of reported evidence spans (in documents predicted present) that overlap a labelled clause.
    public var evidencePrecision: Double?
    /// Share of labelled clauses overlapped by some evidence span.
    public var evidenceRecall: Double?
    /// Area under the precision-recall curve of `confidence` (average precision).
    public var aupr: Double?
    /// Labelled clauses that could not be found in the text (left out of evidence recall).
    public var unlocatedClauses: Int
    /// Documents wrongly predicted present / missed, for the error analysis.
    public var falsePositiveDocuments: [String]
    public var falseNegativeDocuments: [String]
}

public struct EvaluationReport: Codable, Sendable {
    public var dataset: String
    public var split: String
    public var documents: Int
    public var provisions: [ProvisionScores]
    public var macro: Macro
    public var millisecondsPerDocument: Double

    public struct Macro: Codable, Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var evidencePrecision: Double
        public var evidenceRecall: Double
        public var aupr: Double
    }
}

/// One document's predictions and gold spans for one provision.
struct Observation {
    var document: String
    var labelled: Bool
    var predicted: Bool
    var confidence: Double
    var evidence: [TextSpan]
    /// One entry per located labelled clause: the spans where its text occurs.
    var goldSpans: [[TextSpan]]
    var unlocated: Int
}

enum Metrics {
    static func scores(_ provision: String, _ observations: [Observation]) -> ProvisionScores {
        var tp = 0
        var fp = 0
        var fn = 0
        var evidenceTotal = 0
        var evidenceHits = 0
        var goldTotal = 0
        var goldHits = 0
        var unlocated = 0
        var fpDocs: [String] = []
        var fnDocs: [String] = []
        for o in observations {
            switch (o.labelled, o.predicted) {
            case (true, true): tp += 1
            case (false, true):
                fp += 1
                fpDocs.append(o.document)
            case (true, false):
                fn += 1
                fnDocs.append(o.document)
            default: break
            }
            if o.predicted {
                evidenceTotal += o.evidence.count
                evidenceHits += o.evidence.filter { e in o.goldSpans.contains { $0.contains { $0.overlaps(e) } } }.count
            }
            goldTotal += o.goldSpans.count
            goldHits +=
                o.goldSpans.filter { g in o.predicted && o.evidence.contains { e in g.contains { $0.overlaps(e) } } }
                .count
            unlocated += o.unlocated
        }
        let precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : (tp + fn == 0 ? 1 : 0)
        let recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 1
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return ProvisionScores(
            provision: provision,
            documents: observations.count,
            positives: tp + fn,
            truePositives: tp,
            falsePositives: fp,
            falseNegatives: fn,
            precision: precision,
            recall: recall,
            f1: f1,
            evidencePrecision: evidenceTotal > 0 ? Double(evidenceHits) / Double(evidenceTotal) : nil,
            evidenceRecall: goldTotal > 0 ? Double(goldHits) / Double(goldTotal) : nil,
            aupr: averagePrecision(observations.map { ($0.confidence, $0.labelled) }),
            unlocatedClauses: unlocated,
            falsePositiveDocuments: fpDocs,
            falseNegativeDocuments: fnDocs
        )
    }

    /// Average precision: the area under the step precision-recall curve, ranking by score.
    /// Tied scores are taken as one threshold.
    static func averagePrecision(_ scored: [(score: Double, positive: Bool)]) -> Double? {
        let positives = scored.filter(\.positive).count
        guard positives > 0 else { return nil }
        let sorted = scored.sorted { $0.score > $1.score }
        var ap = 0.0
        var tp = 0
        var seen = 0
        var previousRecall = 0.0
        var i = 0
        while i < sorted.count {
            var j = i
            while j < sorted.count && sorted[j].score == sorted[i].score {
                if sorted[j].positive { tp += 1 }
                seen += 1
                j += 1
            }
            let recall = Double(tp) / Double(positives)
            let precision = Double(tp) / Double(seen)
            ap += (recall - previousRecall) * precision
            previousRecall = recall
            i = j
        }
        return ap
    }

    static func macro(_ scores: [ProvisionScores]) -> EvaluationReport.Macro {
        func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
        return EvaluationReport.Macro(
            precision: mean(scores.map(\.precision)),
            recall: mean(scores.map(\.recall)),
            f1: mean(scores.map(\.f1)),
            evidencePrecision: mean(scores.compactMap(\.evidencePrecision)),
            evidenceRecall: mean(scores.compactMap(\.evidenceRecall)),
            aupr: mean(scores.compactMap(\.aupr))
        )
    }
}
