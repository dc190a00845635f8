import FineprintCore

/// Text converted from PDF often separates every printed line by a blank line, and page breaks fall inside
/// sentences, so a sentence arrives cut into "paragraphs". A blank line continues the sentence when the text
/// before it stops without an end (a word, a number or a comma) and the text after it goes on in lower case.
/// In a document laid out that way throughout (`PrintedLines`), a full printed line that stops in the middle of
/// a sentence also continues when the next line opens with a capital ("… notified to the" / "Partner within").
public enum WrappedParagraphs {
    /// Whether the break between `lineEnd` (exclusive end of the text before it) and `next` (the first scalar after
    /// it) falls inside a sentence.
    public static func continues(_ s: [Unicode.Scalar], lineEnd: Int, next: Int) -> Bool {
        guard next < s.count, SentenceSegmenter.isLower(s[next]) else { return false }
        guard let c = lastContent(s, before: lineEnd) else { return false }
        return c == "," || c.properties.isAlphabetic || SentenceSegmenter.isDigit(c)
    }

    /// The blocks with each paragraph joined to the next when only a wrapped line separates them.
    public static func joined(_ blocks: [TextBlock], in s: [Unicode.Scalar]) -> [TextBlock] {
        let lines = PrintedLines.measured(blocks, in: s)
        var out: [TextBlock] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            if let previous = out.last, adjacentParagraphs(previous, block, in: s),
                continues(s, lineEnd: previous.span.end, next: block.span.start)
                    || lines?.carriesOn(from: previous.span, to: block.span, in: s) == true
            {
                out[out.count - 1].span = TextSpan(start: previous.span.start, end: block.span.end)
            } else {
                out.append(block)
            }
        }
        return out
    }

    /// Two paragraphs with nothing but white space between them.
    static func adjacentParagraphs(_ a: TextBlock, _ b: TextBlock, in s: [Unicode.Scalar]) -> Bool {
        a.kind == .paragraph && b.kind == .paragraph && a.span.end <= b.span.start
            && (a.span.end..<b.span.start).allSatisfy { SentenceSegmenter.isWhitespace(s[$0]) }
    }

    static func lastContent(_ s: [Unicode.Scalar], before end: Int) -> Unicode.Scalar? {
        var last = min(end, s.count) - 1
        while last >= 0 && SentenceSegmenter.isWhitespace(s[last]) { last -= 1 }
        return last >= 0 ? s[last] : nil
    }
}
