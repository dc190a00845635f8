import FineprintCore

/// Cuts sentences longer than a bound into units no longer than it, so that every later stage (cue
/// matching, negation and party windows, values, learned features, evidence) works on bounded spans
/// and a document without sentence breaks costs the same per megabyte as an ordinary one.
///
/// A long sentence is cut at the best boundary in the second half of each window: after the last
/// semicolon, else colon, else comma, else line break, else whitespace; only a run of text with no
/// boundary at all is cut at the bound itself. Every scalar of the sentence stays in some unit apart
/// from the whitespace at the cuts.
public enum UnitBounds {
    /// The longest unit, in Unicode scalars. Evidence clauses (about 1,200 scalars) must hold one unit.
    public static let maximumLength = 1_000

    /// The spans of `sentences`, each long one cut into bounded units.
    public static func bounded(
        _ sentences: [TextSpan],
        in scalars: [Unicode.Scalar],
        maximumLength: Int = maximumLength
    ) -> [TextSpan] {
        precondition(maximumLength >= 2, "a unit bound below 2 scalars")
        guard sentences.contains(where: { $0.length > maximumLength }) else { return sentences }
        var result: [TextSpan] = []
        result.reserveCapacity(sentences.count + scalars.count / maximumLength)
        for sentence in sentences {
            if sentence.length <= maximumLength {
                result.append(sentence)
            } else {
                cut(sentence, in: scalars, maximumLength: maximumLength, into: &result)
            }
        }
        return result
    }

    static func cut(_ sentence: TextSpan, in s: [Unicode.Scalar], maximumLength: Int, into out: inout [TextSpan]) {
        var start = sentence.start
        let end = sentence.end
        while start < end {
            if end - start <= maximumLength {
                out.append(TextSpan(start: start, end: end))
                return
            }
            let cutAt = boundary(in: s, from: start, limit: start + maximumLength, minimum: start + maximumLength / 2)
            // The unit ends after its last non-whitespace scalar; the next starts at the next one.
            var unitEnd = cutAt
            while unitEnd > start && SentenceSegmenter.isWhitespace(s[unitEnd - 1]) { unitEnd -= 1 }
            if unitEnd > start { out.append(TextSpan(start: start, end: unitEnd)) }
            start = cutAt
            while start < end && SentenceSegmenter.isWhitespace(s[start]) { start += 1 }
        }
    }

    /// Where to cut a unit that starts at `from`: just after the best boundary in `minimum..<limit`,
    /// or `limit` when there is none. Looks at each scalar of the window once.
    static func boundary(in s: [Unicode.Scalar], from: Int, limit: Int, minimum: Int) -> Int {
        // Last position of each boundary kind, best first: ; : , line break, whitespace.
        var last = [Int](repeating: -1, count: 5)
        for i in max(minimum, from + 1)..<limit {
            switch s[i - 1] {
            case ";", "；": last[0] = i
            case ":": last[1] = i
            case ",", "،", "，": last[2] = i
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": last[3] = i
            case let c where SentenceSegmenter.isWhitespace(c): last[4] = i
            default: break
            }
        }
        // A boundary only where a new unit could start: not in the middle of whitespace before text.
        if let best = last.first(where: { $0 > from }) { return best }
        return limit
    }
}
