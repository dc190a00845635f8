import FineprintCore
import FineprintText

/// A document cut into tokens, with each sentence's token range and the heading it stands under.
struct PreparedDocument {
    struct Sentence {
        var span: TextSpan
        var tokens: Range<Int>
        /// Token range of the heading the sentence stands under, if any.
        var heading: Range<Int>?
        /// For the first sentence of a list item: the sentence ending in a colon that the list hangs from ("We
        /// will not:"), whose subject and negation the item takes.
        var leadIn: Range<Int>? = nil
        /// The first token after each colon inside the sentence: what follows "shall not: (i) …; (ii) …" is a list
        /// whose items take the words before the colon as their lead-in.
        var colonBreaks: [Int] = []
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let sentences: [Sentence]
    /// The numbered clauses, list items and paragraphs of the document's structure, by start: what
    /// an evidence item quotes around its decisive sentence (`ClauseEvidence`).
    let clauseBlocks: [TextSpan]
    /// The list items among them: an item is never a title of what follows it.
    let listItems: Set<TextSpan>

    init(_ document: ExtractedDocument) {
        let scalars = Array(document.text.unicodeScalars)
        let tokens = Tokenizer.tokens(in: scalars, from: 0, to: scalars.count)
        self.scalars = scalars
        self.tokens = tokens

        // Token ranges of heading blocks, in order.
        let headingBlocks = document.blocks.filter { $0.kind == .heading }.map(\.span)
        let clauseBlocks = document.blocks.filter { $0.kind != .heading }.map(\.span).sorted()
        self.clauseBlocks = clauseBlocks
        listItems = Set(document.blocks.filter { $0.kind == .listItem }.map(\.span))
        let runInTitles = Self.runInTitles(document.blocks)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(document.sentences.count)
        var t = 0
        var h = 0
        var currentHeading: Range<Int>?
        var c = 0
        var blockTitle: (block: Int, range: Range<Int>)?
        var previous: Sentence?
        for span in document.sentences {
            while t < tokens.count && tokens[t].end <= span.start { t += 1 }
            var u = t
            while u < tokens.count && tokens[u].start < span.end { u += 1 }
            // The heading in force: the last heading block starting before the sentence.
            while h < headingBlocks.count && headingBlocks[h].start <= span.start {
                let hs = headingBlocks[h]
                var a = t
                while a > 0 && tokens[a - 1].start >= hs.start { a -= 1 }
                var b = a
                while b < tokens.count && tokens[b].start < hs.end { b += 1 }
                currentHeading = a..<b
                h += 1
            }
            var heading = currentHeading
            // A short first sentence of a clause ("12. Governing Law.") titles the rest of that clause, as does a
            // title run into its first line, however long; that title heads the sentence it is run into as well.
            while c < clauseBlocks.count && clauseBlocks[c].end <= span.start { c += 1 }
            if c < clauseBlocks.count && clauseBlocks[c].start <= span.start {
                let firstInBlock = previous.map { $0.span.start < clauseBlocks[c].start } ?? true
                if firstInBlock {
                    blockTitle = Self.title(t..<u, runIn: runInTitles[clauseBlocks[c].start], tokens: tokens)
                        .map { (c, $0) }
                    if let title = blockTitle, title.range.upperBound < u { heading = title.range }
                } else if let title = blockTitle, title.block == c {
                    heading = title.range
                }
            }
            let colons = Self.colonBreaks(span, t..<u, scalars: scalars, tokens: tokens)
            let sentence = Sentence(span: span, tokens: t..<u, heading: heading, colonBreaks: colons)
            sentences.append(sentence)
            previous = sentence
            t = u
        }
        self.sentences = Self.withLeadIns(sentences, scalars: scalars, blocks: document.blocks, in: clauseBlocks)
    }

    /// Titles run into their blocks' first lines, by the block's start.
    private static func runInTitles(_ blocks: [TextBlock]) -> [Int: TextSpan] {
        Dictionary(
            blocks.compactMap { b in b.title.map { (b.span.start, $0) } },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// Marks each list item's first sentence with the lead-in its list hangs from: the last sentence before the
    /// list that ends with a colon. The list ends at a sentence outside a list item, at an item no deeper than the
    /// lead-in's own item, and at an item shallower than the list's first ("16. You may not: 1. … 2. … 17. …").
    private static func withLeadIns(
        _ sentences: [Sentence],
        scalars: [Unicode.Scalar],
        blocks: [TextBlock],
        in clauseBlocks: [TextSpan]
    ) -> [Sentence] {
        var items: [TextSpan: Int] = [:]
        for block in blocks where isListEntry(block) { items[block.span] = block.level ?? 0 }
        var out = sentences
        var open: (leadIn: Range<Int>, leadInLevel: Int?, itemLevel: Int?)?
        var b = 0
        for i in out.indices {
            let span = out[i].span
            while b < clauseBlocks.count && clauseBlocks[b].end <= span.start { b += 1 }
            let inBlock = b < clauseBlocks.count && clauseBlocks[b].start <= span.start
            let level = inBlock ? items[clauseBlocks[b]] : nil
            if let level, let list = open {
                let closes = list.leadInLevel.map { level <= $0 } ?? false || list.itemLevel.map { level < $0 } ?? false
                open = closes ? nil : (list.leadIn, list.leadInLevel, list.itemLevel ?? level)
                let first = i == 0 || out[i - 1].span.start < clauseBlocks[b].start
                if !closes, first { out[i].leadIn = list.leadIn }
            } else if level == nil {
                open = nil
            }
            if endsWithColon(span, scalars) { open = (out[i].tokens, level, nil) }
        }
        return out
    }

    /// A list item, or a clause lettered or bracketed like one ("(a)", "b)", "iv"): what a lead-in's list is made
    /// of. A clause numbered "4" or "12.3" is a section of its own, whatever precedes it.
    private static func isListEntry(_ block: TextBlock) -> Bool {
        if block.kind == .listItem { return true }
        guard block.kind == .clause, let number = block.number else { return false }
        return number.contains("(") || number.contains(")") || number.allSatisfy(\.isLetter)
    }

    /// The first token after each colon of the sentence that opens what follows it (not a time, "10:30", nor an
    /// address, "https://"), when words precede the colon and follow it.
    private static func colonBreaks(
        _ span: TextSpan,
        _ range: Range<Int>,
        scalars: [Unicode.Scalar],
        tokens: [Token]
    ) -> [Int] {
        var breaks: [Int] = []
        var t = range.lowerBound
        for k in span.start..<span.end where scalars[k] == ":" {
            let next = k + 1 < scalars.count ? scalars[k + 1] : " "
            if next == "/"
                || (k > 0 && scalars[k - 1].properties.numericType != nil && next.properties.numericType != nil)
            {
                continue
            }
            while t < range.upperBound && tokens[t].start < k { t += 1 }
            if t > range.lowerBound && t < range.upperBound { breaks.append(t) }
        }
        return breaks
    }

    /// Whether a sentence's last mark, past spaces and Markdown emphasis, is a colon.
    private static func endsWithColon(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        var k = span.end - 1
        while k >= span.start, scalars[k].properties.isWhitespace || scalars[k] == "*" || scalars[k] == "_" { k -= 1 }
        return k >= span.start && scalars[k] == ":"
    }

    /// The tokens that title a block whose first sentence is `first`: its run-in title, else that sentence when it is
    /// short.
    private static func title(_ first: Range<Int>, runIn: TextSpan?, tokens: [Token]) -> Range<Int>? {
        guard let runIn else { return first.count <= 6 && !first.isEmpty ? first : nil }
        var end = first.lowerBound
        while end < tokens.count && tokens[end].start < runIn.end { end += 1 }
        return end > first.lowerBound ? first.lowerBound..<end : nil
    }

    func text(_ span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

}
