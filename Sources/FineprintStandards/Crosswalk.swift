import FineprintCore

/// A standard or law read as a checklist: one entry per article or requirement, each mapped to the
/// taxonomy's provisions that satisfy it, or with the reason no contract text can (corpus/standards/*.yaml,
/// docs/standards.md).
public struct Crosswalk: Hashable, Codable, Sendable, Identifiable {
    public static let schemaId = "fineprint.standard/1"

    public var id: String
    /// The instrument's full title.
    public var title: String
    /// A short name for tables and page titles ("MCC-AI High-Risk").
    public var shortName: String
    /// The version or date of the text the crosswalk was made from.
    public var version: String
    public var source: CrosswalkSource
    /// What the instrument covers, in a sentence or two of our own.
    public var scope: String
    public var articles: [StandardArticle]

    public init(
        id: String,
        title: String,
        shortName: String,
        version: String,
        source: CrosswalkSource,
        scope: String,
        articles: [StandardArticle]
    ) {
        self.id = id
        self.title = title
        self.shortName = shortName
        self.version = version
        self.source = source
        self.scope = scope
        self.articles = articles
    }

    enum CodingKeys: String, CodingKey {
        case id, title, version, source, scope, articles
        case shortName = "short_name"
    }
}

/// Where the instrument's text is and when we last read it against the crosswalk.
public struct CrosswalkSource: Hashable, Codable, Sendable {
    /// The primary text (the publisher's page or document).
    public var url: String
    /// The day the crosswalk was last checked against the source, YYYY-MM-DD.
    public var reviewed: String
    /// Whether the URL itself was opened and found to hold the text (false: known from secondary sources).
    public var urlVerified: Bool
    /// How the article list and summaries were checked, briefly.
    public var verification: String

    public init(url: String, reviewed: String, urlVerified: Bool, verification: String) {
        self.url = url
        self.reviewed = reviewed
        self.urlVerified = urlVerified
        self.verification = verification
    }

    enum CodingKeys: String, CodingKey {
        case url, reviewed, verification
        case urlVerified = "url_verified"
    }
}

/// How an article's conditions combine: every one must hold, or one is enough.
public enum ConditionCombination: String, Hashable, Codable, Sendable { case all, any }

/// One article, paragraph point or objective of an instrument.
public struct StandardArticle: Hashable, Codable, Sendable {
    /// As the instrument numbers it: "2", "25(2)(d)", "SOV-3", "(j)(2)".
    public var number: String
    public var title: String
    /// What the article asks for, in one line of our own.
    public var summary: String
    /// The provisions that satisfy it; empty when a reason below says why none can.
    public var requires: [ArticleCondition]
    public var combine: ConditionCombination
    /// The article is marked optional in the instrument.
    public var optional: Bool
    /// Why the article does not bear on the supplier's contract (e.g. the buyer's own duty, definitions).
    public var notApplicableReason: String?
    /// Why no contract text can show whether it is met (e.g. a fact about the supplier's ownership).
    public var notAssessableReason: String?

    public init(
        number: String,
        title: String,
        summary: String,
        requires: [ArticleCondition] = [],
        combine: ConditionCombination = .all,
        optional: Bool = false,
        notApplicableReason: String? = nil,
        notAssessableReason: String? = nil
    ) {
        self.number = number
        self.title = title
        self.summary = summary
        self.requires = requires
        self.combine = combine
        self.optional = optional
        self.notApplicableReason = notApplicableReason
        self.notAssessableReason = notAssessableReason
    }

    enum CodingKeys: String, CodingKey {
        case number, title, summary, requires, combine, optional
        case notApplicableReason = "not_applicable_reason"
        case notAssessableReason = "not_assessable_reason"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        title = try c.decode(String.self, forKey: .title)
        summary = try c.decode(String.self, forKey: .summary)
        requires = try c.decodeIfPresent([ArticleCondition].self, forKey: .requires) ?? []
        combine = try c.decodeIfPresent(ConditionCombination.self, forKey: .combine) ?? .all
        optional = try c.decodeIfPresent(Bool.self, forKey: .optional) ?? false
        notApplicableReason = try c.decodeIfPresent(String.self, forKey: .notApplicableReason)
        notAssessableReason = try c.decodeIfPresent(String.self, forKey: .notAssessableReason)
    }
}

/// One provision an article asks for, with how strong it must be, or a hazard it asks to be absent.
public struct ArticleCondition: Hashable, Codable, Sendable {
    public var provision: String
    /// The weakest strength that counts as meeting the article (default: adequate); a weaker one is "partly".
    public var minStrength: Strength?
    /// For provisions whose value is a period ("72 hours"): the longest the article allows.
    public var maxDuration: String?
    /// For hazards: the article is met only when the provision is absent.
    public var absent: Bool

    public init(provision: String, minStrength: Strength? = nil, maxDuration: String? = nil, absent: Bool = false) {
        self.provision = provision
        self.minStrength = minStrength
        self.maxDuration = maxDuration
        self.absent = absent
    }

    enum CodingKeys: String, CodingKey {
        case provision, absent
        case minStrength = "min_strength"
        case maxDuration = "max_duration"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provision = try c.decode(String.self, forKey: .provision)
        minStrength = try c.decodeIfPresent(Strength.self, forKey: .minStrength)
        maxDuration = try c.decodeIfPresent(String.self, forKey: .maxDuration)
        absent = try c.decodeIfPresent(Bool.self, forKey: .absent) ?? false
    }

    /// The strength a present protection must have: the stated one, or adequate.
    public var requiredStrength: Strength { minStrength ?? .adequate }
}
