import FineprintCore

/// Cuts a document's text into sentences: half-open Unicode-scalar spans, trimmed of surrounding
/// whitespace, never crossing a block boundary.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) when
/// whitespace follows and the period does not belong to an abbreviation ("e.g.", "Inc.", "No.",
/// "U.S."), a decimal or clause number ("12.3", "1,000.50"), or a leading list marker ("1.", "iv.").
/// A period followed by a lower-case word never ends a sentence. A blank line always ends one; a
/// single newline (or a wide run of spaces, as in text converted from PDF) ends one only when the
/// next line starts a heading, numbered clause or list item, or the line before it is a heading.
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
        var result: [TextSpan] = []
        result.reserveCapacity(n / 80)
        var previous = -1
        for cut in cuts {
            if previous >= 0 && cut > previous {
                segment(scalars, from: previous, to: cut, into: &result)
            }
            previous = cut
        }
        return UnitBounds.bounded(result, in: scalars)
    }

    // MARK: - One region

    static func segment(_ s: [Unicode.Scalar], from lower: Int, to upper: Int, into out: inout [TextSpan]) {
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
                // Blank line (or a page/paragraph separator): always a break.
                var j = i + 1
                var blank = c == "\u{0C}" || c == "\u{2029}"
                while j < upper {
                    let d = s[j]
                    if isLineBreak(d, s, j, upper) {
                        blank = true
                        j += 1
                        continue
                    }
                    if isHorizontalSpace(d) || d == "\r" {
                        j += 1
                        continue
                    }
                    break
                }
                if blank || j >= upper {
                    emit()
                } else if start >= 0 && softBreak(s, lineStart: lineStart, lineEnd: i, next: j, upper: upper) {
                    emit()
                }
                lineStart = j
                i = j
                continue
            }
            if isHorizontalSpace(c) {
                // A wide gap of spaces (4 or more, or a tab between words) acts like a single newline.
                var j = i + 1
                while j < upper && isHorizontalSpace(s[j]) { j += 1 }
                let wide = (j - i >= 4) || c == "\t"
                if wide && j < upper && !isLineBreak(s[j], s, j, upper) {
                    if start >= 0 && softBreak(s, lineStart: lineStart, lineEnd: i, next: j, upper: upper) {
                        emit()
                    }
                    lineStart = j
                }
                i = j
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
            if c == "." || c == "!" || c == "?" || c == "…" || c == "。" {
                // Consume the run of terminal punctuation and any closers after it.
                var j = i + 1
                while j < upper && (s[j] == "." || s[j] == "!" || s[j] == "?" || s[j] == "…") { j += 1 }
                while j < upper && isCloser(s[j]) { j += 1 }
                if j >= upper || isWhitespace(s[j]) {
                    if isSentenceEnd(s, punct: i, after: j, sentenceStart: start, upper: upper) {
                        lastContent = j - 1
                        emit()
                        i = j
                        continue
                    }
                }
                lastContent = j - 1
                i = j
                continue
            }
            i += 1
        }
        emit()
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

/// Shapes of a line's start that the segmenter and the plain-text structure reader share.
public enum LineShape {
    public enum MarkerKind: Sendable, Equatable {
        /// "12.3", "1.", "(b)", "iv.", "a)".
        case clause
        /// "-", "*", "•".
        case bullet
        /// "ARTICLE 5", "Section 3.", "Schedule 2".
        case heading
    }

    public struct Marker: Sendable, Equatable {
        public var kind: MarkerKind
        /// The number as written ("12.3", "(b)", "iv"); nil for bullets.
        public var number: String?
        /// Index just after the marker itself (before the whitespace that follows it).
        public var markerEnd: Int
        /// Depth of a decimal number ("12.3" → 2), 1 otherwise.
        public var depth: Int
    }

    public static let maxHeadingLength = 100

    /// A clause number, list bullet or heading keyword at `p`, followed by whitespace (or the end).
    public static func marker(in s: [Unicode.Scalar], at p: Int, limit: Int) -> Marker? {
        guard p < limit else { return nil }
        let c = s[p]
        func spaceAt(_ i: Int) -> Bool { i >= limit || SentenceSegmenter.isWhitespace(s[i]) }
        // Bullets.
        switch c {
        case "-", "*", "•", "‣", "◦", "▪", "·", "–", "—", "+", "●", "○", "■", "□", "➢", "►":
            if p + 1 < limit && (s[p + 1] == " " || s[p + 1] == "\t" || s[p + 1] == "\u{A0}") {
                return Marker(kind: .bullet, number: nil, markerEnd: p + 1, depth: 1)
            }
            return nil
        default: break
        }
        // Decimal numbers: "1.", "1.1", "12.3.4", "2)".
        if SentenceSegmenter.isDigit(c) {
            var i = p
            var groups = 0
            var text = ""
            while true {
                let g = i
                while i < limit && SentenceSegmenter.isDigit(s[i]) && i - g < 4 { i += 1 }
                if i == g || i - g > 3 { return nil }
                if i < limit && SentenceSegmenter.isDigit(s[i]) { return nil }
                groups += 1
                for k in g..<i { text.unicodeScalars.append(s[k]) }
                if i < limit && s[i] == "." && i + 1 < limit && SentenceSegmenter.isDigit(s[i + 1]) {
                    text.unicodeScalars.append(".")
                    i += 1
                    continue
                }
                break
            }
            if i < limit && (s[i] == "." || s[i] == ")") {
                if spaceAt(i + 1) { return Marker(kind: .clause, number: text, markerEnd: i + 1, depth: groups) }
                return nil
            }
            // "12.3 The Supplier": a bare multi-level number needs a capital or an opening mark after it.
            if groups >= 2 && i < limit && (s[i] == " " || s[i] == "\t") {
                var k = i
                while k < limit && (s[k] == " " || s[k] == "\t") { k += 1 }
                if k < limit && (SentenceSegmenter.isUpper(s[k]) || s[k] == "(" || s[k] == "\"" || s[k] == "“") {
                    return Marker(kind: .clause, number: text, markerEnd: i, depth: groups)
                }
            }
            return nil
        }
        // "(b)", "(iv)", "(12)".
        if c == "(" {
            var i = p + 1
            while i < limit && i - p <= 6 && isAlnumASCII(s[i]) { i += 1 }
            guard i < limit, i > p + 1, s[i] == ")", spaceAt(i + 1) else { return nil }
            let inner = String(String.UnicodeScalarView(s[(p + 1)..<i]))
            guard isListLabel(inner) else { return nil }
            return Marker(kind: .clause, number: "(" + inner + ")", markerEnd: i + 1, depth: 1)
        }
        // "a)", "b.", "iv.", "IV." — a letter or roman numeral with a period or parenthesis.
        if isAlnumASCII(c) {
            var i = p
            while i < limit && i - p <= 5 && isAlphaASCII(s[i]) { i += 1 }
            if i > p && i < limit && (s[i] == "." || s[i] == ")") && spaceAt(i + 1) {
                let label = String(String.UnicodeScalarView(s[p..<i]))
                if label.count == 1 || isRoman(label) {
                    // A single capital with a period followed by a capitalised word may be an initial
                    // ("J. Smith"); accept it only before a capital word that is not a name-like single word.
                    return Marker(kind: .clause, number: label, markerEnd: i + 1, depth: 1)
                }
            }
        }
        // "ARTICLE 5", "Section 3.", "Schedule 2", "§ 4".
        if c == "§" {
            var i = p + 1
            while i < limit && s[i] == " " { i += 1 }
            if i < limit && SentenceSegmenter.isDigit(s[i]) {
                var j = i
                while j < limit
                    && (SentenceSegmenter.isDigit(s[j])
                        || (s[j] == "." && j + 1 < limit && SentenceSegmenter.isDigit(s[j + 1])))
                { j += 1 }
                return Marker(
                    kind: .heading,
                    number: String(String.UnicodeScalarView(s[i..<j])),
                    markerEnd: j,
                    depth: 1
                )
            }
            return nil
        }
        if c == "A" || c == "S" || c == "P" || c == "C" || c == "E" {  // the initials of `headingKeywords`
            var i = p
            while i < limit && i - p < 12 && isAlphaASCII(s[i]) { i += 1 }
            let word = String(String.UnicodeScalarView(s[p..<i])).lowercased()
            guard headingKeywords.contains(word), i < limit, s[i] == " " else { return nil }
            var j = i
            while j < limit && s[j] == " " { j += 1 }
            let numberStart = j
            while j < limit && j - numberStart < 10
                && (isAlnumASCII(s[j]) || (s[j] == "." && j + 1 < limit && isAlnumASCII(s[j + 1])))
            { j += 1 }
            guard j > numberStart else { return nil }
            let number = String(String.UnicodeScalarView(s[numberStart..<j]))
            guard
                number.unicodeScalars.first.map(SentenceSegmenter.isDigit) == true || isRoman(number)
                    || (number.count == 1 && number.unicodeScalars.first.map(SentenceSegmenter.isUpper) == true)
            else { return nil }
            var end = j
            if end < limit && (s[end] == "." || s[end] == ":") { end += 1 }
            guard spaceAt(end) || (end < limit && (s[end] == "-" || s[end] == "–" || s[end] == "—")) else { return nil }
            return Marker(
                kind: .heading,
                number: number,
                markerEnd: end,
                depth: word == "article" || word == "part" || word == "chapter" ? 1 : 2
            )
        }
        return nil
    }

    static let headingKeywords: Set<String> = [
        "article", "section", "schedule", "annex", "appendix", "exhibit", "part", "chapter", "clause", "attachment",
        "addendum",
    ]

    /// Is the trimmed range `from..<to` a heading: a short line in capitals ("DATA PROTECTION"), a
    /// keyword heading ("ARTICLE 5", "Section 3. Governing Law") or a short numbered title
    /// ("1. DEFINITIONS", "12.3 Term")?
    public static func isHeadingLike(_ s: [Unicode.Scalar], from a: Int, to b: Int) -> Bool {
        guard b > a, b - a <= maxHeadingLength else { return false }
        let last = s[b - 1]
        if last == "," || last == ";" || last == "-" || last == "(" { return false }
        var bodyStart = a
        var keyword = false
        var numbered = false
        if let m = marker(in: s, at: a, limit: b) {
            switch m.kind {
            case .bullet: return false
            case .heading: keyword = true
            case .clause: numbered = true
            }
            bodyStart = m.markerEnd
            while bodyStart < b && SentenceSegmenter.isWhitespace(s[bodyStart]) { bodyStart += 1 }
            if keyword && bodyStart < b && (s[bodyStart] == "-" || s[bodyStart] == "–" || s[bodyStart] == "—") {
                bodyStart += 1
                while bodyStart < b && SentenceSegmenter.isWhitespace(s[bodyStart]) { bodyStart += 1 }
            }
            if bodyStart >= b { return keyword }
        }
        // Count words and letters of the body.
        var upper = 0
        var lower = 0
        var words = 0
        var inWord = false
        var longLowerWord = false
        var wordStart = bodyStart
        var wordFirstLower = false
        var internalStop = false
        var k = bodyStart
        while k < b {
            let c = s[k]
            let letter = c.properties.isAlphabetic
            if letter {
                if !inWord {
                    inWord = true
                    words += 1
                    wordStart = k
                    wordFirstLower = SentenceSegmenter.isLower(c)
                }
                if SentenceSegmenter.isUpper(c) { upper += 1 } else if SentenceSegmenter.isLower(c) { lower += 1 }
            } else if c == "'" || c == "’" || c == "-" {
                // inside a word
            } else {
                if inWord {
                    if wordFirstLower && k - wordStart >= 4
                        && !titleStopWords.contains(String(String.UnicodeScalarView(s[wordStart..<k])))
                    {
                        longLowerWord = true
                    }
                    inWord = false
                }
                if (c == "." || c == "?" || c == "!") && k + 1 < b && SentenceSegmenter.isWhitespace(s[k + 1]) {
                    internalStop = true
                }
            }
            k += 1
        }
        if inWord && wordFirstLower && b - wordStart >= 4
            && !titleStopWords.contains(String(String.UnicodeScalarView(s[wordStart..<b])))
        {
            longLowerWord = true
        }
        if words == 0 { return keyword }
        if internalStop { return false }
        if words > 12 { return false }
        // All capitals, not cut off in the middle of a phrase ("… WITHOUT WARRANTY OF").
        if lower == 0 && upper >= 2 {
            var w = b
            while w > bodyStart && !s[w - 1].properties.isAlphabetic { w -= 1 }
            var v = w
            while v > bodyStart && s[v - 1].properties.isAlphabetic { v -= 1 }
            let lastWord = String(String.UnicodeScalarView(s[v..<w])).lowercased()
            return !connectorWords.contains(lastWord)
        }
        // Keyword or numbered heading in title case: "Section 3. Governing Law", "12.3 Term of Agreement".
        if numbered, let first = s[a..<b].first, !SentenceSegmenter.isDigit(first) { return false }
        if (keyword || numbered) && !longLowerWord && words <= 8 {
            let end = s[b - 1]
            return end != "." || (keyword || words <= 6)
        }
        return false
    }

    static let connectorWords: Set<String> = [
        "and", "or", "nor", "of", "the", "to", "in", "a", "an", "any", "for", "by", "with", "on", "as", "at", "from",
        "that", "which", "is", "are", "be", "not", "its", "such", "all", "this", "into", "under",
    ]

    static let titleStopWords: Set<String> = [
        "with", "from", "into", "upon", "under", "over", "than", "that", "this", "such", "their", "other", "between",
        "within", "without", "through", "against", "regarding", "concerning",
    ]

    public static func isAlphaASCII(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    public static func isAlnumASCII(_ c: Unicode.Scalar) -> Bool { isAlphaASCII(c) || SentenceSegmenter.isDigit(c) }

    static func isListLabel(_ label: String) -> Bool {
        if label.allSatisfy({ $0.isASCII && $0.isNumber }) { return label.count <= 3 }
        if label.count == 1 { return label.allSatisfy { $0.isASCII && $0.isLetter } }
        if label.count == 2, let f = label.first, label.allSatisfy({ $0 == f }) { return true }  // "aa"
        return isRoman(label)
    }

    static func isRoman(_ label: String) -> Bool {
        guard !label.isEmpty, label.count <= 6 else { return false }
        let lower = label.lowercased()
        guard lower == label || label.uppercased() == label else { return false }
        return romanNumerals.contains(lower)
    }

    static let romanNumerals: Set<String> = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
        "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv",
    ]
}
