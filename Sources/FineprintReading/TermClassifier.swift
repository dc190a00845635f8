import FineprintCore
import FineprintText

/// Puts a defined term in a class: by its head word (and whose it is: "Customer Data" is the buyer's,
/// "Provider Materials" the supplier's), else by the earliest class cue in its definition.
struct TermClassifier {
    let words: ReadingWords
    let partyWords: [String: Party]
    /// Words the document also writes in lower case ("a breach", "feedback"): common nouns, not made-up names.
    var commonWords: Set<String> = []

    func classify(_ term: PartyFinder.Term) -> String? {
        if let head = term.words.last {
            // "Order Form", "Initial Term", "Privacy Policy": a document or a period, whatever its definition says.
            if words.documentWords.contains(head) { return nil }
            if let name = ownClass(term) { return name }
        }
        // An abbreviation ("GDPR", "EEA", "DPA") names a law, a place or a document, not what its definition
        // mentions. (A longer name is still classed by its definition: a made-up name has no other clue.)
        if Self.isAbbreviation(term.name) { return nil }
        // A term with a head noun of its own ("a breach … of your Customer Content (a "Security Breach")", "Service
        // Analytics" means aggregated information, "Customer Claim" means a claim … about Outputs generated through
        // the Services) is that thing, whatever words stand near it or in its definition; only a coined name
        // ("Quorvane") borrows its class from them.
        if let head = term.words.last, commonWords.contains(head) { return nil }
        let tokens = Self.tokens(term.body)
        for t in tokens.indices {
            if let m = words.definitionCues.match(tokens, at: t) { return m.value }
        }
        if let name = classByMaker(term.body, nearestLast: term.definedBefore) { return name }
        // "means all data …", "means Inputs and Outputs": the definition's first head word, near its start (in
        // "means the processing of personal data" the head is "processing"); before a parenthetical, the words
        // just before it ("disclosed by one party ("Discloser")").
        // A collective parenthetical lists its members from its sentence's start ("All data, information, files … by
        // the Service (collectively, "X")"), so its head opens the body, else ends it ("… or recordings (collectively").
        let head =
            term.collective
            ? term.body.prefix(Self.collectiveHeadReach) + term.body.suffix(2)
            : term.definedBefore ? term.body.suffix(2) : term.body.prefix(Self.headReach)
        for word in head {
            if let cues = words.lexicon.termClasses.first(where: {
                $0.heads.contains(word) || $0.ownedHeads.contains(word)
            }) {
                return cues.name
            }
        }
        return nil
    }

    /// The class whose head ends the term, the longest head winning: a head may be a phrase, so "Usage Data" and
    /// "Confidential Information" are not "Customer Data" though they end in the buyer's data's head words.
    func classByHead(_ termWords: [String], owner: Party?) -> String? {
        var best: (name: String, length: Int)?
        let lastForms = Set(termWords.suffix(1) + (termWords.last.map(words.numberForms.otherForms) ?? []))
        for cues in words.lexicon.termClasses {
            if let owner, let wanted = cues.owner, owner != wanted { continue }
            let owned = owner != nil && owner == cues.owner
            for head in cues.heads + (owned ? cues.ownedHeads : []) where endsWith(termWords, head, lastForms) {
                let length = head.split(separator: " ").count
                if length > (best?.length ?? 0) { best = (cues.name, length) }
            }
        }
        return best?.name
    }

    /// Whether a term's words end with a head, one word or a phrase of several; a one-word head in either number
    /// (`lastForms`: the last word and its other forms; "User Submission" ends with the head "submissions").
    private func endsWith(_ termWords: [String], _ head: String, _ lastForms: Set<String>) -> Bool {
        guard head.contains(" ") else { return lastForms.contains(head) }
        let headWords = PhraseList<Bool>.words(head)
        return termWords.count >= headWords.count && Array(termWords.suffix(headWords.count)) == headWords
    }

    /// One word, its letters all capitals, at least two of them ("EU", "CCPA"; "U.S." too).
    static func isAbbreviation(_ name: String) -> Bool {
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        return !name.unicodeScalars.contains { $0.properties.isWhitespace } && letters.count >= 2
            && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// How far into a definition its head word is looked for.
    static let headReach = 3
    /// How far into a collective parenthetical's sentence its head word is looked for.
    static let collectiveHeadReach = 4

    /// The class a term's own words give it: its head, whose it is, or a cue among its words ("Other
    /// Information You Provide").
    func ownClass(_ term: PartyFinder.Term) -> String? {
        let owner = term.words.count > 1 ? side(of: term.words[0]) : nil
        if let name = classByHead(term.words, owner: owner) { return name }
        // A cue of several words after the name's first word describes it: "Other Information You Provide" (not
        // "Data Subject", a person, nor "Trade Controls", a law).
        let tokens = Self.tokens(term.words)
        return tokens.indices.dropFirst().lazy.compactMap { t in
            words.definitionCues.match(tokens, at: t).flatMap { $0.next - t > 1 ? $0.value : nil }
        }.first
    }

    /// Words as tokens, each its own offset, for the phrase lists that match tokens.
    static func tokens(_ words: [String]) -> [Token] {
        words.enumerated().map { Token(text: $0.element, start: $0.offset, end: $0.offset + 1) }
    }

    func side(of word: String) -> Party? {
        partyWords[word] ?? words.roles[word] ?? words.pronouns[word]
    }
}
