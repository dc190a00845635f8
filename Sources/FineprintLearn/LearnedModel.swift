import Foundation

/// The shipped model file (`corpus/models/cuad-model.json`, format `fineprint.learned-model/5`):
/// per provision, a logistic regression over sentence n-grams (with, optionally, a read-out of a hidden
/// layer all provisions share), one over the n-grams of the whole document, a second stage that turns
/// the rules' confidence and those scores into a document decision, and one that picks evidence
/// sentences; and, optionally, a domain gate that keeps the model off documents unlike its training
/// contracts.
/// Weights are stored as integers in thousandths: exact to read back and half the size of decimals.
public struct LearnedModel: Codable, Sendable, Hashable {
    public static let formatId = "fineprint.learned-model/5"

    public var format: String
    /// What the model was trained on, for the record (data set, split, document count).
    public var trainedOn: String
    /// Feature names (`SegmentFeatures`): "word", "word word", "h:word".
    public var features: [String]
    public var categories: [Category]
    /// Absent when the model was trained without out-of-domain documents: then it applies everywhere.
    public var domain: DomainGate?
    /// The sentence classifiers' shared hidden layer; absent, they are linear.
    public var hidden: HiddenLayer?

    public struct Category: Codable, Sendable, Hashable {
        public var provision: String
        /// Sentence classifier: bias, and pairs [feature index, weight × 1000].
        public var bias: Double
        public var weights: [[Int]]
        /// Document classifier over all the features of the document: bias, and pairs as above.
        public var documentBias: Double
        public var documentWeights: [[Int]]
        /// Document decision over `Combination.documentFeatures`; present when its logit ≥ threshold.
        public var document: Stage
        /// Evidence choice over `Combination.evidenceFeatures`; a sentence is shown when its logit ≥ threshold.
        public var evidence: Stage
        /// At most this many model-chosen evidence sentences.
        public var maxEvidence: Int
        /// When true the model may only add the provision where the rules did not find it: where a rule fires,
        /// the rules' decision and evidence stand. False (the default): the combined decision replaces the rules'.
        public var addsOnly: Bool
        /// Which documents the category is applied to, given the domain gate's verdict.
        public var scope: Scope
        /// When true (with `addsOnly`) the category adds a provision only where a cue of it matched without
        /// confirming it, and not on a sentence the rules read the other way (`Analyzer.confirmsRules`).
        public var needsRuleSupport: Bool

        public init(
            provision: String,
            bias: Double,
            weights: [[Int]],
            documentBias: Double = 0,
            documentWeights: [[Int]] = [],
            document: Stage,
            evidence: Stage,
            maxEvidence: Int,
            addsOnly: Bool = false,
            scope: Scope = .inDomain,
            needsRuleSupport: Bool = false
        ) {
            self.provision = provision
            self.bias = bias
            self.weights = weights
            self.documentBias = documentBias
            self.documentWeights = documentWeights
            self.document = document
            self.evidence = evidence
            self.maxEvidence = maxEvidence
            self.addsOnly = addsOnly
            self.scope = scope
            self.needsRuleSupport = needsRuleSupport
        }

        // In the file the pairs are one flat list, index, weight, index, weight…: a list of 160,000 two-element
        // lists took half a second to decode, a flat list of numbers a small fraction of that.
        enum CodingKeys: String, CodingKey {
            case provision, bias, weights, documentBias, documentWeights, document, evidence, maxEvidence
            case addsOnly, gated, onlyOutOfDomain, needsRuleSupport
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            provision = try c.decode(String.self, forKey: .provision)
            bias = try c.decode(Double.self, forKey: .bias)
            weights = try LearnedModel.pairs(c, .weights)
            documentBias = try c.decode(Double.self, forKey: .documentBias)
            documentWeights = try LearnedModel.pairs(c, .documentWeights)
            document = try c.decode(Stage.self, forKey: .document)
            evidence = try c.decode(Stage.self, forKey: .evidence)
            maxEvidence = try c.decode(Int.self, forKey: .maxEvidence)
            // Absent in files written before these fields: the combined decision replaces the rules', gated.
            addsOnly = try c.decodeIfPresent(Bool.self, forKey: .addsOnly) ?? false
            scope = try Scope(
                gated: c.decodeIfPresent(Bool.self, forKey: .gated) ?? true,
                onlyOutOfDomain: c.decodeIfPresent(Bool.self, forKey: .onlyOutOfDomain) ?? false,
                codingPath: c.codingPath
            )
            needsRuleSupport = try c.decodeIfPresent(Bool.self, forKey: .needsRuleSupport) ?? false
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(provision, forKey: .provision)
            try c.encode(bias, forKey: .bias)
            try c.encode(weights.flatMap { $0 }, forKey: .weights)
            try c.encode(documentBias, forKey: .documentBias)
            try c.encode(documentWeights.flatMap { $0 }, forKey: .documentWeights)
            try c.encode(document, forKey: .document)
            try c.encode(evidence, forKey: .evidence)
            try c.encode(maxEvidence, forKey: .maxEvidence)
            // Written only when not the default, so files of models without them stay as they were.
            if addsOnly { try c.encode(addsOnly, forKey: .addsOnly) }
            if scope != .inDomain { try c.encode(false, forKey: .gated) }
            if scope == .outOfDomain { try c.encode(true, forKey: .onlyOutOfDomain) }
            if needsRuleSupport { try c.encode(needsRuleSupport, forKey: .needsRuleSupport) }
        }
    }

    /// A small logistic model: coefficients for its features, then the bias; and a threshold on its logit.
    public struct Stage: Codable, Sendable, Hashable {
        public var coefficients: [Double]
        public var threshold: Double

        public init(coefficients: [Double], threshold: Double) {
            self.coefficients = coefficients
            self.threshold = threshold
        }

        func logit(_ x: [Double]) -> Double { DenseLogistic.score(coefficients, x) }
    }

    public init(
        trainedOn: String,
        features: [String],
        categories: [Category],
        domain: DomainGate? = nil,
        hidden: HiddenLayer? = nil
    ) {
        format = Self.formatId
        self.trainedOn = trainedOn
        self.features = features
        self.categories = categories
        self.domain = domain
        self.hidden = hidden
    }

    /// Weight pairs stored as one flat list (index, weight, index, weight…) read back as pairs.
    static func pairs<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> [[Int]] {
        let flat = try c.decode([Int].self, forKey: key)
        guard flat.count % 2 == 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: key,
                in: c,
                debugDescription: "an odd number of weight entries"
            )
        }
        return stride(from: 0, to: flat.count, by: 2).map { [flat[$0], flat[$0 + 1]] }
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func decode(_ data: Data) throws -> LearnedModel {
        let model: LearnedModel
        do { model = try JSONDecoder().decode(LearnedModel.self, from: data) } catch {
            throw FormatError(description: "not a Fineprint model file: \(error)")
        }
        guard model.format == formatId else {
            throw FormatError(
                description: "model format '\(model.format)' is not \(formatId): retrain it with `fineprint train`"
            )
        }
        for c in model.categories {
            guard c.document.coefficients.count == Combination.documentFeatureCount + 1,
                c.evidence.coefficients.count == Combination.evidenceFeatureCount + 1
            else {
                throw FormatError(description: "\(c.provision): second-stage coefficients of the wrong length")
            }
            for pair in c.weights + c.documentWeights
            where pair.count != 2 || pair[0] < 0 || pair[0] >= model.features.count {
                throw FormatError(description: "\(c.provision): weight \(pair) does not name a feature")
            }
        }
        for pair in model.domain?.weights ?? [] where pair.count != 2 || pair[0] < 0 || pair[0] >= model.features.count
        {
            throw FormatError(description: "domain gate: weight \(pair) does not name a feature")
        }
        if let problem = model.hidden?.problem(features: model.features.count, categories: model.categories.count) {
            throw FormatError(description: problem)
        }
        return model
    }

    /// Compact, stable JSON: sorted keys, one line per category's weights would not help diffs much,
    /// so the file is written without pretty-printing.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
