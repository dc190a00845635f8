import FineprintCore
import FineprintText

/// Evidence is the clause that decides: the numbered clause, list item or paragraph containing the
/// decisive sentence, quoted whole when it fits `maximumClauseLength`, else a window of its sentences
/// around the decisive one. The decisive sentence is the item's `focus`.
extension PreparedDocument {
    /// The longest evidence quote, in Unicode scalars. A bounded unit (`UnitBounds`) always fits.
    static let maximumClauseLength = 1_200

    /// The evidence item for decisive sentence `s`.
    func evidence(sentence s: Int) -> Evidence {
        let focus = sentences[s].span
        let clause = clause(around: s)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[clause.start..<clause.end])
        return Evidence(start: clause.start, end: clause.end, quote: String(view), focus: focus)
    }

    /// The evidence items for decisive sentences in the order given, one per clause: a later sentence
    /// of a clause already quoted adds nothing (the first keeps its focus).
    func evidence(sentences decisive: [Int]) -> [Evidence] {
        var seen = Set<TextSpan>()
        return decisive.map(evidence(sentence:)).filter { seen.insert($0.span).inserted }
    }

    /// The span an evidence item for sentence `s` quotes. A title ("11. Mandatory Arbitration") is quoted with the
    /// clause it opens, so the evidence carries what the title announces.
    func clause(around s: Int) -> TextSpan {
        if isTitle(s), s + 1 < sentences.count {
            let titled = TextSpan(start: sentences[s].span.start, end: untitledClause(around: s + 1).end)
            if titled.length <= Self.maximumClauseLength { return titled }
            return window(around: s, within: titled)
        }
        return untitledClause(around: s)
    }

    /// The clause, list item or paragraph around sentence `s`, or a window of it.
    private func untitledClause(around s: Int) -> TextSpan {
        let sentence = sentences[s].span
        let region = region(around: sentence)
        if region.complete && region.span.length <= Self.maximumClauseLength { return region.span }
        return window(around: s, within: region.span)
    }

    /// Most words a title has.
    static let titleLength = 12

    /// A short sentence without a sentence's closing mark that stands alone, outside every clause or as a block of
    /// its own that is no list item: a heading.
    private func isTitle(_ s: Int) -> Bool {
        let sentence = sentences[s]
        guard sentence.tokens.count <= Self.titleLength else { return false }
        if let block = containingBlock(sentence.span) {
            let own = trimmed(block, keeping: sentence.span)
            guard !listItems.contains(block), own.start >= sentence.span.start, own.end <= sentence.span.end + 1 else {
                return false
            }
        }
        var end = sentence.span.end
        while end > sentence.span.start, SentenceSegmenter.isWhitespace(scalars[end - 1]) { end -= 1 }
        guard end > sentence.span.start else { return false }
        return ![".", ";", ":", "!", "?", ","].contains(scalars[end - 1])
    }

    /// Sentences next to `s` inside `region`, added one at a time (the one before first) while the
    /// quote stays within the bound.
    private func window(around s: Int, within region: TextSpan) -> TextSpan {
        var first = s
        var last = s
        var grew = true
        while grew {
            grew = false
            if first > 0, fits(sentences[first - 1].span, within: region, first: first - 1, last: last) {
                first -= 1
                grew = true
            }
            if last + 1 < sentences.count, fits(sentences[last + 1].span, within: region, first: first, last: last + 1)
            {
                last += 1
                grew = true
            }
        }
        return TextSpan(start: sentences[first].span.start, end: sentences[last].span.end)
    }

    private func fits(_ span: TextSpan, within region: TextSpan, first: Int, last: Int) -> Bool {
        span.start >= region.start && span.end <= region.end
            && sentences[last].span.end - sentences[first].span.start <= Self.maximumClauseLength
    }

    /// The structural block containing `sentence`, trimmed; without one, the paragraph around it
    /// (between blank lines), looked for no further than the bound. `complete` is false when the
    /// paragraph's ends were not reached within the bound.
    private func region(around sentence: TextSpan) -> (span: TextSpan, complete: Bool) {
        if let block = containingBlock(sentence) { return (trimmed(block, keeping: sentence), true) }
        let reach = Self.maximumClauseLength
        let start = paragraphStart(before: sentence.start, reach: reach)
        let end = paragraphEnd(after: sentence.end, reach: reach)
        let span = trimmed(TextSpan(start: start ?? sentence.start, end: end ?? sentence.end), keeping: sentence)
        return (span, start != nil && end != nil)
    }

    /// The innermost non-heading block containing the sentence: among the last few blocks starting
    /// at or before it (blocks are flat or shallowly nested), the latest-starting one that contains it.
    private func containingBlock(_ sentence: TextSpan) -> TextSpan? {
        var low = 0
        var high = clauseBlocks.count
        while low < high {
            let mid = (low + high) / 2
            if clauseBlocks[mid].start <= sentence.start { low = mid + 1 } else { high = mid }
        }
        var b = low - 1
        while b >= 0 && low - b <= 4 {
            if clauseBlocks[b].end >= sentence.end { return clauseBlocks[b] }
            b -= 1
        }
        return nil
    }

    /// Just after the blank line before `offset`, the text's start, or nil when neither lies within `reach`.
    private func paragraphStart(before offset: Int, reach: Int) -> Int? {
        var breaks = 0
        var i = offset - 1
        while i >= max(0, offset - reach) {
            let c = scalars[i]
            if c == "\n" || c == "\u{0C}" || c == "\u{2029}" {
                breaks += 1
                if breaks >= 2 || c != "\n" { return i + 1 }
            } else if !SentenceSegmenter.isWhitespace(c) {
                breaks = 0
            }
            i -= 1
        }
        return i < 0 ? 0 : nil
    }

    /// The blank line after `offset`, the text's end, or nil when neither lies within `reach`.
    private func paragraphEnd(after offset: Int, reach: Int) -> Int? {
        var breaks = 0
        var i = offset
        let limit = min(scalars.count, offset + reach)
        while i < limit {
            let c = scalars[i]
            if c == "\n" || c == "\u{0C}" || c == "\u{2029}" {
                breaks += 1
                if breaks >= 2 || c != "\n" { return i }
            } else if !SentenceSegmenter.isWhitespace(c) {
                breaks = 0
            }
            i += 1
        }
        return i >= scalars.count ? scalars.count : nil
    }

    /// `span` without surrounding whitespace, never cutting into `sentence`.
    private func trimmed(_ span: TextSpan, keeping sentence: TextSpan) -> TextSpan {
        var start = min(span.start, sentence.start)
        var end = max(span.end, sentence.end)
        while start < sentence.start && SentenceSegmenter.isWhitespace(scalars[start]) { start += 1 }
        while end > sentence.end && SentenceSegmenter.isWhitespace(scalars[end - 1]) { end -= 1 }
        return TextSpan(start: start, end: end)
    }
}
