import Foundation

/// The sentence classifiers with a shared hidden layer beside the linear one ("wide and deep"): each
/// provision's logit is its own linear score plus its read-out of a small layer all provisions share,
/// `z_c = b_c + x·Σ w[f,c] + Σ_j v[c,j]·tanh(a_j + x·Σ e[f,j])` (x: the sentence's unit-length scale).
/// The layer can learn conjunctions a linear model cannot ("shall not apply" beside "limitation"), and
/// sharing it lets a rare provision use what a frequent one taught it. Trained with AdaGrad on the same
/// weighted logistic loss as `SegmentTrainer`; deterministic (seeded initialisation and shuffles).
struct HiddenLayerTrainer {
    struct Settings: Sendable {
        var units = 64
        var epochs = 5
        var learningRate: Float = 0.5
        /// The shared layer's own step size: on CUAD dev 0.3 beat 0.03, 0.1, 0.6 and 1.0 (docs/evaluation.md).
        var hiddenLearningRate: Float = 0.3
        var l2: Float = 1e-6
        var maxPositiveWeight: Float = 8
        var seed: UInt64 = 20_260_101

        /// The settings of member `i` of an average: the same but for the seed (member 0 keeps it).
        func member(_ i: Int) -> Settings {
            var s = self
            s.seed = seed &+ UInt64(i) &* 7_919
            return s
        }
    }

    /// The shared layer: `embedding[feature * units + j]`, `readout[category * units + j]`.
    struct Hidden: Sendable {
        var units: Int
        var categories: Int
        var embedding: [Float]
        var bias: [Float]
        var readout: [Float]

        /// Adds the layer's read-outs for one segment to `z`.
        func add(_ f: ArraySlice<Int32>, scale x: Float, to z: inout [Float]) {
            var a = bias
            for i in f {
                let base = Int(i) * units
                for j in 0..<units { a[j] += x * embedding[base + j] }
            }
            for j in 0..<units { a[j] = tanh(a[j]) }
            for c in 0..<categories {
                var s: Float = 0
                for j in 0..<units { s += readout[c * units + j] * a[j] }
                z[c] += s
            }
        }

        /// Keeps the embedding rows of the `keep` features with the largest norms (the others are zeroed),
        /// stores every column in signed bytes with its own step, and rounds biases and read-outs to
        /// thousandths — all as the model file will hold them, so that the held-out scores the second
        /// stages are fitted on come from the weights that ship. Returns the kept rows, ascending, and
        /// their bytes (row-major) and the column steps.
        mutating func compress(keep: Int) -> (rows: [Int], bytes: [Int8], steps: [Float]) {
            let features = embedding.count / max(units, 1)
            var norms = [(Float, Int)]()
            norms.reserveCapacity(features)
            for f in 0..<features {
                var s: Float = 0
                for j in 0..<units { s += embedding[f * units + j] * embedding[f * units + j] }
                if s > 0 { norms.append((s, f)) }
            }
            norms.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            let rows = norms.prefix(keep).map(\.1).sorted()
            var kept = [Bool](repeating: false, count: features)
            for f in rows { kept[f] = true }
            var steps = [Float](repeating: 0, count: units)
            for f in rows { for j in 0..<units { steps[j] = max(steps[j], abs(embedding[f * units + j])) } }
            steps = steps.map { $0 > 0 ? $0 / 127 : 1 }
            var bytes: [Int8] = []
            bytes.reserveCapacity(rows.count * units)
            for f in 0..<features {
                for j in 0..<units {
                    let i = f * units + j
                    guard kept[f] else {
                        embedding[i] = 0
                        continue
                    }
                    let q = Int8(max(-127, min(127, (embedding[i] / steps[j]).rounded())))
                    bytes.append(q)
                    embedding[i] = Float(q) * steps[j]
                }
            }
            bias = bias.map { ($0 * 1000).rounded() / 1000 }
            readout = readout.map { ($0 * 1000).rounded() / 1000 }
            return (rows, bytes, steps)
        }

        /// The compressed layer as the file holds it; `rows` already renumbered to the file's features.
        func fileLayer(rows: [Int], bytes: [Int8], steps: [Float]) -> HiddenLayer {
            HiddenLayer(
                units: units,
                rows: rows,
                steps: steps.map(Double.init),
                embedding: Data(bytes.map { UInt8(bitPattern: $0) }).base64EncodedString(),
                bias: bias.map { Int(($0 * 1000).rounded()) },
                readout: readout.map { Int(($0 * 1000).rounded()) }
            )
        }
    }

    struct Weights: Sendable {
        var linear: SegmentTrainer.Weights
        var hidden: Hidden

        func logits(_ f: ArraySlice<Int32>, scale x: Float) -> [Float] {
            var z = linear.logits(f, scale: x)
            hidden.add(f, scale: x, to: &z)
            return z
        }
    }

    /// `members` classifiers trained alike from different seeds, their logits averaged. The average is
    /// itself one classifier of the same shape — the members' linear weights averaged, their layers side
    /// by side as one layer of `members × units` units with the read-outs divided by `members` — so the
    /// file and the analyzer need nothing new. On CUAD dev two members of 64 units gave nested F1 0.813
    /// and evidence recall 0.664 against 0.805 and 0.652 for one (docs/evaluation.md); a single layer of
    /// 128 units trained jointly gave 0.808 and 0.651.
    static func trainAveraged(
        _ data: SegmentTrainer.Examples,
        categories: Int,
        features: Int,
        settings: Settings,
        members: Int
    ) -> Weights {
        let trained = (0..<max(members, 1)).map { i in
            train(data, categories: categories, features: features, settings: settings.member(i))
        }
        return averaged(trained)
    }

    /// The classifier whose logits are the mean of the members' (all of the same shape).
    static func averaged(_ members: [Weights]) -> Weights {
        guard members.count > 1 else { return members[0] }
        let first = members[0]
        let k = members.count
        let share = 1 / Float(k)
        let H = first.hidden.units
        let categories = first.hidden.categories
        let features = first.hidden.embedding.count / max(H, 1)
        var linear = first.linear
        for i in linear.weights.indices { linear.weights[i] = members.reduce(0) { $0 + $1.linear.weights[i] } * share }
        for c in linear.bias.indices { linear.bias[c] = members.reduce(0) { $0 + $1.linear.bias[c] } * share }
        var embedding = [Float](repeating: 0, count: features * H * k)
        var readout = [Float](repeating: 0, count: categories * H * k)
        for (n, member) in members.enumerated() {
            for f in 0..<features {
                for j in 0..<H { embedding[(f * k + n) * H + j] = member.hidden.embedding[f * H + j] }
            }
            for c in 0..<categories {
                for j in 0..<H { readout[(c * k + n) * H + j] = member.hidden.readout[c * H + j] * share }
            }
        }
        return Weights(
            linear: linear,
            hidden: Hidden(
                units: H * k,
                categories: categories,
                embedding: embedding,
                bias: members.flatMap(\.hidden.bias),
                readout: readout
            )
        )
    }

    static func train(_ data: SegmentTrainer.Examples, categories: Int, features: Int, settings: Settings) -> Weights {
        var rng = SplitMix64(seed: settings.seed ^ 0x5EED)
        var state = HiddenLayerSGD(categories: categories, features: features, settings: settings, rng: &rng)
        let positiveWeight = SegmentTrainer.positiveWeights(
            data,
            categories: categories,
            cap: settings.maxPositiveWeight
        )
        SegmentTrainer.priorBias(data, categories: categories, into: &state.bias)
        var order = Array(0..<data.count)
        for _ in 0..<settings.epochs {
            rng.shuffle(&order)
            for ex in order {
                state.forward(data, ex)
                // As in `SegmentTrainer`: an example already right to within 1e-4 is not worth the update.
                guard state.gradients(label: data.labels[ex], positiveWeight: positiveWeight) else { continue }
                state.backward(data, ex)
            }
        }
        return Weights(
            linear: SegmentTrainer.Weights(categories: categories, weights: state.w, bias: state.bias),
            hidden: Hidden(
                units: settings.units,
                categories: categories,
                embedding: state.e,
                bias: state.a0,
                readout: state.v
            )
        )
    }
}
