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
        if bullets.contains(c) { return bulletMarker(s, at: p, limit: limit) }
        if SentenceSegmenter.isDigit(c) { return decimalMarker(s, at: p, limit: limit) }
        if c == "(" { return parenthesisedMarker(s, at: p, limit: limit) }
        if isAlnumASCII(c), let letter = letterMarker(s, at: p, limit: limit) { return letter }
        if c == "§" { return sectionSignMarker(s, at: p, limit: limit) }
        // The initials of `headingKeywords`.
        if c == "A" || c == "S" || c == "P" || c == "C" || c == "E" { return keywordMarker(s, at: p, limit: limit) }
        return nil
    }

    static let bullets: Set<Unicode.Scalar> = [
        "-", "*", "•", "‣", "◦", "▪", "·", "–", "—", "+", "●", "○", "■", "□", "➢", "►",
    ]

    private static func isSpace(_ s: [Unicode.Scalar], _ i: Int, limit: Int) -> Bool {
        i >= limit || SentenceSegmenter.isWhitespace(s[i])
    }

    /// "-", "•" … followed by a space.
    private static func bulletMarker(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Marker? {
        guard p + 1 < limit, s[p + 1] == " " || s[p + 1] == "\t" || s[p + 1] == "\u{A0}" else { return nil }
        return Marker(kind: .bullet, number: nil, markerEnd: p + 1, depth: 1)
    }

    /// Decimal numbers: "1.", "1.1", "12.3.4", "2)"; a bare multi-level number ("12.3 The Supplier")
    /// needs a capital or an opening mark after it.
    private static func decimalMarker(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Marker? {
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
            guard i < limit && s[i] == "." && i + 1 < limit && SentenceSegmenter.isDigit(s[i + 1]) else { break }
            text.unicodeScalars.append(".")
            i += 1
        }
        if i < limit && (s[i] == "." || s[i] == ")") {
            guard isSpace(s, i + 1, limit: limit) else { return nil }
            return Marker(kind: .clause, number: text, markerEnd: i + 1, depth: groups)
        }
        guard groups >= 2 && i < limit && (s[i] == " " || s[i] == "\t") else { return nil }
        var k = i
        while k < limit && (s[k] == " " || s[k] == "\t") { k += 1 }
        guard k < limit && (SentenceSegmenter.isUpper(s[k]) || s[k] == "(" || s[k] == "\"" || s[k] == "“") else {
            return nil
        }
        return Marker(kind: .clause, number: text, markerEnd: i, depth: groups)
    }

    /// "(b)", "(iv)", "(12)".
    private static func parenthesisedMarker(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Marker? {
        var i = p + 1
        while i < limit && i - p <= 6 && isAlnumASCII(s[i]) { i += 1 }
        guard i < limit, i > p + 1, s[i] == ")", isSpace(s, i + 1, limit: limit) else { return nil }
        let inner = String(String.UnicodeScalarView(s[(p + 1)..<i]))
        guard isListLabel(inner) else { return nil }
        return Marker(kind: .clause, number: "(" + inner + ")", markerEnd: i + 1, depth: 1)
    }

    /// "a)", "b.", "iv.", "IV." — a letter or roman numeral with a period or parenthesis.
    private static func letterMarker(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Marker? {
        var i = p
        while i < limit && i - p <= 5 && isAlphaASCII(s[i]) { i += 1 }
        guard i > p && i < limit && (s[i] == "." || s[i] == ")") && isSpace(s, i + 1, limit: limit) else {
            return nil
        }
        let label = String(String.UnicodeScalarView(s[p..<i]))
        guard label.count == 1 || isRoman(label) else { return nil }
        return Marker(kind: .clause, number: label, markerEnd: i + 1, depth: 1)
    }

    /// "§ 4", "§4.2".
    private static func sectionSignMarker(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Marker? {
        var i = p + 1
        while i < limit && s[i] == " " { i += 1 }
        guard i < limit && SentenceSegmenter.isDigit(s[i]) else { return nil }
        var j = i
        while j < limit
            && (SentenceSegmenter.isDigit(s[j])
                || (s[j] == "." && j + 1 < limit && SentenceSegmenter.isDigit(s[j + 1])))
        { j += 1 }
        return Marker(kind: .heading, number: String(String.UnicodeScalarView(s[i..<j])), markerEnd: j, depth: 1)
    }

    /// "ARTICLE 5", "Section 3.", "Schedule 2", "Part IV –".
    private static func keywordMarker(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Marker? {
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
        guard isSpace(s, end, limit: limit) || (end < limit && (s[end] == "-" || s[end] == "–" || s[end] == "—"))
        else { return nil }
        let depth = word == "article" || word == "part" || word == "chapter" ? 1 : 2
        return Marker(kind: .heading, number: number, markerEnd: end, depth: depth)
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
        guard let lead = headingLead(s, from: a, to: b) else { return false }
        if lead.bodyStart >= b { return lead.keyword }
        let body = BodyShape(s, from: lead.bodyStart, to: b)
        if body.words == 0 { return lead.keyword }
        if body.internalStop || body.words > 12 { return false }
        if body.lower == 0 && body.upper >= 2 {
            // All capitals, not cut off in the middle of a phrase ("… WITHOUT WARRANTY OF").
            return !connectorWords.contains(lastWord(s, from: lead.bodyStart, to: b))
        }
        // Keyword or numbered heading in title case: "Section 3. Governing Law", "12.3 Term of Agreement".
        if lead.numbered, let first = s[a..<b].first, !SentenceSegmenter.isDigit(first) { return false }
        guard (lead.keyword || lead.numbered) && !body.longLowerWord && body.words <= 8 else { return false }
        return s[b - 1] != "." || (lead.keyword || body.words <= 6)
    }

    /// The marker a heading may start with and where its words begin; nil for a bulleted line.
    private static func headingLead(
        _ s: [Unicode.Scalar],
        from a: Int,
        to b: Int
    ) -> (bodyStart: Int, keyword: Bool, numbered: Bool)? {
        guard let m = marker(in: s, at: a, limit: b) else { return (a, false, false) }
        if m.kind == .bullet { return nil }
        let keyword = m.kind == .heading
        var bodyStart = m.markerEnd
        while bodyStart < b && SentenceSegmenter.isWhitespace(s[bodyStart]) { bodyStart += 1 }
        if keyword && bodyStart < b && (s[bodyStart] == "-" || s[bodyStart] == "–" || s[bodyStart] == "—") {
            bodyStart += 1
            while bodyStart < b && SentenceSegmenter.isWhitespace(s[bodyStart]) { bodyStart += 1 }
        }
        return (bodyStart, keyword, m.kind == .clause)
    }

    /// The last word of the range, lower-cased.
    private static func lastWord(_ s: [Unicode.Scalar], from start: Int, to b: Int) -> String {
        var w = b
        while w > start && !s[w - 1].properties.isAlphabetic { w -= 1 }
        var v = w
        while v > start && s[v - 1].properties.isAlphabetic { v -= 1 }
        return String(String.UnicodeScalarView(s[v..<w])).lowercased()
    }

    /// The words of a would-be heading's body: how many, the case of their letters, whether a long
    /// lower-case word (not a title's small word) or a sentence stop occurs inside.
    struct BodyShape {
        var upper = 0
        var lower = 0
        var words = 0
        var longLowerWord = false
        var internalStop = false

        init(_ s: [Unicode.Scalar], from start: Int, to b: Int) {
            var inWord = false
            var wordStart = start
            var wordFirstLower = false
            for k in start..<b {
                let c = s[k]
                if c.properties.isAlphabetic {
                    if !inWord {
                        inWord = true
                        words += 1
                        wordStart = k
                        wordFirstLower = SentenceSegmenter.isLower(c)
                    }
                    if SentenceSegmenter.isUpper(c) { upper += 1 } else if SentenceSegmenter.isLower(c) { lower += 1 }
                } else if c != "'" && c != "’" && c != "-" {  // an apostrophe or hyphen stays inside a word
                    if inWord { noteWordEnd(s, wordStart, k, firstLower: wordFirstLower) }
                    inWord = false
                    if (c == "." || c == "?" || c == "!") && k + 1 < b && SentenceSegmenter.isWhitespace(s[k + 1]) {
                        internalStop = true
                    }
                }
            }
            if inWord { noteWordEnd(s, wordStart, b, firstLower: wordFirstLower) }
        }

        private mutating func noteWordEnd(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, firstLower: Bool) {
            if firstLower && end - start >= 4
                && !titleStopWords.contains(String(String.UnicodeScalarView(s[start..<end])))
            {
                longLowerWord = true
            }
        }
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
