import FineprintCore

/// Cuts a document's text into sentences: half-open Unicode-scalar spans, trimmed of surrounding
/// whitespace, never crossing a block boundary.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) when
/// whitespace follows and the period does not belong to an abbreviation ("e.g.", "Inc.", "No.",
/// "U.S."), a decimal or clause number ("12.3", "1,000.50"), or a leading list marker ("1.", "iv.").
/// A period followed by a lower-case word never ends a sentence. A blank line ends one unless it only
/// wraps a line (`WrappedParagraphs`, which also joins such lines into one paragraph block; inside a
/// paragraph block a blank line counts as a single newline); a single newline (or a wide run of spaces,
/// as in text converted from PDF) ends one only when the next line starts a heading, numbered clause or
/// list item, or the line before it is a heading.
/// A sentence longer than `UnitBounds.maximumLength` is cut into bounded units (`UnitBounds`).
public enum SentenceSegmenter {
    public static func sentences(in text: String, blocks: [TextBlock]) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        return sentences(in: scalars, blocks: blocks)
    }

    public static func sentences(in scalars: [Unicode.Scalar], blocks: [TextBlock]) -> [TextSpan] {
        let n = scalars.count
        guard n > 0 else { return [] }
        // Regions: the text cut at every block start and end.
        var cuts: [Int] = [0, n]
        cuts.reserveCapacity(blocks.count * 2 + 2)
        for block in blocks {
            cuts.append(min(max(block.span.start, 0), n))
            cuts.append(min(max(block.span.end, 0), n))
        }
        cuts.sort()
        // Inside a paragraph a blank line can only be a printed line that `WrappedParagraphs` joined back.
        var paragraphEnds: [Int: Int] = [:]
        for block in blocks where block.kind == .paragraph { paragraphEnds[block.span.start] = block.span.end }
        var result: [TextSpan] = []
        result.reserveCapacity(n / 80)
        var previous = -1
        for cut in cuts {
            if previous >= 0 && cut > previous {
                let wrapsLines = paragraphEnds[previous] == cut
                segment(scalars, from: previous, to: cut, wrap: wrapsLines, into: &result)
            }
            previous = cut
        }
        return UnitBounds.bounded(result, in: scalars)
    }

    // MARK: - One region

    /// One scan over the region, a small state machine (sentence start, last content, line start):
    /// kept in one piece, about 65 lines, because its cases share that state and each case already
    /// calls out to a named test (`softBreak`, `isSentenceEnd`, `LineShape.marker`).
    static func segment(_ s: [Unicode.Scalar], from lower: Int, to upper: Int, wrap: Bool, into out: inout [TextSpan]) {
        var start = -1  // first scalar of the current sentence, -1 when none yet
        var lastContent = -1  // last non-whitespace scalar of the current sentence
        var lineStart = lower  // first scalar of the current line (or gap-separated segment)
        var i = lower

        func emit() {
            if start >= 0 && lastContent >= start {
                out.append(TextSpan(start: start, end: lastContent + 1))
            }
            start = -1
            lastContent = -1
        }

        while i < upper {
            let c = s[i]
            if isLineBreak(c, s, i, upper) {
                let (next, blank) = lineBreakRun(s, at: i, upper: upper)
                if hardBreak(s, at: i, next: next, upper: upper, blank: blank, inWrappedParagraph: wrap) {
                    emit()
                } else if start >= 0 && softBreak(s, lineStart: lineStart, lineEnd: i, next: next, upper: upper) {
                    emit()
                }
                lineStart = next
                i = next
                continue
            }
            if isHorizontalSpace(c) {
                // A wide gap of spaces (4 or more, or a tab between words) acts like a single newline.
                let next = spaceRunEnd(s, from: i, upper: upper)
                let wide = (next - i >= 4) || c == "\t"
                if wide && next < upper && !isLineBreak(s[next], s, next, upper) {
                    if start >= 0 && softBreak(s, lineStart: lineStart, lineEnd: i, next: next, upper: upper) {
                        emit()
                    }
                    lineStart = next
                }
                i = next
                continue
            }
            if start < 0 {
                start = i
                // A leading list marker or clause number is part of the sentence but its period is not an end.
                if let marker = LineShape.marker(in: s, at: i, limit: upper) {
                    lastContent = marker.markerEnd - 1
                    i = marker.markerEnd
                    continue
                }
            }
            lastContent = i
            guard isTerminal(c) else {
                i += 1
                continue
            }
            let after = terminalRunEnd(s, from: i, upper: upper)
            lastContent = after - 1
            if after >= upper || isWhitespace(s[after]),
                isSentenceEnd(s, punct: i, after: after, sentenceStart: start, upper: upper)
            {
                emit()
            }
            i = after
        }
        emit()
    }

    /// Whether the line break at `i`, whose run of breaks and spaces ends at `next`, ends the sentence outright:
    /// at the region's end, or at a blank line that does not just wrap a line.
    @inline(__always) static func hardBreak(
        _ s: [Unicode.Scalar],
        at i: Int,
        next: Int,
        upper: Int,
        blank: Bool,
        inWrappedParagraph: Bool
    ) -> Bool {
        next >= upper || (blank && !inWrappedParagraph && !WrappedParagraphs.continues(s, lineEnd: i, next: next))
    }

    @inline(__always) static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "!" || c == "?" || c == "…" || c == "。"
    }

    /// The end of a line break and the blank lines and spaces after it, and whether it holds a blank
    /// line (or a page or paragraph separator), which always ends a sentence.
    static func lineBreakRun(_ s: [Unicode.Scalar], at i: Int, upper: Int) -> (next: Int, blank: Bool) {
        var j = i + 1
        var blank = s[i] == "\u{0C}" || s[i] == "\u{2029}"
        while j < upper {
            let d = s[j]
            if isLineBreak(d, s, j, upper) {
                blank = true
            } else if !(isHorizontalSpace(d) || d == "\r") {
                break
            }
            j += 1
        }
        return (j, blank)
    }

    /// The first scalar after the run of horizontal space starting at `i`.
    static func spaceRunEnd(_ s: [Unicode.Scalar], from i: Int, upper: Int) -> Int {
        var j = i + 1
        while j < upper && isHorizontalSpace(s[j]) { j += 1 }
        return j
    }

    /// The first scalar after a run of terminal punctuation starting at `i` and any closers after it.
    static func terminalRunEnd(_ s: [Unicode.Scalar], from i: Int, upper: Int) -> Int {
        var j = i + 1
        while j < upper && (s[j] == "." || s[j] == "!" || s[j] == "?" || s[j] == "…") { j += 1 }
        while j < upper && isCloser(s[j]) { j += 1 }
        return j
    }

    /// Does the period (or other terminal mark) at `punct` end the sentence? `after` is the first
    /// scalar after the punctuation and closers (whitespace or the region's end).
    static func isSentenceEnd(_ s: [Unicode.Scalar], punct: Int, after: Int, sentenceStart: Int, upper: Int) -> Bool {
        // The next word.
        var k = after
        while k < upper && isWhitespace(s[k]) { k += 1 }
        guard k < upper else { return true }
        let next = s[k]
        if s[punct] != "." {
            // "!" / "?" / "…": an end unless a lower-case word continues the sentence.
            return !isLower(next)
        }
        // An ellipsis or a period followed by a lower-case word or by ",", ";": not an end.
        if isLower(next) || next == "," || next == ";" || next == ":" { return false }
        if after - punct > 1 && s[punct + 1] == "." {
            // "..." followed by a capital: an end.
            return true
        }
        // The word before the period.
        var w = punct
        // At most 13 scalars back: a longer word is no abbreviation, and the walk stays bounded.
        while w > sentenceStart && punct - w <= 12 && isWordPart(s[w - 1]) { w -= 1 }
        let wordLength = punct - w
        if wordLength == 0 { return true }
        if wordLength > 12 { return true }
        var word = ""
        word.unicodeScalars.reserveCapacity(wordLength)
        for p in w..<punct { word.unicodeScalars.append(lowerASCII(s[p])) }
        // Multi-dot abbreviations: "U.S.", "e.g.", "i.e.", "a.m.".
        if word.contains(".") {
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            if parts.allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isLetter) }) { return false }
        }
        if abbreviations.contains(word) {
            return false
        }
        if companySuffixes.contains(word) {
            // "Acme Inc. (the Supplier)" / "Acme Ltd. "Supplier"": the name goes on.
            return !(next == "(" || next == "\"" || next == "“" || next == "'")
        }
        if referenceWords.contains(word) && isDigit(next) { return false }
        // A single capital letter: an initial ("J. Smith") when another capital word follows and the
        // letter stands after a capitalised word or at the sentence start.
        if wordLength == 1, isUpper(s[w]), isUpper(next) {
            var b = w - 1
            while b >= sentenceStart && isHorizontalSpace(s[b]) { b -= 1 }
            if b >= sentenceStart && s[b] == "." && b - 1 >= sentenceStart && isUpper(s[b - 1]) { return false }
        }
        return true
    }

    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "cf", "viz", "vs", "v", "al", "approx", "resp",
        "no", "nos", "sec", "secs", "art", "arts", "para", "paras", "cl", "ch", "pp", "p", "fig",
        "sch", "sched", "schs", "pt", "subsec", "subpara", "reg", "regs", "dir", "ref", "vol",
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "hon", "messrs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "e.u", "u.n", "a.m", "p.m", "n.a",
        "min", "max", "incl", "excl", "est", "dept", "div", "govt", "int'l", "intl", "tel", "fax",
    ]

    static let companySuffixes: Set<String> = [
        "inc", "ltd", "co", "corp", "llc", "plc", "l.p", "lp", "llp", "n.v", "s.a", "b.v", "ag", "gmbh", "pty",
        "s.a.r.l",
    ]

    /// Words that are followed by a number: "Sec. 4", "No. 12", "Art. 28".
    static let referenceWords: Set<String> = ["no", "nos", "sec", "art", "para", "cl", "ch", "p", "pp", "vol", "fig"]

    /// Should a single newline (or a wide gap) between `lineEnd` and `next` end the sentence?
    static func softBreak(_ s: [Unicode.Scalar], lineStart: Int, lineEnd: Int, next: Int, upper: Int) -> Bool {
        if LineShape.marker(in: s, at: next, limit: upper) != nil { return true }
        // The line before: a heading, or ending in a colon introducing what follows.
        var a = lineStart
        while a < lineEnd && isWhitespace(s[a]) { a += 1 }
        var b = lineEnd
        while b > a && isWhitespace(s[b - 1]) { b -= 1 }
        if b > a && LineShape.isHeadingLike(s, from: a, to: b) { return true }
        // The next line: a heading.
        var e = next
        let limit = min(upper, next + LineShape.maxHeadingLength + 1)
        while e < limit && !isLineBreak(s[e], s, e, upper) {
            if isHorizontalSpace(s[e]) {
                var f = e
                while f < limit && isHorizontalSpace(s[f]) { f += 1 }
                if f - e >= 4 { break }
                e = f
                continue
            }
            e += 1
        }
        var eTrim = e
        while eTrim > next && isWhitespace(s[eTrim - 1]) { eTrim -= 1 }
        if e < limit || e == upper {
            if eTrim > next && LineShape.isHeadingLike(s, from: next, to: eTrim) { return true }
        }
        return false
    }

    // MARK: - Scalar classes

    @inline(__always) static func isLineBreak(
        _ c: Unicode.Scalar,
        _ s: [Unicode.Scalar],
        _ i: Int,
        _ upper: Int
    ) -> Bool {
        switch c {
        case "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
        case "\r": return !(i + 1 < upper && s[i + 1] == "\n")
        default: return false
        }
    }

    @inline(__always) static func isHorizontalSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}" || c == "\r" || (c.value >= 0x2000 && c.value <= 0x200A)
            || c == "\u{3000}" || c == "\u{202F}"
    }

    @inline(__always) public static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == " " || (c.value >= 9 && c.value <= 13) }
        return c.properties.isWhitespace
    }

    @inline(__always) static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", "]", "}", "”", "’", "»", "›", "*", "_": return true
        default: return false
        }
    }

    @inline(__always) public static func isLower(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
        return c.properties.isLowercase
    }

    @inline(__always) public static func isUpper(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
        return c.properties.isUppercase
    }

    @inline(__always) public static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    @inline(__always) static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            return (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) || isDigit(c)
                || c == "." || c == "'"
        }
        return c.properties.isAlphabetic
    }

    @inline(__always) public static func lowerASCII(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value >= 0x41 && c.value <= 0x5A { return Unicode.Scalar(c.value + 32)! }
        return c
    }
}
