import FineprintCore
import FineprintReading
import FineprintText

extension ClauseContext {
    /// Whether the sentence opening at `start` is an instruction: an imperative verb not followed by a word that
    /// makes it a noun or a subject ("Use reasonable endeavours to…", not "Use of the Services is…").
    func isImperative(_ tokens: [Token], at start: Int, _ g: ClauseGrammar) -> Bool {
        guard start < tokens.count, g.imperativeVerbs.contains(tokens[start].text), !tokens[start].hasPossessive
        else { return false }
        return start + 1 >= tokens.count || !g.nounFollowers.contains(tokens[start + 1].text)
    }

    /// Whose duty an instruction is: the subject of its list's lead-in ("We will: (a) provide…"), else the party its
    /// heading gives the duty ("What we will do", "Your obligations"), else the reader the terms address as "you".
    func instructed(
        _ tokens: [Token],
        leadIn: Range<Int>?,
        heading: Range<Int>?,
        reading: DocumentReading,
        _ g: ClauseGrammar
    ) -> Party? {
        if let leadIn, let p = leadInSubject(tokens, leadIn: leadIn, reading: reading, g) { return p }
        if let heading, let p = headingParty(tokens, heading, reading: reading, g) { return p }
        return readerParty(reading, g)
    }

    /// The party a heading names as having duties: as a subject ("What we will do") or next to a duty noun ("Your
    /// obligations", "Customer Responsibilities", "Obligations of the Supplier").
    func headingParty(
        _ tokens: [Token],
        _ heading: Range<Int>,
        reading: DocumentReading,
        _ g: ClauseGrammar
    ) -> Party? {
        for i in heading {
            guard let p = partyAt(tokens, i, lowerBound: heading.lowerBound, reading: reading, g), p != .any else {
                continue
            }
            let near = tokens[max(heading.lowerBound, i - 3)..<min(heading.upperBound, i + 2)]
            if isSubject(tokens, i, before: heading.upperBound, g)
                || near.contains(where: { g.dutyNouns.contains($0.text) })
            {
                return p
            }
        }
        return nil
    }

    /// The party a reader word ("you") names: the document's own reading first, then the party lexicon.
    func readerParty(_ reading: DocumentReading, _ g: ClauseGrammar) -> Party? {
        g.readerWords.sorted().lazy.compactMap { partyOf($0, in: reading) }.first
    }
}
