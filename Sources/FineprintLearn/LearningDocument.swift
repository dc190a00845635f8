import FineprintCore

/// What the learned component sees of one document: its sentences (the segments the analyzer uses,
/// so evidence offsets are exact) with their features, and what the rules said about each provision.
public struct LearningDocument: Sendable {
    public struct Segment: Sendable {
        public var span: TextSpan
        /// Sorted feature hashes (`SegmentFeatures.hashes`).
        public var features: [UInt64]

        public init(span: TextSpan, features: [UInt64]) {
            self.span = span
            self.features = features
        }
    }

    public var name: String
    public var segments: [Segment]
    /// Provision id → what the rules found.
    public var rules: [String: RuleSignal]

    public init(name: String, segments: [Segment], rules: [String: RuleSignal]) {
        self.name = name
        self.segments = segments
        self.rules = rules
    }
}

/// The rules' view of one provision in one document: their confidence and how strongly each sentence
/// supported the provision (sentence index → cue weight; only supporting sentences are listed).
public struct RuleSignal: Sendable, Hashable {
    public var confidence: Double
    public var support: [Int: Double]

    public init(confidence: Double, support: [Int: Double]) {
        self.confidence = confidence
        self.support = support
    }
}
