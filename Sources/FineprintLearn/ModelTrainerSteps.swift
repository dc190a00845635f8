import Dispatch
import FineprintCore
import Foundation

// The steps of `ModelTrainer.train`, in the order it runs them.

extension ModelTrainer {
    /// Features seen at least `minimumCount` times, in name order so the file is the same on every run, and each
    /// one's index by hash.
    static func vocabulary(
        of documents: [TrainingDocument],
        minimumCount: Int
    ) -> (vocabulary: [String], index: [UInt64: Int32]) {
        var counts: [UInt64: Int32] = [:]
        for d in documents { for s in d.document.segments { for h in s.features { counts[h, default: 0] += 1 } } }
        var names: [UInt64: String] = [:]
        for d in documents { names.merge(d.names) { a, _ in a } }
        let vocabulary = counts.compactMap { h, n in n >= minimumCount ? names[h] : nil }.sorted()
        var index: [UInt64: Int32] = [:]
        for (i, name) in vocabulary.enumerated() { index[SegmentFeatures.hash(name)] = Int32(i) }
        return (vocabulary, index)
    }

    /// Per document: its segments as examples, and (`clauseOf[doc][category]`) segment → the labelled clauses
    /// it overlaps.
    static func segmentExamples(
        _ documents: [TrainingDocument],
        provisions: [String],
        index: [UInt64: Int32]
    ) -> (perDocument: [SegmentTrainer.Examples], clauseOf: [[[Int: [Int]]]]) {
        var perDocument: [SegmentTrainer.Examples] = []
        var clauseOf: [[[Int: [Int]]]] = []
        for d in documents {
            var ex = SegmentTrainer.Examples()
            var byCategory = [[Int: [Int]]](repeating: [:], count: provisions.count)
            for (s, segment) in d.document.segments.enumerated() {
                var bits: UInt64 = 0
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
        return (perDocument, clauseOf)
    }

    /// Whole documents as examples for the document classifiers: every feature of any sentence, once.
    static func documentExamples(
        _ documents: [TrainingDocument],
        provisions: [String],
        index: [UInt64: Int32]
    ) -> SegmentTrainer.Examples {
        var wholeDocuments = SegmentTrainer.Examples()
        for d in documents {
            let all = SegmentClassifier.documentFeatures(d.document.segments.map(\.features))
            var bits: UInt64 = 0
            for (c, p) in provisions.enumerated() where d.labels[p]?.present == true { bits |= 1 << c }
            wholeDocuments.append(
                all.compactMap { index[$0] },
                labels: bits,
                scale: all.isEmpty ? 0 : 1 / Float(all.count).squareRoot()
            )
        }
        return wholeDocuments
    }

    /// Sets the evidence threshold of every provision, all at once (`EvidenceThresholds`), and fills in the
    /// evidence figures of the reports. Returns the precision floor chosen and the nested figures had every
    /// document decision been right.
    static func chooseEvidenceThresholds(
        _ counts: EvidenceCountSets,
        documents: Int,
        categories: inout [LearnedModel.Category],
        reports: inout [ProvisionReport],
        settings: Settings
    ) -> (floor: Double, perfect: [(precision: Double?, recall: Double)]) {
        let all = Array(0..<documents)
        let curves = counts.crossFitted.map { $0.curve(over: all) }
        let (evidenceFloor, nested) = EvidenceThresholds.floorMeeting(
            target: settings.evidencePrecisionTarget,
            counts: counts.nested,
            documents: documents,
            folds: settings.folds,
            provisionFloor: settings.evidenceProvisionFloor
        )
        let perfect = EvidenceThresholds.floorMeeting(
            target: settings.evidencePrecisionTarget,
            counts: counts.perfectDocuments,
            documents: documents,
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
            categories[c].evidence.threshold = point.threshold
            reports[c].evidencePrecision = point.precision ?? 0
            reports[c].evidenceRecall = point.recall
        }
        return (evidenceFloor, perfect.nested)
    }

    /// The domain gate: the training contracts against the out-of-domain documents, whole documents as
    /// examples; none without out-of-domain documents.
    static func trainDomainGate(
        _ documents: [TrainingDocument],
        outOfDomain: [LearningDocument],
        source: String,
        index: [UInt64: Int32],
        features: Int,
        settings: Settings
    ) -> (DomainGate?, DomainReport?) {
        guard !outOfDomain.isEmpty else { return (nil, nil) }
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
            features: features,
            settings: settings
        )
        let gate = DomainGate(
            trainedOn: source,
            bias: weights.milliBias(category: 0),
            threshold: rounded(threshold),
            weights: weights.milliPairs(category: 0)
        )
        return (gate, report)
    }

    /// Only features some provision (or the gate, or the hidden layer) still weighs go into the file: renumbers
    /// them in the categories and the gate, and returns them with the hidden layer as the file keeps it.
    static func keepUsedFeatures(
        _ vocabulary: [String],
        categories: inout [LearnedModel.Category],
        gate: inout DomainGate?,
        finalLayer: FirstStages.CompressedLayer?
    ) -> (kept: [String], hidden: HiddenLayer?) {
        var used = [Int](repeating: -1, count: vocabulary.count)
        var kept: [String] = []
        for category in categories {
            for pair in category.weights + category.documentWeights where used[pair[0]] < 0 {
                used[pair[0]] = 0
            }
        }
        for pair in gate?.weights ?? [] { used[pair[0]] = 0 }
        for f in finalLayer?.rows ?? [] { used[f] = 0 }
        for f in vocabulary.indices where used[f] == 0 {
            used[f] = kept.count
            kept.append(vocabulary[f])
        }
        for i in categories.indices {
            categories[i].weights = categories[i].weights.map { [used[$0[0]], $0[1]] }
            categories[i].documentWeights = categories[i].documentWeights.map { [used[$0[0]], $0[1]] }
        }
        if let g = gate { gate?.weights = g.weights.map { [used[$0[0]], $0[1]] } }
        let hidden = finalLayer.map { $0.0.fileLayer(rows: $0.rows.map { used[$0] }, bytes: $0.bytes, steps: $0.steps) }
        return (kept, hidden)
    }
}

/// The evidence counts of every provision, for the three ways its documents are decided: cross-fitted, nested,
/// and with every document decision right.
struct EvidenceCountSets {
    var crossFitted: [EvidenceCounts] = []
    var nested: [EvidenceCounts] = []
    var perfectDocuments: [EvidenceCounts] = []

    mutating func append(_ counts: (crossFitted: EvidenceCounts, nested: EvidenceCounts, perfect: EvidenceCounts)) {
        crossFitted.append(counts.crossFitted)
        nested.append(counts.nested)
        perfectDocuments.append(counts.perfect)
    }
}
