/// Sparse weights of several categories over named features, laid out by feature hash so that scoring
/// a feature set touches each of its features once. Used for the sentence classifiers and for the
/// document classifiers, which share the model's feature list.
struct SparseWeightTable: Sendable {
    private let rows: [UInt64: Int32]
    private let rowStart: [Int32]
    private let rowCategory: [UInt8]
    private let rowWeight: [Float]
    let bias: [Float]

    /// `weights[category]` are pairs [feature index, weight × 1000] into `features`.
    init(features: [String], weights: [[[Int]]], bias: [Double]) {
        var perFeature = [[(UInt8, Float)]](repeating: [], count: features.count)
        for (c, pairs) in weights.enumerated() {
            for pair in pairs { perFeature[pair[0]].append((UInt8(c), Float(pair[1]) / 1000)) }
        }
        var rows: [UInt64: Int32] = [:]
        var start: [Int32] = [0]
        var cats: [UInt8] = []
        var values: [Float] = []
        for (f, entries) in perFeature.enumerated() where !entries.isEmpty {
            rows[SegmentFeatures.hash(features[f])] = Int32(start.count - 1)
            for (c, w) in entries {
                cats.append(c)
                values.append(w)
            }
            start.append(Int32(cats.count))
        }
        self.rows = rows
        rowStart = start
        rowCategory = cats
        rowWeight = values
        self.bias = bias.map { Float($0) }
    }

    /// Adds the logits of one feature set (binary, scaled to unit length over all its features, known to
    /// the model or not, as in training) to `z`, which starts at the biases.
    func logits(_ features: [UInt64], into z: inout [Float]) {
        for c in z.indices { z[c] = bias[c] }
        guard !features.isEmpty else { return }
        let x = 1 / Float(features.count).squareRoot()
        for h in features {
            guard let r = rows[h] else { continue }
            for k in Int(rowStart[Int(r)])..<Int(rowStart[Int(r) + 1]) {
                z[Int(rowCategory[k])] += x * rowWeight[k]
            }
        }
    }
}
