import Foundation

/// The sentence classifiers' shared hidden layer as the model file holds it (`HiddenLayerTrainer`):
/// an embedding row per kept feature, in signed bytes with one step per unit (2.5 MB of JSON numbers
/// would be 0.3 MB of bytes; base64 keeps the file JSON), the units' biases and every provision's
/// read-out of the units in thousandths.
public struct HiddenLayer: Codable, Sendable, Hashable {
    public var units: Int
    /// The features (indices into the model's `features`) that have a row, ascending.
    public var rows: [Int]
    /// Per unit: the value of one step of its signed bytes.
    public var steps: [Double]
    /// rows × units signed bytes, row-major, base64.
    public var embedding: String
    /// Per unit, in thousandths.
    public var bias: [Int]
    /// Per category of the model (in its order), its read-out of each unit, in thousandths: categories × units.
    public var readout: [Int]

    public init(units: Int, rows: [Int], steps: [Double], embedding: String, bias: [Int], readout: [Int]) {
        self.units = units
        self.rows = rows
        self.steps = steps
        self.embedding = embedding
        self.bias = bias
        self.readout = readout
    }

    /// The embedding's bytes, or nil when the base64 does not decode.
    var bytes: [Int8]? { Data(base64Encoded: embedding).map { $0.map { Int8(bitPattern: $0) } } }

    /// Why the layer cannot be used with `features` feature names and `categories` categories, or nil.
    func problem(features: Int, categories: Int) -> String? {
        guard units > 0 else { return "hidden layer: no units" }
        guard steps.count == units, bias.count == units else {
            return "hidden layer: steps or biases of the wrong length"
        }
        guard readout.count == units * categories else { return "hidden layer: read-out of the wrong length" }
        guard let bytes, bytes.count == rows.count * units else { return "hidden layer: embedding of the wrong size" }
        for (i, r) in rows.enumerated() where r < 0 || r >= features || (i > 0 && rows[i - 1] >= r) {
            return "hidden layer: row \(r) does not name a feature, or rows are out of order"
        }
        return nil
    }
}

/// The hidden layer laid out for scoring: feature hash → embedding row.
struct HiddenLayerTable: Sendable {
    private let rows: [UInt64: Int32]
    private let embedding: [Float]
    private let bias: [Float]
    private let readout: [Float]
    private let units: Int

    /// Assumes a layer that `HiddenLayer.problem` accepted.
    init(_ layer: HiddenLayer, features: [String]) {
        units = layer.units
        let bytes = layer.bytes ?? []
        var values = [Float](repeating: 0, count: bytes.count)
        for (i, b) in bytes.enumerated() { values[i] = Float(b) * Float(layer.steps[i % layer.units]) }
        embedding = values
        var rows: [UInt64: Int32] = [:]
        for (i, f) in layer.rows.enumerated() { rows[SegmentFeatures.hash(features[f])] = Int32(i) }
        self.rows = rows
        bias = layer.bias.map { Float($0) / 1000 }
        readout = layer.readout.map { Float($0) / 1000 }
    }

    /// Adds every category's read-out for one feature set (scaled to unit length over all its features,
    /// as in training) to `z`.
    func add(_ features: [UInt64], to z: inout [Float]) {
        var a = bias
        if !features.isEmpty {
            let x = 1 / Float(features.count).squareRoot()
            for h in features {
                guard let r = rows[h] else { continue }
                let base = Int(r) * units
                for j in 0..<units { a[j] += x * embedding[base + j] }
            }
        }
        for j in 0..<units { a[j] = tanh(a[j]) }
        for c in z.indices {
            var s: Float = 0
            for j in 0..<units { s += readout[c * units + j] * a[j] }
            z[c] += s
        }
    }
}
