import FineprintCore
import Foundation

/// The kinds of change that alter how a clause looks but not what it says (docs/compare-and-diff.md).
public enum CosmeticKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// Clause or cross-reference numbers ("12.3" → "13.3", "see Section 4" → "see Section 5").
    case numbering
    /// Spaces, tabs, line breaks: how many and where.
    case whitespace
    /// Curly vs straight quotes, dashes, non-breaking and zero-width spaces, ellipses, soft hyphens.
    case typography
    /// Letter case.
    case letterCase = "case"
    /// Web addresses and e-mail addresses.
    case links
    /// Calendar dates ("27 May 2025", "2025-05-27", "May 2025").
    case dates

    public static func < (a: CosmeticKind, b: CosmeticKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Word-level normalisation that removes cosmetic differences. Works on Unicode scalars.
public enum Cosmetic {
    /// One word of a text: a run of non-whitespace scalars with its offsets.
    public struct Word: Sendable, Hashable {
        public var start: Int
        public var end: Int
        /// Typography folded and lower-cased: what a word diff compares.
        public var key: String
    }

    /// Typography folding of one scalar: nil drops it (zero-width characters, soft hyphens).
    @inline(__always) static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return nil
        case 0x2022, 0x25CF, 0x25E6, 0x2043, 0x2219: return "*"
        default: return c
        }
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85: return true
        default: return c.value >= 0x80 && c.properties.isWhitespace
        }
    }

    /// Whitespace that is not a typographic variant: ASCII spaces and line breaks, line and paragraph separators.
    @inline(__always) static func isPlainSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The words of `scalars[lower..<upper]`, split on whitespace (including non-breaking spaces).
    public static func words(_ s: [Unicode.Scalar], from lower: Int, to upper: Int) -> [Word] {
        var result: [Word] = []
        var i = lower
        var key = UTF8Builder()
        while i < upper {
            while i < upper, isSpace(s[i]) || fold(s[i]) == " " { i += 1 }
            guard i < upper else { break }
            let start = i
            key.removeAll()
            while i < upper, !isSpace(s[i]), fold(s[i]) != " " {
                if let f = fold(s[i]) {
                    if f.isASCII {
                        let v = f.value
                        key.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : f)
                    } else if f == "\u{2026}" {
                        // "..." and "…" compare equal.
                        key.appendASCII("...")
                    } else {
                        for c in f.properties.lowercaseMapping.unicodeScalars { key.append(c) }
                    }
                }
                i += 1
            }
            result.append(Word(start: start, end: i, key: key.string))
        }
        return result
    }

    /// The text of `scalars[lower..<upper]` with every cosmetic kind in `ignoring` normalised away.
    /// With all kinds ignored, two texts that differ only cosmetically give the same string.
    public static func normalize(
        _ s: [Unicode.Scalar],
        from lower: Int,
        to upper: Int,
        ignoring: Set<CosmeticKind> = Set(CosmeticKind.allCases)
    ) -> String {
        var (pieces, hasDigit) = rawPieces(s, from: lower, to: upper, ignoring: ignoring)
        if ignoring.contains(.links) {
            for p in pieces.indices where isLink(pieces[p].text) { pieces[p].text = linkPlaceholder(pieces[p].text) }
        }
        if ignoring.contains(.numbering) && hasDigit {
            for p in pieces.indices.dropFirst()
            where isReferenceNumber(pieces[p].text)
                && referenceWords.contains(bare(pieces[p - 1].text).lowercased())
            {
                pieces[p].text = "<n>" + trailingPunctuation(pieces[p].text)
            }
        }
        // Every date has a digit (a day or a year).
        if ignoring.contains(.dates) && hasDigit { replaceDates(&pieces) }
        var out = ""
        for (n, p) in pieces.enumerated() {
            if n > 0 { out += ignoring.contains(.whitespace) ? " " : p.space }
            out += p.text
        }
        return out
    }

    /// A raw word of a text being normalised (typography and case kept unless ignored) with the
    /// whitespace before it.
    private struct Piece {
        var text: String
        var space: String
    }

    /// The words of `s[lower..<upper]` with the whitespace before each, typography and case folded
    /// when ignored, and whether any word has a digit.
    private static func rawPieces(
        _ s: [Unicode.Scalar],
        from lower: Int,
        to upper: Int,
        ignoring: Set<CosmeticKind>
    ) -> (pieces: [Piece], hasDigit: Bool) {
        var pieces: [Piece] = []
        var i = lower
        var hasDigit = false
        let foldTypography = ignoring.contains(.typography)
        while i < upper {
            var space = UTF8Builder()
            while i < upper, isPlainSpace(s[i]) || (foldTypography && (isSpace(s[i]) || fold(s[i]) == " ")) {
                // A non-breaking space is a typographic variant of a space, not a whitespace change.
                if foldTypography { if let f = fold(s[i]) { space.append(f) } } else { space.append(s[i]) }
                i += 1
            }
            guard i < upper else { break }
            var word = UTF8Builder()
            while i < upper, !isPlainSpace(s[i]), !(foldTypography && (isSpace(s[i]) || fold(s[i]) == " ")) {
                if s[i].value >= 0x30 && s[i].value <= 0x39 { hasDigit = true }
                if foldTypography {
                    if let f = fold(s[i]) {
                        if f == "\u{2026}" { word.appendASCII("...") } else { word.append(f) }
                    }
                } else {
                    word.append(s[i])
                }
                i += 1
            }
            var text = word.string
            if ignoring.contains(.letterCase) { text = word.isASCII ? word.lowercasedASCII : text.lowercased() }
            pieces.append(Piece(text: text, space: space.string))
        }
        return (pieces, hasDigit)
    }

    /// Replaces each run of words that makes a date with one `<date>` piece.
    private static func replaceDates(_ pieces: inout [Piece]) {
        let texts = pieces.map { core($0.text) }
        var kept: [Piece] = []
        kept.reserveCapacity(pieces.count)
        var p = 0
        while p < pieces.count {
            if let length = dateLength(texts, at: p) {
                kept.append(
                    Piece(text: "<date>" + trailingPunctuation(pieces[p + length - 1].text), space: pieces[p].space)
                )
                p += length
            } else {
                kept.append(pieces[p])
                p += 1
            }
        }
        pieces = kept
    }

    /// Which cosmetic kinds explain the difference between two texts, or nil when the difference
    /// is more than cosmetic. An empty result means the texts are identical.
    public static func kinds(
        _ a: [Unicode.Scalar],
        _ ar: Range<Int>,
        _ b: [Unicode.Scalar],
        _ br: Range<Int>
    )
        -> [CosmeticKind]?
    {
        if a[ar].elementsEqual(b[br]) { return [] }
        let all = Set(CosmeticKind.allCases)
        guard
            normalize(a, from: ar.lowerBound, to: ar.upperBound, ignoring: all)
                == normalize(b, from: br.lowerBound, to: br.upperBound, ignoring: all)
        else { return nil }
        var needed: [CosmeticKind] = []
        for kind in CosmeticKind.allCases {
            var rest = all
            rest.remove(kind)
            if normalize(a, from: ar.lowerBound, to: ar.upperBound, ignoring: rest)
                != normalize(b, from: br.lowerBound, to: br.upperBound, ignoring: rest)
            {
                needed.append(kind)
            }
        }
        // Overlapping kinds (a date inside a link) can each explain a change alone: name them all.
        if needed.isEmpty {
            for kind in CosmeticKind.allCases
            where normalize(a, from: ar.lowerBound, to: ar.upperBound, ignoring: [kind])
                != normalize(b, from: br.lowerBound, to: br.upperBound, ignoring: [kind])
            {
                needed.append(kind)
            }
            if needed.isEmpty { needed = [.whitespace] }
        }
        return needed
    }

    // MARK: links

    static func isLink(_ word: String) -> Bool {
        guard word.utf8.contains(where: { $0 == 0x3A || $0 == 0x40 || $0 == 0x2E }) else { return false }  // : @ .
        let w = word.lowercased()
        if w.contains("://") || w.hasPrefix("www.") || w.hasPrefix("(www.") || w.hasPrefix("<www.")
            || w.contains("mailto:")
        {
            return true
        }
        // name@domain.tld
        if let at = w.firstIndex(of: "@"), at != w.startIndex, w[w.index(after: at)...].contains(".") {
            return w[w.index(after: at)...].contains { $0.isLetter }
        }
        return false
    }

    static func linkPlaceholder(_ word: String) -> String {
        // Keep the text of a Markdown link "[text](url)" and punctuation around the address.
        if let close = word.range(of: "]("), word.hasPrefix("[") {
            return String(word[word.index(after: word.startIndex)..<close.lowerBound]) + " <link>"
        }
        return "<link>" + trailingPunctuation(word)
    }

    // MARK: numbering

    static let referenceWords: Set<String> = [
        "section", "sections", "clause", "clauses", "article", "articles", "paragraph", "paragraphs",
        "schedule", "annex", "appendix", "exhibit", "§", "§§", "sec", "art", "para",
    ]

    static func bare(_ word: String) -> String {
        String(word.unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "§" }.map(Character.init))
    }

    /// "12", "12.3", "4(b)", "(c)", "12.3.1." with punctuation around.
    static func isReferenceNumber(_ word: String) -> Bool {
        guard let lead = word.utf8.first, (lead >= 0x30 && lead <= 0x39) || lead == 0x28 else { return false }
        let core = word.trimmingCharacters(in: referencePunctuation)
        guard let first = core.unicodeScalars.first, first.properties.numericType != nil, core.count <= 12 else {
            return false
        }
        for c in core.unicodeScalars {
            if c.properties.numericType != nil || c == "." || c == "(" || c == ")" { continue }
            if c.isASCII && c.properties.isLowercase { continue }
            return false
        }
        return true
    }

    static let referencePunctuation = CharacterSet(charactersIn: ",.;:)(")

    static func trailingPunctuation(_ word: String) -> String {
        var tail = ""
        for c in word.reversed() {
            guard ",.;:)".contains(c) else { break }
            tail.insert(c, at: tail.startIndex)
        }
        return tail
    }

    // MARK: dates

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    static let coreStrip = Set(",.;:()[]{}\"'*_!?<>`".unicodeScalars)

    /// The word without surrounding punctuation, ASCII lower-cased.
    static func core(_ word: String) -> String {
        let u = word.unicodeScalars
        var a = u.startIndex
        var b = u.endIndex
        func strip(_ c: Unicode.Scalar) -> Bool { c.isASCII && coreStrip.contains(c) }
        while a < b, strip(u[a]) { a = u.index(after: a) }
        while b > a, strip(u[u.index(before: b)]) { b = u.index(before: b) }
        var out = UTF8Builder()
        for c in u[a..<b] {
            out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 32)! : c)
        }
        return out.string
    }

    static func isYear(_ w: String) -> Bool {
        w.count == 4 && w.allSatisfy(\.isASCII) && w.allSatisfy(\.isNumber) && (w.hasPrefix("19") || w.hasPrefix("20"))
    }

    static func isDay(_ w: String) -> Bool {
        guard let f = w.utf8.first, f >= 0x30 && f <= 0x39, w.utf8.count <= 4 else { return false }
        var digits = w
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
        guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(digits)
        else { return false }
        return v >= 1 && v <= 31
    }

    /// "2025-05-27", "27/05/2025", "27.05.25", "2025-05-27T10:30:00Z".
    static func isNumericDate(_ w: String) -> Bool {
        guard let f = w.utf8.first, f >= 0x30 && f <= 0x39 else { return false }
        let parts = w.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        var last = parts[2]
        if let t = last.firstIndex(of: "t") { last = String(last[..<t]) }
        let nums = [parts[0], parts[1], last]
        guard nums.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } && !$0.isEmpty }) else { return false }
        if nums[0].count == 4 { return nums[1].count <= 2 && nums[2].count <= 2 }
        return nums[0].count <= 2 && nums[1].count <= 2 && (nums[2].count == 4 || nums[2].count == 2)
    }

    /// How many words from `p` form a date, if any. `words` are already trimmed and lower-cased (`core`).
    static func dateLength(_ words: [String], at p: Int) -> Int? {
        let w0 = words[p]
        guard !w0.isEmpty, w0.utf8.count <= 24 else { return nil }
        if isNumericDate(w0) { return 1 }
        func word(_ k: Int) -> String? { k < words.count ? words[k] : nil }
        // "27 May 2025", "27 May", "27th of May 2025"
        if isDay(w0) {
            var k = p + 1
            if word(k) == "of" { k += 1 }
            if let m = word(k), months[m] != nil {
                if let y = word(k + 1), isYear(y) { return k + 2 - p }
                return m == "may" ? nil : k + 1 - p
            }
            return nil
        }
        // "May 27, 2025", "May 2025", "May 27"
        if months[w0] != nil {
            if let d = word(p + 1), isDay(d) {
                if let y = word(p + 2), isYear(y) { return 3 }
                return w0 == "may" ? nil : 2
            }
            if let y = word(p + 1), isYear(y) { return 2 }
        }
        return nil
    }
}
