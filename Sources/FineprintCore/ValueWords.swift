/// The words one language states a provision's value with: periods ("30 calendar days", "trente jours ouvrés"),
/// the phrases that promise promptness instead of a period ("without undue delay"), the fees a liability cap is
/// counted in, and sums of money. Read from the `value_words` section of a reading lexicon, so that a new language
/// brings its own.
public struct ValueWords: Hashable, Codable, Sendable {
    /// The period units the analyzer compares ("hours" … "years"), each with the words, of one or more tokens,
    /// that name it ("hrs", "business days", "jours ouvrés").
    public static let unitNames = PeriodUnit.allCases.map(\.lexiconName)
    public var durationUnits: [String: [String]]
    /// Words between a number and its unit that change nothing: "30 *calendar* days".
    public var durationFillers: Set<String>
    /// Phrases that stand for a period when none is stated: "promptly", "sans délai".
    public var promptPhrases: [String]
    /// "fees" (or "amounts") shortly followed by "paid" (or "payable") is a cap counted in fees paid.
    public var feeWords: Set<String>
    public var paidWords: Set<String>
    /// Words naming a currency right before or after the digits, with the currency's ISO code.
    public var currencyWords: [String: String]
    /// Words that multiply the digits before them: "5 million".
    public var magnitudeWords: Set<String>
    /// Words after which the governing jurisdiction is named: "the *laws* of Ireland".
    public var governingLawWords: Set<String>
    /// Beginnings of the words that make a forum an arbitration ("arbitra" for arbitration, arbitral, arbitrator).
    public var arbitrationStems: [String]

    public init(
        durationUnits: [String: [String]],
        durationFillers: Set<String> = [],
        promptPhrases: [String] = [],
        feeWords: Set<String> = [],
        paidWords: Set<String> = [],
        currencyWords: [String: String] = [:],
        magnitudeWords: Set<String> = [],
        governingLawWords: Set<String> = [],
        arbitrationStems: [String] = []
    ) {
        self.durationUnits = durationUnits
        self.durationFillers = durationFillers
        self.promptPhrases = promptPhrases
        self.feeWords = feeWords
        self.paidWords = paidWords
        self.currencyWords = currencyWords
        self.magnitudeWords = magnitudeWords
        self.governingLawWords = governingLawWords
        self.arbitrationStems = arbitrationStems
    }

    /// Words for nothing: no value is read.
    public static let none = ValueWords(durationUnits: [:])

    enum CodingKeys: String, CodingKey {
        case durationUnits = "duration_units"
        case durationFillers = "duration_fillers"
        case promptPhrases = "prompt_phrases"
        case feeWords = "fee_words"
        case paidWords = "paid_words"
        case currencyWords = "currency_words"
        case magnitudeWords = "magnitude_words"
        case governingLawWords = "governing_law_words"
        case arbitrationStems = "arbitration_stems"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        durationUnits = try c.decodeIfPresent([String: [String]].self, forKey: .durationUnits) ?? [:]
        durationFillers = try c.wordSet(.durationFillers)
        promptPhrases = try c.decodeIfPresent([String].self, forKey: .promptPhrases) ?? []
        feeWords = try c.wordSet(.feeWords)
        paidWords = try c.wordSet(.paidWords)
        currencyWords = try c.decodeIfPresent([String: String].self, forKey: .currencyWords) ?? [:]
        magnitudeWords = try c.wordSet(.magnitudeWords)
        governingLawWords = try c.wordSet(.governingLawWords)
        arbitrationStems = try c.decodeIfPresent([String].self, forKey: .arbitrationStems) ?? []
    }
}
