import FineprintCore

/// How far a contract answers one article of a standard.
public enum ArticleVerdict: String, Hashable, Codable, Sendable, CaseIterable {
    case met
    case partlyMet = "partly_met"
    case notMet = "not_met"
    case notApplicable = "not_applicable"
    case notAssessable = "not_assessable"

    /// The verdict in words a person reads.
    public var label: String {
        switch self {
        case .met: "met"
        case .partlyMet: "partly met"
        case .notMet: "not met"
        case .notApplicable: "not applicable"
        case .notAssessable: "not assessable"
        }
    }
}

/// How one provision condition of an article came out.
public enum ConditionOutcome: String, Hashable, Codable, Sendable {
    case satisfied, partial, unsatisfied
}

/// One condition of an article, judged on the analysis.
public struct ConditionResult: Hashable, Codable, Sendable {
    public var provision: String
    /// The provision's name in the taxonomy.
    public var name: String
    public var outcome: ConditionOutcome
    /// Why, in plain words ("Breach notification gives 7 days; the article allows at most 72 hours.").
    public var reason: String

    public init(
        provision: String,
        name: String,
        outcome: ConditionOutcome,
        reason: String
    ) {
        self.provision = provision
        self.name = name
        self.outcome = outcome
        self.reason = reason
    }
}

/// A quote from the contract that bears on an article: a finding's clause evidence with its offsets.
public struct CitedEvidence: Hashable, Codable, Sendable {
    public var provision: String
    public var start: Int
    public var end: Int
    public var quote: String

    public init(
        provision: String,
        start: Int,
        end: Int,
        quote: String
    ) {
        self.provision = provision
        self.start = start
        self.end = end
        self.quote = quote
    }
}

/// The verdict on one article with its reason and the contract's evidence.
public struct ArticleResult: Hashable, Codable, Sendable {
    public var number: String
    public var title: String
    public var summary: String
    public var optional: Bool
    public var verdict: ArticleVerdict
    public var reason: String
    public var conditions: [ConditionResult]
    public var evidence: [CitedEvidence]

    public init(
        number: String,
        title: String,
        summary: String,
        optional: Bool,
        verdict: ArticleVerdict,
        reason: String,
        conditions: [ConditionResult],
        evidence: [CitedEvidence]
    ) {
        self.number = number
        self.title = title
        self.summary = summary
        self.optional = optional
        self.verdict = verdict
        self.reason = reason
        self.conditions = conditions
        self.evidence = evidence
    }
}

/// How many articles got each verdict.
public struct VerdictCounts: Hashable, Codable, Sendable {
    public var met = 0
    public var partlyMet = 0
    public var notMet = 0
    public var notApplicable = 0
    public var notAssessable = 0

    public init(_ verdicts: [ArticleVerdict] = []) {
        for verdict in verdicts { self[verdict] += 1 }
    }

    public subscript(_ verdict: ArticleVerdict) -> Int {
        get {
            switch verdict {
            case .met: met
            case .partlyMet: partlyMet
            case .notMet: notMet
            case .notApplicable: notApplicable
            case .notAssessable: notAssessable
            }
        }
        set {
            switch verdict {
            case .met: met = newValue
            case .partlyMet: partlyMet = newValue
            case .notMet: notMet = newValue
            case .notApplicable: notApplicable = newValue
            case .notAssessable: notAssessable = newValue
            }
        }
    }

    /// "4 met, 2 partly met, 9 not met, 3 not applicable, 2 not assessable".
    public var sentence: String {
        ArticleVerdict.allCases.map { "\(self[$0]) \($0.label)" }.joined(separator: ", ")
    }
}

/// Which standard a check was made against.
public struct CheckedStandard: Hashable, Codable, Sendable {
    public var id: String
    public var title: String
    public var shortName: String
    public var version: String
    public var sourceUrl: String
    public var reviewed: String

    public init(
        id: String,
        title: String,
        shortName: String,
        version: String,
        sourceUrl: String,
        reviewed: String
    ) {
        self.id = id
        self.title = title
        self.shortName = shortName
        self.version = version
        self.sourceUrl = sourceUrl
        self.reviewed = reviewed
    }
}

/// Which document a check is about.
public struct CheckedDocument: Hashable, Codable, Sendable {
    public var name: String
    public var sha256: String

    public init(
        name: String,
        sha256: String
    ) {
        self.name = name
        self.sha256 = sha256
    }
}

/// A contract checked against one standard: `fineprint.standard-check/1` (docs/standards.md).
public struct StandardCheckResult: Hashable, Codable, Sendable {
    public static let schemaId = "fineprint.standard-check/1"

    public var schema: String
    public var standard: CheckedStandard
    public var document: CheckedDocument
    /// The tier the analysis was judged against (the check itself does not depend on it).
    public var profile: String
    public var summary: VerdictCounts
    public var articles: [ArticleResult]

    public init(
        schema: String,
        standard: CheckedStandard,
        document: CheckedDocument,
        profile: String,
        summary: VerdictCounts,
        articles: [ArticleResult]
    ) {
        self.schema = schema
        self.standard = standard
        self.document = document
        self.profile = profile
        self.summary = summary
        self.articles = articles
    }
}
