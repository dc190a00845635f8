import Foundation

/// One logistic regression per category over the same sparse segments, trained together with
/// AdaGrad. Inputs are binary features scaled to unit length, so long sentences do not win by length.
/// Deterministic: the example order comes from a seeded generator, the arithmetic is sequential.
struct SegmentTrainer {
    /// Segments as feature-index lists, with a bit per category for the labels.
    struct Examples {
        var offsets: [Int] = [0]
        var features: [Int32] = []
        var labels: [UInt64] = []
        /// 1/sqrt(number of the segment's features, known to the vocabulary or not) — as at analysis time.
        var scale: [Float] = []
        var count: Int { labels.count }

        mutating func append(_ f: [Int32], labels l: UInt64, scale s: Float) {
            features += f
            offsets.append(features.count)
            labels.append(l)
            scale.append(s)
        }

        func range(_ i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }
    }

    struct Settings: Sendable {
        var epochs = 5
        var learningRate: Float = 0.5
        var l2: Float = 1e-6
        /// Positives weigh sqrt(negatives/positives), at most this much: rare clauses still count.
        var maxPositiveWeight: Float = 8
        var seed: UInt64 = 20_260_101
    }

    /// Trained weights: `weights[feature * categories + c]`.
    struct Weights {
        var categories: Int
        var weights: [Float]
        var bias: [Float]

        func logits(_ f: ArraySlice<Int32>, scale x: Float) -> [Float] {
            var z = bias
            for i in f {
                let base = Int(i) * categories
                for c in 0..<categories { z[c] += x * weights[base + c] }
            }
            return z
        }

        /// Zeroes weights below `minimum` and keeps at most `keep` per category (largest magnitudes).
        /// One category's weights as they go into the model file: [feature index, weight × 1000], zeros left out.
        func milliPairs(category c: Int) -> [[Int]] {
            var pairs: [[Int]] = []
            for f in 0..<(weights.count / categories) {
                let milli = Int((weights[f * categories + c] * 1000).rounded())
                if milli != 0 { pairs.append([f, milli]) }
            }
            return pairs
        }

        /// One category's bias rounded to thousandths, as in the file.
        func milliBias(category c: Int) -> Double { (Double(bias[c]) * 1000).rounded() / 1000 }

        mutating func prune(minimum: Float, keep: Int) {
            let features = weights.count / max(categories, 1)
            for c in 0..<categories {
                var magnitudes: [Float] = []
                for f in 0..<features where abs(weights[f * categories + c]) >= minimum {
                    magnitudes.append(abs(weights[f * categories + c]))
                }
                var cut = minimum
                if magnitudes.count > keep {
                    magnitudes.sort(by: >)
                    cut = max(minimum, magnitudes[keep - 1])
                }
                var kept = 0
                for f in 0..<features {
                    let w = weights[f * categories + c]
                    if abs(w) >= cut && kept < keep { kept += 1 } else { weights[f * categories + c] = 0 }
                }
            }
        }
    }

    static func positiveCounts(_ data: Examples, categories: Int) -> [Int] {
        var positives = [Int](repeating: 0, count: categories)
        for l in data.labels { for c in 0..<categories where l & (1 << c) != 0 { positives[c] += 1 } }
        return positives
    }

    /// Positives weigh sqrt(negatives/positives), between 1 and `cap`.
    static func positiveWeights(_ data: Examples, categories: Int, cap: Float) -> [Float] {
        positiveCounts(data, categories: categories).map { p in
            guard p > 0 else { return 1 }
            return min(cap, max(1, (Float(data.count - p) / Float(p)).squareRoot()))
        }
    }

    /// Each bias starts at the prior log-odds, so the first epoch is not spent learning the base rate.
    static func priorBias(_ data: Examples, categories: Int, into bias: inout [Float]) {
        for (c, n) in positiveCounts(data, categories: categories).enumerated() where n > 0 {
            let p = Float(n) / Float(data.count)
            bias[c] = log(p / (1 - p))
        }
    }

    static func train(_ data: Examples, categories: Int, features: Int, settings: Settings) -> Weights {
        var w = [Float](repeating: 0, count: features * categories)
        var g2 = [Float](repeating: 1e-6, count: features * categories)
        var bias = [Float](repeating: 0, count: categories)
        var biasG2 = [Float](repeating: 1e-6, count: categories)
        let positiveWeight = positiveWeights(data, categories: categories, cap: settings.maxPositiveWeight)
        priorBias(data, categories: categories, into: &bias)
        var order = Array(0..<data.count)
        var rng = SplitMix64(seed: settings.seed)
        var z = [Float](repeating: 0, count: categories)
        var g = [Float](repeating: 0, count: categories)
        var active: [Int] = []
        for _ in 0..<settings.epochs {
            rng.shuffle(&order)
            for e in order {
                let r = data.range(e)
                let x = data.scale[e]
                for c in 0..<categories { z[c] = bias[c] }
                for k in r {
                    let base = Int(data.features[k]) * categories
                    for c in 0..<categories { z[c] += x * w[base + c] }
                }
                active.removeAll(keepingCapacity: true)
                let label = data.labels[e]
                for c in 0..<categories {
                    let y: Float = label & (1 << c) != 0 ? 1 : 0
                    let p = 1 / (1 + exp(-z[c]))
                    let grad = (p - y) * (y == 1 ? positiveWeight[c] : 1)
                    // An example the model already gets right to within 1e-4 changes nothing worth the time.
                    if abs(grad) > 1e-4 {
                        g[c] = grad
                        active.append(c)
                        biasG2[c] += grad * grad
                        bias[c] -= settings.learningRate * grad / biasG2[c].squareRoot()
                    }
                }
                guard !active.isEmpty else { continue }
                for k in r {
                    let base = Int(data.features[k]) * categories
                    for c in active {
                        let i = base + c
                        let grad = g[c] * x + settings.l2 * w[i]
                        g2[i] += grad * grad
                        w[i] -= settings.learningRate * grad / g2[i].squareRoot()
                    }
                }
            }
        }
        return Weights(categories: categories, weights: w, bias: bias)
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same shuffles on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher–Yates with our own index draws (the standard library's shuffle may change between releases).
    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
}
