import Foundation

/// Tells documents like the model's training contracts from documents unlike them (AI vendor web
/// terms, policies): a logistic regression over the features of the whole document, trained with the
/// training contracts as negatives and a folder of out-of-domain documents as positives. The model's
/// classifiers learned CUAD's wording and on vendor terms they do worse than the rules alone
/// (docs/evaluation.md), so a document the gate calls out of domain is judged by the rules only.
public struct DomainGate: Codable, Sendable, Hashable {
    /// What the out-of-domain examples were, for the record.
    public var trainedOn: String
    public var bias: Double
    /// A document whose gate logit is at or above this is out of domain.
    public var threshold: Double
    /// Pairs [feature index, weight × 1000]; a flat list in the file, as for the categories.
    public var weights: [[Int]]

    public init(trainedOn: String, bias: Double, threshold: Double, weights: [[Int]]) {
        self.trainedOn = trainedOn
        self.bias = bias
        self.threshold = threshold
        self.weights = weights
    }

    enum CodingKeys: String, CodingKey { case trainedOn, bias, threshold, weights }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trainedOn = try c.decode(String.self, forKey: .trainedOn)
        bias = try c.decode(Double.self, forKey: .bias)
        threshold = try c.decode(Double.self, forKey: .threshold)
        weights = try LearnedModel.pairs(c, .weights)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trainedOn, forKey: .trainedOn)
        try c.encode(bias, forKey: .bias)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(weights.flatMap { $0 }, forKey: .weights)
    }
}
