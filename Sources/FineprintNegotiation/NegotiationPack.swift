import FineprintCore

/// Everything a negotiation pack says, before any format: the cover, the issues in order of what
/// they cost the score, and for each the supplier's words marked against ours.
public struct NegotiationPack: Hashable, Sendable {
    public var documentName: String
    /// The supplier's name as the contract defines it, when the reading found one.
    public var supplier: String?
    /// The day the pack was made, ISO 8601 (yyyy-mm-dd).
    public var date: String
    public var profile: String
    public var profileName: String
    /// A standard the asks are tied to (`--standard`): its bases are cited first.
    public var standard: String?
    public var score: Int
    public var coverage: Int?
    /// What cost points, largest loss first, in the reports' words.
    public var scoreLosses: [ScoreContribution]
    /// What earned points, largest first.
    public var scoreGains: [ScoreContribution]
    public var issues: [NegotiationIssue]
    /// What a person's review changed in the reading the pack rests on, in words; nil when unreviewed.
    public var review: String? = nil
    /// With `--standard`: the standard's short name, and its articles the standards check found not
    /// met and partly met in this contract.
    public var standardName: String? = nil
    public var unmetArticles: [CitedArticle] = []
    public var partlyMetArticles: [CitedArticle] = []

    /// How many issues there are of each kind.
    public func count(_ kind: NegotiationIssue.Kind) -> Int { issues.filter { $0.kind == kind }.count }
}

/// One thing to negotiate: a gap against the playbook or a kill-list move, with the position taken.
public struct NegotiationIssue: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A provision the playbook asks for is not in the document.
        case missing
        /// It is there but weaker than the playbook's minimum.
        case tooWeak = "too_weak"
        /// A hazard the playbook wants absent is present.
        case hazardPresent = "hazard_present"
        /// A kill-list move was found.
        case move

        /// What the kind means, in a few words.
        public var wording: String {
            switch self {
            case .missing: "missing"
            case .tooWeak: "too weak"
            case .hazardPresent: "present, must be removed"
            case .move: "trap in the terms"
            }
        }
    }

    public var number: Int
    public var kind: Kind
    /// The provision (gaps) or move (moves) id: for JSON and links only, never shown to a reader.
    public var subject: String
    /// What the issue is about, in the taxonomy's or kill-list's words.
    public var title: String
    public var level: RequirementLevel?
    /// Points the issue cost the score (positive), when the breakdown has them.
    public var pointsLost: Double?
    /// The supplier's words, or nil when the provision is missing.
    public var supplierText: String?
    /// Where the supplier's words start in the extracted text (Unicode scalars).
    public var supplierOffset: Int?
    /// The supplier's clause number ("12.3", "Section 4"), when the text numbers its clauses.
    public var supplierClause: String?
    public var why: String
    /// The model clause we ask for.
    public var askTitle: String
    public var askText: String
    public var fallbacks: [String]
    public var walkAway: String?
    /// What the ask rests on, one line each, with the primary source's address where known.
    public var basis: [BasisLine]
    /// The supplier's words marked against ours: a missing provision is one insertion.
    public var changes: [TrackedChange]
    /// With `--standard`: the standard's articles its crosswalk maps to the issue's provision.
    public var articles: [CitedArticle] = []
}

/// One article of a standard, as the pack cites it: "Art. 5 Data governance".
public struct CitedArticle: Hashable, Sendable {
    public var number: String
    public var title: String

    public init(number: String, title: String) {
        self.number = number
        self.title = title
    }

    /// "Art. 5 Data governance"; numbers that are not article numbers ("SOV-3", "(j)(2)") stand alone.
    public var label: String {
        (number.first?.isNumber == true ? "Art. " : "") + number + " " + title
    }
}

/// One cited basis: "GDPR Art. 28(3)(g): delete or return at the end" and its address.
public struct BasisLine: Hashable, Sendable {
    public var text: String
    /// The source and article alone, for a narrow table column.
    public var citation: String
    public var url: String?
}

/// One run of a marked-up clause.
public struct TrackedChange: Hashable, Sendable {
    public enum Op: String, Hashable, Sendable { case keep, insert, delete }
    public var op: Op
    public var text: String

    public init(op: Op, text: String) {
        self.op = op
        self.text = text
    }
}
