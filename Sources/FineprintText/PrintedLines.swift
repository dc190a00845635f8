import FineprintCore

/// The layout of a document whose printed lines each became a paragraph: many paragraphs go on in lower case
/// after a line that stopped mid-sentence. Their usual length is the width of a full printed line.
struct PrintedLines {
    /// The median length of a line that certainly continues (`WrappedParagraphs.continues`).
    let width: Int

    /// Fewer lower-case continuations than this, or a smaller share of all paragraph breaks, is ordinary text
    /// with a stray break, not a page of printed lines.
    static let minimumContinuations = 8
    static let minimumShare = 0.15
    /// A line this share of the width or more is full: the sentence ran on past it.
    static let fullLine = 0.75

    static func measured(_ blocks: [TextBlock], in s: [Unicode.Scalar]) -> PrintedLines? {
        var lengths: [Int] = []
        var breaks = 0
        for (a, b) in zip(blocks, blocks.dropFirst()) where WrappedParagraphs.adjacentParagraphs(a, b, in: s) {
            breaks += 1
            if WrappedParagraphs.continues(s, lineEnd: a.span.end, next: b.span.start) {
                lengths.append(lastLineLength(of: a.span, in: s))
            }
        }
        guard lengths.count >= minimumContinuations, Double(lengths.count) >= minimumShare * Double(breaks) else {
            return nil
        }
        lengths.sort()
        return PrintedLines(width: lengths[lengths.count / 2])
    }

    /// Whether the sentence runs on from the paragraph at `a` into the one at `b`: `a` ends in a full line that
    /// stops on a lower-case word or a comma, and neither line is a heading and `b` opens no clause or list item.
    func carriesOn(from a: TextSpan, to b: TextSpan, in s: [Unicode.Scalar]) -> Bool {
        let lineStart = Self.lastLineStart(of: a, in: s)
        guard let last = WrappedParagraphs.lastContent(s, before: a.end),
            last == "," || SentenceSegmenter.isLower(last),
            Double(a.end - lineStart) >= Self.fullLine * Double(width),
            LineShape.marker(in: s, at: b.start, limit: b.end) == nil
        else { return false }
        let nextLineEnd = (b.start..<b.end).first { SentenceSegmenter.isLineBreak(s[$0], s, $0, b.end) } ?? b.end
        return !LineShape.isHeadingLike(s, from: lineStart, to: a.end)
            && !LineShape.isHeadingLike(s, from: b.start, to: nextLineEnd)
    }

    static func lastLineStart(of span: TextSpan, in s: [Unicode.Scalar]) -> Int {
        var i = span.end
        while i > span.start && !SentenceSegmenter.isLineBreak(s[i - 1], s, i - 1, span.end) { i -= 1 }
        return i
    }

    static func lastLineLength(of span: TextSpan, in s: [Unicode.Scalar]) -> Int {
        span.end - lastLineStart(of: span, in: s)
    }
}
