/// An exact quote from the extracted text with its Unicode-scalar offsets (end exclusive): the clause
/// that decides (a numbered clause, list item or paragraph, bounded in length), with the decisive
/// sentence inside it as `focus`.
public struct Evidence: Hashable, Codable, Sendable {
    public var start: Int
    public var end: Int
    public var quote: String
    /// What chose the decisive sentence when the learned model took part: a rule cue fired in it, or the
    /// model ranked it. Absent (nil) in rules-only analyses; an optional addition to the JSON contract.
    public var source: EvidenceSource?
    /// The decisive sentence, in the same document offsets as `start`/`end` and inside them. Absent
    /// when the quote is itself the decisive text; an optional addition to the JSON contract.
    public var focus: TextSpan?

    public init(start: Int, end: Int, quote: String, source: EvidenceSource? = nil, focus: TextSpan? = nil) {
        self.start = start
        self.end = end
        self.quote = quote
        self.source = source
        self.focus = focus
    }

    public var span: TextSpan { TextSpan(start: start, end: end) }
}

public enum EvidenceSource: String, Codable, Sendable { case rules, model }

public enum ProvisionStatus: String, Codable, Sendable { case present, absent }

/// What the analysis found for one provision of the taxonomy.
public struct ProvisionFinding: Hashable, Codable, Sendable {
    public var id: String
    public var dimension: String
    public var status: ProvisionStatus
    /// Probability that the provision is present, 0…1.
    public var confidence: Double
    /// How protective for the buyer; nil when absent.
    public var strength: Strength?
    public var value: String?
    public var evidence: [Evidence]

    public init(
        id: String,
        dimension: String,
        status: ProvisionStatus,
        confidence: Double,
        strength: Strength?,
        value: String?,
        evidence: [Evidence]
    ) {
        self.id = id
        self.dimension = dimension
        self.status = status
        self.confidence = confidence
        self.strength = strength
        self.value = value
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case id, dimension, status, confidence, strength, value, evidence }

    // The JSON contract writes `strength` and `value` as null rather than leaving them out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(status, forKey: .status)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(strength, forKey: .strength)
        try c.encode(value, forKey: .value)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// A kill-list move found in the document.
public struct MoveFinding: Hashable, Codable, Sendable {
    public var id: String
    public var confidence: Double
    public var evidence: [Evidence]
    /// Id of the model clause that mitigates the move.
    public var mitigation: String

    public init(id: String, confidence: Double, evidence: [Evidence], mitigation: String) {
        self.id = id
        self.confidence = confidence
        self.evidence = evidence
        self.mitigation = mitigation
    }
}

/// Why a provision counts against the playbook.
public enum GapReason: String, Codable, Sendable {
    case missing
    case tooWeak = "too_weak"
    case hazardPresent = "hazard_present"
}

/// A provision the playbook asks for that the document lacks (or a hazard it should not have).
public struct Gap: Hashable, Codable, Sendable {
    public var provision: String
    public var level: RequirementLevel
    public var reason: GapReason
    /// The model clause that closes the gap, when the corpus has one.
    public var clause: String?

    public init(provision: String, level: RequirementLevel, reason: GapReason, clause: String?) {
        self.provision = provision
        self.level = level
        self.reason = reason
        self.clause = clause
    }

    enum CodingKeys: String, CodingKey { case provision, level, reason, clause }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(provision, forKey: .provision)
        try c.encode(level, forKey: .level)
        try c.encode(reason, forKey: .reason)
        try c.encode(clause, forKey: .clause)
    }
}

/// What a score contribution is about: a protection the playbook asks for, a hazard it wants absent,
/// or a kill-list move found in the text.
public enum ScoreContributionKind: String, Hashable, Codable, Sendable { case protection, hazard, move }

/// One line of an explained score: points earned (positive) or lost (negative), with why.
/// The score is 100 plus the sum of the negative contributions; the positive ones (what the
/// document earned) add up to 100 minus the requirements' losses (docs/scoring.md).
public struct ScoreContribution: Hashable, Codable, Sendable {
    /// Points on the 0…100 scale, one decimal.
    public var points: Double
    /// What earned or cost the points, in words a person reads (the taxonomy's and kill-list's names).
    public var reason: String
    public var kind: ScoreContributionKind
    /// The provision the points are about (protections and hazards), or nil.
    public var provision: String?
    /// The kill-list move the points are about, or nil.
    public var move: String?

    public init(
        points: Double,
        reason: String,
        kind: ScoreContributionKind,
        provision: String? = nil,
        move: String? = nil
    ) {
        self.points = points
        self.reason = reason
        self.kind = kind
        self.provision = provision
        self.move = move
    }
}

public struct DimensionScore: Hashable, Codable, Sendable {
    public var id: String
    public var score: Int
    /// Provision ids that count against the playbook in this dimension.
    public var gaps: [String]

    public init(id: String, score: Int, gaps: [String]) {
        self.id = id
        self.score = score
        self.gaps = gaps
    }
}

public struct DocumentSummary: Hashable, Codable, Sendable {
    public var name: String
    public var sha256: String
    public var format: DocumentFormat
    /// Length of the extracted text in Unicode scalars.
    public var characters: Int
    /// The PDF pages read by OCR (absent when none were).
    public var ocrPages: [OCRPage]?

    public init(name: String, sha256: String, format: DocumentFormat, characters: Int, ocrPages: [OCRPage]? = nil) {
        self.name = name
        self.sha256 = sha256
        self.format = format
        self.characters = characters
        self.ocrPages = ocrPages
    }

    enum CodingKeys: String, CodingKey {
        case name, sha256, format, characters
        case ocrPages = "ocr_pages"
    }
}

public struct Timings: Hashable, Codable, Sendable {
    public var milliseconds: Int
    public init(milliseconds: Int) { self.milliseconds = milliseconds }
}

/// Whether the learned model took part in an analysis (absent from the JSON in a rules-only analysis).
public enum LearnedModelUse: String, Hashable, Codable, Sendable {
    /// The model's classifiers joined the rules in deciding the provisions they know.
    case applied
    /// The model's domain gate found the document unlike its training contracts (AI vendor web terms,
    /// policies), where the model is known to do worse than the rules: the rules alone decided.
    case outOfDomain = "out_of_domain"
    /// As `outOfDomain` for the contract classifiers, but classifiers trained on vendor terms could add
    /// provisions the rules missed (their evidence is marked as the model's).
    case outOfDomainAdding = "out_of_domain_adding"

    /// What a report says about it.
    public var explanation: String {
        switch self {
        case .applied: "rules and the learned model"
        case .outOfDomain:
            "rules only: the learned model was left out because this document is unlike the contracts it was trained on"
        case .outOfDomainAdding:
            "rules, with classifiers trained on vendor terms adding provisions the rules missed; the contract "
                + "classifiers were left out because this document is unlike the contracts they were trained on"
        }
    }
}

/// The result of analysing one document: `fineprint.analysis/1` (spec/analysis-json.md).
public struct Analysis: Hashable, Codable, Sendable {
    public static let schemaId = "fineprint.analysis/1"

    public var schema: String
    public var document: DocumentSummary
    public var profile: String
    /// One entry per taxonomy provision, in taxonomy order.
    public var provisions: [ProvisionFinding]
    public var killListMoves: [MoveFinding]
    public var dimensions: [DimensionScore]
    /// Every gap against the profile with the clause that closes it (an addition to the spec's fields).
    public var gaps: [Gap]
    public var score: Int
    public var timings: Timings
    /// The buyer's home jurisdictions the analysis counted as not foreign (an addition to the
    /// spec's fields; absent when none were given, i.e. every named law was flagged for review).
    public var homeJurisdictions: [String]?
    /// Whether the learned model took part (an addition; absent in a rules-only analysis).
    public var learnedModel: LearnedModelUse?
    /// Weighted coverage of the protections the profile asks for, 0…100, before hazards and moves
    /// (an addition: reported beside the score, which also counts the hazards).
    public var coverage: Int?
    /// Every point earned and lost, largest first within each sign (an addition; docs/scoring.md).
    public var scoreBreakdown: [ScoreContribution]?

    public init(
        document: DocumentSummary,
        profile: String,
        provisions: [ProvisionFinding],
        killListMoves: [MoveFinding],
        dimensions: [DimensionScore],
        gaps: [Gap],
        score: Int,
        timings: Timings,
        homeJurisdictions: [String]? = nil,
        learnedModel: LearnedModelUse? = nil,
        coverage: Int? = nil,
        scoreBreakdown: [ScoreContribution]? = nil
    ) {
        self.schema = Self.schemaId
        self.document = document
        self.profile = profile
        self.provisions = provisions
        self.killListMoves = killListMoves
        self.dimensions = dimensions
        self.gaps = gaps
        self.score = score
        self.timings = timings
        self.homeJurisdictions = homeJurisdictions
        self.learnedModel = learnedModel
        self.coverage = coverage
        self.scoreBreakdown = scoreBreakdown
    }

    /// Points lost to hazards present and kill-list moves found (a positive number).
    public var hazardCost: Double? {
        scoreBreakdown.map { items in
            -items.filter { $0.kind != .protection && $0.points < 0 }.reduce(0) { $0 + $1.points }
        }
    }

    public func finding(_ id: String) -> ProvisionFinding? { provisions.first { $0.id == id } }
    public func move(_ id: String) -> MoveFinding? { killListMoves.first { $0.id == id } }
}
