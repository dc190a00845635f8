import FineprintCore

/// Text converted from PDF often separates every printed line by a blank line, and page breaks fall inside
/// sentences, so a sentence arrives cut into "paragraphs". A blank line continues the sentence when the text
/// before it stops without an end (a word, a number or a comma) and the text after it goes on in lower case.
public enum WrappedParagraphs {
    /// Whether the break between `lineEnd` (exclusive end of the text before it) and `next` (the first scalar after
    /// it) falls inside a sentence.
    public static func continues(_ s: [Unicode.Scalar], lineEnd: Int, next: Int) -> Bool {
        guard next < s.count, SentenceSegmenter.isLower(s[next]) else { return false }
        var last = lineEnd - 1
        while last >= 0 && SentenceSegmenter.isWhitespace(s[last]) { last -= 1 }
        guard last >= 0 else { return false }
        let c = s[last]
        return c == "," || c.properties.isAlphabetic || SentenceSegmenter.isDigit(c)
    }

    /// The blocks with each paragraph joined to the next when only a wrapped line separates them.
    public static func joined(_ blocks: [TextBlock], in s: [Unicode.Scalar]) -> [TextBlock] {
        var out: [TextBlock] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            if let previous = out.last, previous.kind == .paragraph, block.kind == .paragraph,
                previous.span.end <= block.span.start,
                (previous.span.end..<block.span.start).allSatisfy({ SentenceSegmenter.isWhitespace(s[$0]) }),
                continues(s, lineEnd: previous.span.end, next: block.span.start)
            {
                out[out.count - 1].span = TextSpan(start: previous.span.start, end: block.span.end)
            } else {
                out.append(block)
            }
        }
        return out
    }
}
