import FineprintCore
import FineprintText

/// Puts a defined term in a class: by its head word (and whose it is: "Customer Data" is the buyer's,
/// "Provider Materials" the supplier's), else by the earliest class cue in its definition.
struct TermClassifier {
    let words: ReadingWords
    let partyWords: [String: Party]

    func classify(_ term: PartyFinder.Term) -> String? {
        if let head = term.words.last {
            let owner = term.words.count > 1 ? side(of: term.words[0]) : nil
            for cues in words.lexicon.termClasses where cues.heads.contains(head) {
                if let owner, let wanted = cues.owner, owner != wanted { continue }
                return cues.name
            }
        }
        let tokens = term.body.enumerated().map { Token(text: $0.element, start: $0.offset, end: $0.offset + 1) }
        for t in tokens.indices {
            if let m = words.definitionCues.match(tokens, at: t) { return m.value }
        }
        // "means all data …", "means Inputs and Outputs": the definition's first head word.
        for word in term.body.prefix(Self.headReach) {
            if let cues = words.lexicon.termClasses.first(where: { $0.heads.contains(word) }) { return cues.name }
        }
        return nil
    }

    /// How far into a definition its head word is looked for.
    static let headReach = 6

    private func side(of word: String) -> Party? {
        partyWords[word] ?? words.roles[word] ?? words.pronouns[word]
    }
}
