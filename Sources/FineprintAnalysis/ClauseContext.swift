import FineprintCore
import FineprintReading
import FineprintText

/// Reads the grammar around a match that the pattern itself does not: negation and the party
/// holding the right or duty. Works on the tokens of one sentence.
struct ClauseContext {
    static let negators: Set<String> = [
        "not", "no", "never", "nor", "neither", "cannot", "can't", "won't", "don't", "doesn't", "shan't",
        "isn't", "aren't", "wouldn't", "shouldn't", "mustn't", "didn't", "hasn't", "haven't", "prohibited",
        "refrain", "refrains", "none", "nothing",
    ]
    /// Words that end a clause inside a sentence.
    static let clauseBreakers: Set<String> = [
        "but", "however", "except", "unless", "provided", "whereas", "notwithstanding",
    ]
    /// "no later than", "not less than", "shall not exceed": limits, not negations.
    static let limitWords: Set<String> = [
        "later", "less", "more", "fewer", "exceed", "exceeding", "greater", "earlier", "sooner", "only", "limited",
    ]
    /// Words that make a following "prohibited by …" a condition: "unless (otherwise) prohibited by law".
    static let conditionWords: Set<String> = ["unless", "except", "otherwise", "extent", "where", "if", "when", "as"]
    static let lookBehind = 10
    static let partyLookBehind = 15

    let parties: [String: Party]

    init(lexicon: PartyLexicon) {
        var map: [String: Party] = [:]
        for word in lexicon.buyer { map[word.lowercased()] = .buyer }
        for word in lexicon.supplier { map[word.lowercased()] = .supplier }
        parties = map
    }

    /// Index of the first token of the clause that contains `index`, not before `sentenceStart`.
    func clauseStart(_ tokens: [Token], sentenceStart: Int, index: Int) -> Int {
        var i = index
        while i > sentenceStart {
            if tokens[i].clauseBreakBefore { return i }
            if Self.clauseBreakers.contains(tokens[i - 1].text) { return i }
            i -= 1
        }
        return sentenceStart
    }

    /// Whether the match is negated: a negator inside it or shortly before it in the same clause.
    func isNegated(_ tokens: [Token], sentenceStart: Int, match: Pattern.Match) -> Bool {
        let from = max(
            clauseStart(tokens, sentenceStart: sentenceStart, index: match.first),
            match.first - Self.lookBehind
        )
        var i = from
        while i <= match.last {
            // A negator in a bracketed aside before the match does not negate it: "if you use the Standard
            // Services (not through promotional credits), we will indemnify you".
            let aside = i < match.first && tokens[i].parenthesized && !tokens[match.first].parenthesized
            if !aside, Self.negators.contains(tokens[i].text), !isLimit(tokens, at: i, upTo: match.last + 3) {
                return true
            }
            i += 1
        }
        return false
    }

    /// "no later than", "not more than", "not exceed", "not only", "whether or not", "if not", "prohibited by law".
    private func isLimit(_ tokens: [Token], at i: Int, upTo limit: Int) -> Bool {
        let word = tokens[i].text
        // "unless prohibited by law", "to the extent prohibited by applicable law": a condition on the
        // clause, not a negation of it.
        if word == "prohibited", i > 0, i + 1 < tokens.count, tokens[i + 1].text == "by",
            Self.conditionWords.contains(tokens[i - 1].text)
        {
            return true
        }
        if word == "not", i > 0, tokens[i - 1].text == "or" || tokens[i - 1].text == "if" { return true }
        guard word == "no" || word == "not" else { return false }
        let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
        if Self.limitWords.contains(next) { return true }
        // "shall not in any event exceed"
        if i + 3 < tokens.count, i + 3 <= limit,
            tokens[(i + 1)...(i + 3)].contains(where: { $0.text == "exceed" || $0.text == "exceeding" })
        {
            return true
        }
        return false
    }

    /// Words after a party that mark it as the subject of the clause ("the Supplier shall…").
    static let subjectVerbs: Set<String> = [
        "shall", "will", "may", "must", "can", "cannot", "can't", "should", "would", "might", "won't", "shan't",
        "agrees", "agree", "undertakes", "undertake", "is", "are", "has", "have", "reserves", "reserve",
        "retains", "retain", "warrants", "represents", "acknowledges", "covenants", "commits", "hereby",
        "does", "do", "doesn't", "don't", "needs", "need", "isn't", "aren't", "wasn't", "weren't", "hasn't",
        "haven't", "couldn't", "wouldn't", "shouldn't", "mustn't", "didn't",
    ]
    /// Verbs that give the party after them a right ("we grant you a licence to use…").
    static let grantVerbs: Set<String> = [
        "grant", "grants", "give", "gives", "allow", "allows", "permit", "permits", "authorise", "authorises",
        "authorize", "authorizes", "license", "licenses", "licence", "licences",
    ]
    /// Words before a party that make it an object, not the actor ("consent of the Customer").
    static let objectMarkers: Set<String> = ["of", "to", "by", "with", "for", "from", "against", "on", "upon", "than"]

    /// The party holding the right or duty of the match, or nil when unclear. `.any` means both
    /// ("either party may…"). Prefers the nearest party word before the match that is the subject of
    /// a verb; then the nearest that is not the object of a preposition; then the first in the match.
    /// The document's own names count as well as the lexicon's ("Northwind shall" when Northwind is the supplier).
    /// A match in an infinitive belongs to the party a right was granted to before it, not to the grantor ("we hereby
    /// grant you a licence to access and use the content solely for your personal purposes": yours).
    func party(_ tokens: [Token], sentenceStart: Int, match: Pattern.Match, reading: DocumentReading) -> Party? {
        let clause = clauseStart(tokens, sentenceStart: sentenceStart, index: match.first)
        let from = max(clause, match.first - Self.partyLookBehind)
        var fallback: Party?
        var i = match.first - 1
        while i >= from {
            if let p = partyAt(tokens, i, lowerBound: sentenceStart, reading: reading),
                !isOwned(tokens, i, p, sentenceStart, reading)
            {
                if isGrantee(tokens, i, lowerBound: sentenceStart, before: match.first) { return p }
                let isObject =
                    i > sentenceStart && Self.objectMarkers.contains(tokens[i - 1].text)
                    || (i > sentenceStart + 1 && tokens[i - 1].text == "the"
                        && Self.objectMarkers.contains(tokens[i - 2].text))
                let next = (i + 1)..<min(i + 4, match.last + 1)
                if !isObject, next.contains(where: { Self.subjectVerbs.contains(tokens[$0].text) }) { return p }
                if !isObject, fallback == nil { fallback = p }
            }
            i -= 1
        }
        if let fallback { return fallback }
        i = match.first
        while i <= match.last {
            if let p = partyAt(tokens, i, lowerBound: sentenceStart, reading: reading) { return p }
            i += 1
        }
        return nil
    }

    /// "grant you", "grants the Provider", "gives to the Customer": the party a grant verb gives a right to, when the
    /// right is an infinitive ("a licence to", "allow you to") before the match at `matchStart`.
    private func isGrantee(_ tokens: [Token], _ i: Int, lowerBound: Int, before matchStart: Int) -> Bool {
        guard tokens[(i + 1)..<matchStart].contains(where: { $0.text == "to" }) else { return false }
        var j = i - 1
        if j > lowerBound && tokens[j].text == "the" { j -= 1 }
        if j > lowerBound && tokens[j].text == "to" { j -= 1 }
        return j >= lowerBound && Self.grantVerbs.contains(tokens[j].text)
    }

    /// "Northwind's organisation", "Northwind Corp's organisation": a role word right after a possessive is its
    /// owner's thing, not a party, unless the owner is that same side ("the Customer's organisation").
    private func isOwned(
        _ tokens: [Token],
        _ i: Int,
        _ side: Party,
        _ lowerBound: Int,
        _ reading: DocumentReading
    )
        -> Bool
    {
        guard i > lowerBound, tokens[i - 1].hasPossessive else { return false }
        return partyAt(tokens, i - 1, lowerBound: lowerBound, reading: reading) != side
    }

    /// The side a word names: the document's reading first, then the lexicon.
    func partyOf(_ word: String, in reading: DocumentReading) -> Party? {
        reading.partyWords[word] ?? parties[word]
    }

    private func partyAt(_ tokens: [Token], _ i: Int, lowerBound: Int, reading: DocumentReading) -> Party? {
        let word = tokens[i].text
        if word == "party" || word == "parties" {
            if i > lowerBound, ["either", "each", "both", "any"].contains(tokens[i - 1].text) { return .any }
            return nil
        }
        return partyOf(word, in: reading)
    }
}
