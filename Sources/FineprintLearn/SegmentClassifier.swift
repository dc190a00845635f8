/// A loaded model ready to score sentences: feature hashes → the categories' weights, laid out so
/// that scoring a sentence touches each of its features once.
public struct SegmentClassifier: Sendable {
    public let model: LinearModel
    private let rows: [UInt64: Int32]
    private let rowStart: [Int32]
    private let rowCategory: [UInt8]
    private let rowWeight: [Float]
    private let bias: [Float]
    private let categoryIndex: [String: Int]

    public init(model: LinearModel) {
        self.model = model
        var perFeature = [[(UInt8, Float)]](repeating: [], count: model.features.count)
        for (c, category) in model.categories.enumerated() {
            for pair in category.weights { perFeature[pair[0]].append((UInt8(c), Float(pair[1]) / 1000)) }
        }
        var rows: [UInt64: Int32] = [:]
        var start: [Int32] = [0]
        var cats: [UInt8] = []
        var weights: [Float] = []
        for (f, entries) in perFeature.enumerated() where !entries.isEmpty {
            rows[SegmentFeatures.hash(model.features[f])] = Int32(start.count - 1)
            for (c, w) in entries {
                cats.append(c)
                weights.append(w)
            }
            start.append(Int32(cats.count))
        }
        self.rows = rows
        rowStart = start
        rowCategory = cats
        rowWeight = weights
        bias = model.categories.map { Float($0.bias) }
        categoryIndex = Dictionary(model.categories.enumerated().map { ($1.provision, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public var provisions: [String] { model.categories.map(\.provision) }
    public func category(_ provision: String) -> Int? { categoryIndex[provision] }

    /// Logits per category per segment: `result[category][segment]`. Features are binary scaled to
    /// unit length over all the segment's features, known to the model or not, as in training.
    public func logits(_ segments: [[UInt64]]) -> [[Float]] {
        var out = [[Float]](repeating: [Float](repeating: 0, count: segments.count), count: bias.count)
        var z = bias
        for (s, features) in segments.enumerated() {
            for c in z.indices { z[c] = bias[c] }
            if !features.isEmpty {
                let x = 1 / Float(features.count).squareRoot()
                for h in features {
                    guard let r = rows[h] else { continue }
                    for k in Int(rowStart[Int(r)])..<Int(rowStart[Int(r) + 1]) {
                        z[Int(rowCategory[k])] += x * rowWeight[k]
                    }
                }
            }
            for c in z.indices { out[c][s] = z[c] }
        }
        return out
    }
}
