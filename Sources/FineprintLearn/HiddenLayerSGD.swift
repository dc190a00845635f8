import Foundation

/// The parameters of a hidden-layer model under training, their AdaGrad accumulators, and one example's
/// forward and backward pass (`HiddenLayerTrainer.train` runs the epochs).
struct HiddenLayerSGD {
    let categories: Int
    let H: Int
    let lr: Float
    let hlr: Float
    let l2: Float
    /// Linear weights `[feature * categories + c]`.
    var w: [Float]
    var wG: [Float]
    /// Embeddings `[feature * H + j]`.
    var e: [Float]
    var eG: [Float]
    /// The layer's bias.
    var a0: [Float]
    var a0G: [Float]
    /// Read-outs `[c * H + j]`.
    var v: [Float]
    var vG: [Float]
    var bias: [Float]
    var biasG: [Float]
    /// Scratch for one example: scores, their gradients, the layer's activations and their gradients.
    private var z: [Float]
    private var g: [Float]
    private var h: [Float]
    private var dh: [Float]

    /// Embeddings and read-outs start uniform in ±0.1, drawn from `rng` in that order.
    init(categories: Int, features: Int, settings: HiddenLayerTrainer.Settings, rng: inout SplitMix64) {
        let H = settings.units
        func uniform(_ r: Float) -> Float { (Float(rng.next() >> 40) / Float(1 << 24) * 2 - 1) * r }
        self.categories = categories
        self.H = H
        lr = settings.learningRate
        hlr = settings.hiddenLearningRate
        l2 = settings.l2
        w = [Float](repeating: 0, count: features * categories)
        wG = [Float](repeating: 1e-6, count: features * categories)
        e = (0..<(features * H)).map { _ in uniform(0.1) }
        eG = [Float](repeating: 1e-6, count: features * H)
        a0 = [Float](repeating: 0, count: H)
        a0G = [Float](repeating: 1e-6, count: H)
        v = (0..<(categories * H)).map { _ in uniform(0.1) }
        vG = [Float](repeating: 1e-6, count: categories * H)
        bias = [Float](repeating: 0, count: categories)
        biasG = [Float](repeating: 1e-6, count: categories)
        z = [Float](repeating: 0, count: categories)
        g = [Float](repeating: 0, count: categories)
        h = [Float](repeating: 0, count: H)
        dh = [Float](repeating: 0, count: H)
    }

    /// Forward: the shared layer, then every provision's linear score and read-out.
    mutating func forward(_ data: SegmentTrainer.Examples, _ ex: Int) {
        let r = data.range(ex)
        let x = data.scale[ex]
        for j in 0..<H { h[j] = a0[j] }
        for k in r {
            let base = Int(data.features[k]) * H
            for j in 0..<H { h[j] += x * e[base + j] }
        }
        for j in 0..<H { h[j] = tanh(h[j]) }
        for c in 0..<categories {
            var s = bias[c]
            for j in 0..<H { s += v[c * H + j] * h[j] }
            z[c] = s
        }
        for k in r {
            let base = Int(data.features[k]) * categories
            for c in 0..<categories { z[c] += x * w[base + c] }
        }
    }

    /// The scores' gradients for the example's labels; false when none is worth an update.
    mutating func gradients(label: UInt64, positiveWeight: [Float]) -> Bool {
        var any = false
        for c in 0..<categories {
            let y: Float = label & (1 << c) != 0 ? 1 : 0
            let grad = (1 / (1 + exp(-z[c])) - y) * (y == 1 ? positiveWeight[c] : 1)
            g[c] = abs(grad) > 1e-4 ? grad : 0
            if g[c] != 0 { any = true }
        }
        return any
    }

    /// Backward: biases and read-outs, the layer's input gradient, then linear weights and embeddings.
    mutating func backward(_ data: SegmentTrainer.Examples, _ ex: Int) {
        let r = data.range(ex)
        let x = data.scale[ex]
        for j in 0..<H { dh[j] = 0 }
        for c in 0..<categories where g[c] != 0 {
            biasG[c] += g[c] * g[c]
            bias[c] -= lr * g[c] / biasG[c].squareRoot()
            for j in 0..<H {
                let i = c * H + j
                dh[j] += g[c] * v[i]
                let gv = g[c] * h[j] + l2 * v[i]
                vG[i] += gv * gv
                v[i] -= hlr * gv / vG[i].squareRoot()
            }
        }
        for j in 0..<H {
            dh[j] *= 1 - h[j] * h[j]
            a0G[j] += dh[j] * dh[j]
            a0[j] -= hlr * dh[j] / a0G[j].squareRoot()
        }
        for k in r {
            let f = Int(data.features[k])
            let lbase = f * categories
            for c in 0..<categories where g[c] != 0 {
                let i = lbase + c
                let grad = g[c] * x + l2 * w[i]
                wG[i] += grad * grad
                w[i] -= lr * grad / wG[i].squareRoot()
            }
            let ebase = f * H
            for j in 0..<H {
                let i = ebase + j
                let grad = dh[j] * x + l2 * e[i]
                eG[i] += grad * grad
                e[i] -= hlr * grad / eG[i].squareRoot()
            }
        }
    }
}
