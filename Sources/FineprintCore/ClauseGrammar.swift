/// The words one language uses around a rule's match to negate it and to name the party that holds the right or
/// duty: "the Supplier shall not", "le Prestataire ne doit pas". Read from the `clause_grammar` section of a reading
/// lexicon (corpus/lexicon/reading/<language>.yaml), so that the analyzer's grammar, like its vocabulary, is data.
public struct ClauseGrammar: Hashable, Codable, Sendable {
    /// Words that negate a match inside it or shortly before it in the same clause ("not", "never", "pas").
    public var negators: Set<String>
    /// Words that end a clause inside a sentence ("but", "unless", "sauf").
    public var clauseBreakers: Set<String>
    /// Negators that a following limit word turns into a limit: "no later than", "not less than".
    public var limitNegators: Set<String>
    public var limitWords: Set<String>
    /// Verbs that make a limit negator shortly before them a limit: "shall not in any event exceed".
    public var limitVerbs: Set<String>
    /// Two-word phrases whose negator negates nothing: "whether or not", "if not".
    public var voidNegations: [String]
    /// Negation phrases that are a condition on the clause after a condition word: "unless prohibited by law".
    public var conditionalNegations: [String]
    public var conditionWords: Set<String>
    /// Words after a party that make it the subject of the clause ("shall", "agrees", "doit").
    public var subjectVerbs: Set<String>
    /// Words before a party, directly or before an article, that make it an object ("consent of the Customer").
    public var objectMarkers: Set<String>
    public var articles: Set<String>
    /// The noun for a party of the contract ("party") and the words before it that mean either side ("either").
    public var partyNouns: Set<String>
    public var bothSides: Set<String>
    /// Verbs that give the party after them (or after a recipient marker: "gives to the Customer") a right, and the
    /// words that open the right as an infinitive ("we grant you a licence *to* use…"): the use is the grantee's.
    public var grantVerbs: Set<String>
    public var recipientMarkers: Set<String>
    public var infinitiveMarkers: Set<String>
    /// Verbs that open an instruction to the reader ("Ensure that…", "Keep your menu up to date"): where no subject is
    /// named, the duty is the reader's, or the party a heading over it names ("What we will do").
    public var imperativeVerbs: Set<String> = []
    /// Words right after such a verb that make it a noun or a subject instead ("Use of the Services", "Notice is").
    public var nounFollowers: Set<String> = []
    /// Nouns that make a heading name the party with the duty ("Your obligations", "Obligations of the Supplier").
    public var dutyNouns: Set<String> = []
    /// The words by which terms address their reader ("you"): the reader is the party the document names by them.
    public var readerWords: Set<String> = []

    public init(
        negators: Set<String>,
        clauseBreakers: Set<String> = [],
        limitNegators: Set<String> = [],
        limitWords: Set<String> = [],
        limitVerbs: Set<String> = [],
        voidNegations: [String] = [],
        conditionalNegations: [String] = [],
        conditionWords: Set<String> = [],
        subjectVerbs: Set<String>,
        objectMarkers: Set<String> = [],
        articles: Set<String> = [],
        partyNouns: Set<String> = [],
        bothSides: Set<String> = [],
        grantVerbs: Set<String> = [],
        recipientMarkers: Set<String> = [],
        infinitiveMarkers: Set<String> = []
    ) {
        self.negators = negators
        self.clauseBreakers = clauseBreakers
        self.limitNegators = limitNegators
        self.limitWords = limitWords
        self.limitVerbs = limitVerbs
        self.voidNegations = voidNegations
        self.conditionalNegations = conditionalNegations
        self.conditionWords = conditionWords
        self.subjectVerbs = subjectVerbs
        self.objectMarkers = objectMarkers
        self.articles = articles
        self.partyNouns = partyNouns
        self.bothSides = bothSides
        self.grantVerbs = grantVerbs
        self.recipientMarkers = recipientMarkers
        self.infinitiveMarkers = infinitiveMarkers
    }

    /// A grammar that knows no words: nothing is negated and no party is the subject of anything.
    public static let none = ClauseGrammar(negators: [], subjectVerbs: [])

    enum CodingKeys: String, CodingKey {
        case negators, articles
        case clauseBreakers = "clause_breakers"
        case limitNegators = "limit_negators"
        case limitWords = "limit_words"
        case limitVerbs = "limit_verbs"
        case voidNegations = "void_negations"
        case conditionalNegations = "conditional_negations"
        case conditionWords = "condition_words"
        case subjectVerbs = "subject_verbs"
        case objectMarkers = "object_markers"
        case partyNouns = "party_nouns"
        case bothSides = "both_sides"
        case grantVerbs = "grant_verbs"
        case recipientMarkers = "recipient_markers"
        case infinitiveMarkers = "infinitive_markers"
        case imperativeVerbs = "imperative_verbs"
        case nounFollowers = "noun_followers"
        case dutyNouns = "duty_nouns"
        case readerWords = "reader_words"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        negators = try c.wordSet(.negators)
        clauseBreakers = try c.wordSet(.clauseBreakers)
        limitNegators = try c.wordSet(.limitNegators)
        limitWords = try c.wordSet(.limitWords)
        limitVerbs = try c.wordSet(.limitVerbs)
        voidNegations = try c.decodeIfPresent([String].self, forKey: .voidNegations) ?? []
        conditionalNegations = try c.decodeIfPresent([String].self, forKey: .conditionalNegations) ?? []
        conditionWords = try c.wordSet(.conditionWords)
        subjectVerbs = try c.wordSet(.subjectVerbs)
        objectMarkers = try c.wordSet(.objectMarkers)
        articles = try c.wordSet(.articles)
        partyNouns = try c.wordSet(.partyNouns)
        bothSides = try c.wordSet(.bothSides)
        grantVerbs = try c.wordSet(.grantVerbs)
        recipientMarkers = try c.wordSet(.recipientMarkers)
        infinitiveMarkers = try c.wordSet(.infinitiveMarkers)
        imperativeVerbs = try c.wordSet(.imperativeVerbs)
        nounFollowers = try c.wordSet(.nounFollowers)
        dutyNouns = try c.wordSet(.dutyNouns)
        readerWords = try c.wordSet(.readerWords)
    }
}
