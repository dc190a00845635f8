import FineprintCore
import FineprintReading
import FineprintText

/// Reads the grammar around a match that the pattern itself does not: negation and the party
/// holding the right or duty. Works on the tokens of one sentence.
struct ClauseContext {
    static let lookBehind = 10
    static let partyLookBehind = 15
    /// How far after a grantee the right granted may open a match ("grants Northwind a non-exclusive, royalty-free
    /// licence to"), and within how many of its first tokens its infinitive must stand.
    static let grantObjectReach = 10
    static let grantedRightOpening = 3

    let parties: [String: Party]
    /// The grammar of each language the corpus reads, and the one used for a language it has none for (its first
    /// reading lexicon's, as the reader's default).
    let grammars: [String: ClauseGrammar]
    let defaultGrammar: ClauseGrammar

    init(lexicon: PartyLexicon, reading: [ReadingLexicon]) {
        var map: [String: Party] = [:]
        for word in lexicon.buyer { map[word.lowercased()] = .buyer }
        for word in lexicon.supplier { map[word.lowercased()] = .supplier }
        parties = map
        var grammars: [String: ClauseGrammar] = [:]
        for lexicon in reading { if let g = lexicon.clauseGrammar { grammars[lexicon.language] = g } }
        self.grammars = grammars
        defaultGrammar = reading.lazy.compactMap(\.clauseGrammar).first ?? .none
    }

    func grammar(for language: String) -> ClauseGrammar { grammars[language] ?? defaultGrammar }

    /// Index of the first token of the clause that contains `index`, not before `sentenceStart`.
    func clauseStart(_ tokens: [Token], sentenceStart: Int, index: Int, _ g: ClauseGrammar) -> Int {
        var i = index
        while i > sentenceStart {
            if tokens[i].clauseBreakBefore { return i }
            if g.clauseBreakers.contains(tokens[i - 1].text) { return i }
            i -= 1
        }
        return sentenceStart
    }

    /// Whether the match is negated: a negator inside it or shortly before it in the same clause.
    func isNegated(_ tokens: [Token], sentenceStart: Int, match: Pattern.Match, _ g: ClauseGrammar) -> Bool {
        let from = max(
            clauseStart(tokens, sentenceStart: sentenceStart, index: match.first, g),
            match.first - Self.lookBehind
        )
        var i = from
        while i <= match.last {
            // A negator in a bracketed aside before the match does not negate it: "if you use the Standard
            // Services (not through promotional credits), we will indemnify you".
            let aside = i < match.first && tokens[i].parenthesized && !tokens[match.first].parenthesized
            if !aside, g.negators.contains(tokens[i].text), !isLimit(tokens, at: i, upTo: match.last + 3, g) {
                return true
            }
            i += 1
        }
        return false
    }

    /// "no later than", "not more than", "not exceed", "not only", "whether or not", "if not", "prohibited by law".
    private func isLimit(_ tokens: [Token], at i: Int, upTo limit: Int, _ g: ClauseGrammar) -> Bool {
        let word = tokens[i].text
        let previous = i > 0 ? tokens[i - 1].text : ""
        let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
        // "unless prohibited by law", "to the extent prohibited by applicable law": a condition on the
        // clause, not a negation of it.
        if g.conditionWords.contains(previous), g.conditionalNegations.contains("\(word) \(next)") { return true }
        if g.voidNegations.contains("\(previous) \(word)") { return true }
        guard g.limitNegators.contains(word) else { return false }
        if g.limitWords.contains(next) { return true }
        // "shall not in any event exceed"
        if i + 3 < tokens.count, i + 3 <= limit,
            tokens[(i + 1)...(i + 3)].contains(where: { g.limitVerbs.contains($0.text) })
        {
            return true
        }
        return false
    }

    /// The party holding the right or duty of the match, or nil when unclear. `.any` means both
    /// ("either party may…"). Prefers the nearest party word before the match that is the subject of
    /// a verb; then the nearest that is not the object of a preposition; then, in a list item, the subject of its
    /// lead-in ("We will not: (a) sell …"); then the first in the match.
    /// The document's own names count as well as the lexicon's ("Northwind shall" when Northwind is the supplier).
    /// A match in an infinitive belongs to the party a right was granted to before it, not to the grantor ("we hereby
    /// grant you a licence to access and use the content solely for your personal purposes": yours).
    /// A sentence that opens with an instruction and names no subject before the match ("Ensure that orders are ready
    /// for our riders") is its addressee's duty (`instructed`).
    func party(
        _ tokens: [Token],
        sentenceStart: Int,
        match: Pattern.Match,
        reading: DocumentReading,
        leadIn: Range<Int>? = nil,
        heading: Range<Int>? = nil,
        _ g: ClauseGrammar
    ) -> Party? {
        let clause = clauseStart(tokens, sentenceStart: sentenceStart, index: match.first, g)
        let from = max(clause, match.first - Self.partyLookBehind)
        var fallback: Party?
        var i = match.first - 1
        while i >= from {
            if let p = partyAt(tokens, i, lowerBound: sentenceStart, reading: reading, g),
                !isOwned(tokens, i, p, sentenceStart, reading, g)
            {
                if isGrantee(tokens, i, lowerBound: sentenceStart, match: match, g) { return p }
                let isObject = isObject(tokens, i, lowerBound: sentenceStart, g)
                if !isObject, isSubject(tokens, i, before: match.last + 1, g) { return p }
                if !isObject, fallback == nil { fallback = p }
            }
            i -= 1
        }
        if clause == sentenceStart, isImperative(tokens, at: sentenceStart, g) {
            return instructed(tokens, leadIn: leadIn, heading: heading, reading: reading, g)
        }
        if let fallback { return fallback }
        if let leadIn, let p = leadInSubject(tokens, leadIn: leadIn, reading: reading, g) { return p }
        i = match.first
        while i <= match.last {
            if let p = partyAt(tokens, i, lowerBound: sentenceStart, reading: reading, g) { return p }
            i += 1
        }
        return nil
    }

    /// Whether a list item's lead-in negates what the item says: "We will not: (a) sell …".
    func leadInNegates(_ tokens: [Token], leadIn: Range<Int>, _ g: ClauseGrammar) -> Bool {
        guard let last = leadIn.last else { return false }
        let from = clauseStart(tokens, sentenceStart: leadIn.lowerBound, index: last, g)
        return (from...last).contains {
            g.negators.contains(tokens[$0].text) && !isLimit(tokens, at: $0, upTo: last, g)
        }
    }

    /// The subject nearest the colon in the last clause of a list item's lead-in: "We will not:", "You agree that we
    /// may:".
    func leadInSubject(
        _ tokens: [Token],
        leadIn: Range<Int>,
        reading: DocumentReading,
        _ g: ClauseGrammar
    ) -> Party? {
        guard let last = leadIn.last else { return nil }
        let from = clauseStart(tokens, sentenceStart: leadIn.lowerBound, index: last, g)
        for i in (from...last).reversed() {
            guard let p = partyAt(tokens, i, lowerBound: leadIn.lowerBound, reading: reading, g),
                !isOwned(tokens, i, p, leadIn.lowerBound, reading, g),
                !isObject(tokens, i, lowerBound: leadIn.lowerBound, g)
            else { continue }
            if isSubject(tokens, i, before: last + 1, g) { return p }
        }
        return nil
    }

    /// "the Supplier shall…", "we will not:": a subject verb among the three words after the party word, before `end`.
    func isSubject(_ tokens: [Token], _ i: Int, before end: Int, _ g: ClauseGrammar) -> Bool {
        ((i + 1)..<min(i + 4, end)).contains { g.subjectVerbs.contains(tokens[$0].text) }
    }

    /// "consent of the Customer", "to you": a party word after a preposition (or its article) is an object.
    private func isObject(_ tokens: [Token], _ i: Int, lowerBound: Int, _ g: ClauseGrammar) -> Bool {
        i > lowerBound && g.objectMarkers.contains(tokens[i - 1].text)
            || (i > lowerBound + 1 && g.articles.contains(tokens[i - 1].text)
                && g.objectMarkers.contains(tokens[i - 2].text))
    }

    /// "grant you", "grants the Provider", "gives to the Customer": the party a grant verb gives a right to, when the
    /// right is an infinitive ("a licence to", "allow you to") before the match, or the match opens with that right
    /// ("grants Northwind a royalty-free *licence to host* …").
    private func isGrantee(
        _ tokens: [Token],
        _ i: Int,
        lowerBound: Int,
        match: Pattern.Match,
        _ g: ClauseGrammar
    ) -> Bool {
        let opening = match.first..<min(match.first + Self.grantedRightOpening, match.last + 1)
        let infinitiveBefore = tokens[(i + 1)..<match.first].contains { g.infinitiveMarkers.contains($0.text) }
        let rightOpensMatch =
            match.first - i <= Self.grantObjectReach
            && tokens[opening].contains { g.infinitiveMarkers.contains($0.text) }
        guard infinitiveBefore || rightOpensMatch else { return false }
        var j = i - 1
        if j > lowerBound && g.articles.contains(tokens[j].text) { j -= 1 }
        if j > lowerBound && g.recipientMarkers.contains(tokens[j].text) { j -= 1 }
        return j >= lowerBound && g.grantVerbs.contains(tokens[j].text)
    }

    /// "Northwind's organisation", "Northwind Corp's organisation": a role word right after a possessive is its
    /// owner's thing, not a party, unless the owner is that same side ("the Customer's organisation").
    private func isOwned(
        _ tokens: [Token],
        _ i: Int,
        _ side: Party,
        _ lowerBound: Int,
        _ reading: DocumentReading,
        _ g: ClauseGrammar
    )
        -> Bool
    {
        guard i > lowerBound, tokens[i - 1].hasPossessive else { return false }
        return partyAt(tokens, i - 1, lowerBound: lowerBound, reading: reading, g) != side
    }

    /// The side a word names: the document's reading first, then the lexicon.
    func partyOf(_ word: String, in reading: DocumentReading) -> Party? {
        reading.partyWords[word] ?? parties[word]
    }

    func partyAt(
        _ tokens: [Token],
        _ i: Int,
        lowerBound: Int,
        reading: DocumentReading,
        _ g: ClauseGrammar
    ) -> Party? {
        let word = tokens[i].text
        if g.partyNouns.contains(word) {
            if i > lowerBound, g.bothSides.contains(tokens[i - 1].text) { return .any }
            return nil
        }
        return partyOf(word, in: reading)
    }
}
