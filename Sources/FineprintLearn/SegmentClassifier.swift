/// A loaded model ready to score: the sentence classifiers over each sentence's features and the
/// document classifiers over the features of the whole document.
public struct SegmentClassifier: Sendable {
    public let model: LearnedModel
    private let sentences: SparseWeightTable
    private let documents: SparseWeightTable
    private let gate: SparseWeightTable?
    private let hidden: HiddenLayerTable?
    private let gateThreshold: Float
    private let categoryIndex: [String: Int]

    public init(model: LearnedModel) {
        self.model = model
        sentences = SparseWeightTable(
            features: model.features,
            weights: model.categories.map(\.weights),
            bias: model.categories.map(\.bias)
        )
        documents = SparseWeightTable(
            features: model.features,
            weights: model.categories.map(\.documentWeights),
            bias: model.categories.map(\.documentBias)
        )
        hidden = model.hidden.map { HiddenLayerTable($0, features: model.features) }
        gateThreshold = Float(model.domain?.threshold ?? 0)
        gate = model.domain.map { SparseWeightTable(features: model.features, weights: [$0.weights], bias: [$0.bias]) }
        categoryIndex = Dictionary(
            model.categories.enumerated().map { ($1.provision, $0) },
            uniquingKeysWith: { a, _ in a }
        )
    }

    public var provisions: [String] { model.categories.map(\.provision) }
    /// True when some category is applied where the domain gate keeps the others off (everywhere, or only there).
    public var hasUngatedCategories: Bool { model.categories.contains { $0.scope != .inDomain } }
    public func category(_ provision: String) -> Int? { categoryIndex[provision] }

    /// Logits per category per segment: `result[category][segment]`.
    public func logits(_ segments: [[UInt64]]) -> [[Float]] {
        var out = [[Float]](repeating: [Float](repeating: 0, count: segments.count), count: sentences.bias.count)
        var z = sentences.bias
        for (s, features) in segments.enumerated() {
            sentences.logits(features, into: &z)
            hidden?.add(features, to: &z)
            for c in z.indices { out[c][s] = z[c] }
        }
        return out
    }

    /// The document classifiers' logit per category, over every feature of any of the segments.
    public func documentLogits(_ segments: [[UInt64]]) -> [Float] {
        documentScores(segments).logits
    }

    /// Below this many sentences a gated model leaves the document to the rules: a clause or two pasted alone
    /// carries too few of a document's words for the gate to place it.
    public static let minimumGatedSentences = 3

    /// The document classifiers' logits and whether the domain gate keeps the model off the document
    /// (never, when the model has no gate); the document's features are gathered once for both.
    public func documentScores(_ segments: [[UInt64]]) -> (logits: [Float], outOfDomain: Bool) {
        let all = Self.documentFeatures(segments)
        var z = documents.bias
        documents.logits(all, into: &z)
        guard let gate else { return (z, false) }
        var g = gate.bias
        gate.logits(all, into: &g)
        return (z, g[0] >= gateThreshold || segments.count < Self.minimumGatedSentences)
    }

    /// A document's features: those of all its segments, each once.
    public static func documentFeatures(_ segments: [[UInt64]]) -> [UInt64] {
        var all: [UInt64] = []
        all.reserveCapacity(segments.reduce(0) { $0 + $1.count })
        for s in segments { all += s }
        return all.sortedUnique()
    }
}
