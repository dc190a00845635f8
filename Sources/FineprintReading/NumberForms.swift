import FineprintCore

/// The other grammatical number of a word, by the lexicon's ending pairs: "submission" ↔ "submissions",
/// "party" ↔ "parties". Every pair that applies gives a form; a form that is no word matches nothing, so
/// over-generating ("responses" → "respons" as well as "response") costs nothing.
public struct NumberForms: Sendable {
    /// (singular ending, plural ending), most specific first.
    let endings: [(singular: String, plural: String)]

    public init(_ lexicon: ReadingLexicon) {
        endings = (lexicon.numberEndings ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
    }

    private init() { endings = [] }

    /// No other forms: for a text whose language has no lexicon.
    public static let none = NumberForms()

    /// One form of a word in the other number: made by the pair at `rule`, towards the plural or the singular.
    public struct Form: Sendable, Equatable {
        public var word: String
        public var rule: Int
        public var towardsPlural: Bool
    }

    /// The word's forms in the other number, in the order of the lexicon's pairs, without the word itself.
    public func otherForms(of word: String) -> [String] { forms(of: word).map(\.word) }

    /// The same, with the pair and direction that made each form.
    public func forms(of word: String) -> [Form] {
        var forms: [Form] = []
        var seen: Set<String> = [word]
        for (rule, (singular, plural)) in endings.enumerated() {
            if word.hasSuffix(plural), word.count > plural.count {
                let form = String(word.dropLast(plural.count)) + singular
                if seen.insert(form).inserted { forms.append(Form(word: form, rule: rule, towardsPlural: false)) }
            }
            if word.hasSuffix(singular), !word.hasSuffix(plural) {
                let form = String(word.dropLast(singular.count)) + plural
                if seen.insert(form).inserted { forms.append(Form(word: form, rule: rule, towardsPlural: true)) }
            }
        }
        return forms
    }

    /// `word` changed as `form` changed its own word: by the same pair in the same direction where it applies, else
    /// by the first pair that goes the same way; the word itself when none does.
    public func changed(_ word: String, like form: Form) -> String {
        let candidates = forms(of: word).filter { $0.towardsPlural == form.towardsPlural }
        return (candidates.first { $0.rule == form.rule } ?? candidates.first)?.word ?? word
    }

    /// A name's words with its last word in the other number: "user submission" → "user submissions".
    public func otherForms(of words: [String]) -> [[String]] {
        guard let last = words.last else { return [] }
        return otherForms(of: last).map { Array(words.dropLast()) + [$0] }
    }
}
