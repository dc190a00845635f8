import FineprintText

/// One pass of `MarkdownExtractor.Inline.strip` over a line: each markup construct at the cursor is consumed by
/// its own step; anything else is copied as text.
struct InlineStripper {
    typealias Inline = MarkdownExtractor.Inline

    private let s: [Unicode.Scalar]
    private let n: Int
    private let depth: Int
    private var out = String.UnicodeScalarView()
    private var i = 0

    init(_ text: String, depth: Int) {
        s = Array(text.unicodeScalars)
        n = s.count
        self.depth = depth
        out.reserveCapacity(s.count)
    }

    mutating func run() -> String {
        while i < n {
            let c = s[i]
            if !consumeMarkup(c) {
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    /// Consumes the markup that starts at the cursor; false when `c` is text there.
    private mutating func consumeMarkup(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\\": escape()
        case "`": codeSpan()
        case "!": image()
        case "[": linkText()
        case "<": autolinkOrTag()
        case "&": entity()
        case "*", "_", "~": emphasis(c)
        default: false
        }
    }

    /// A backslash before an ASCII symbol: the symbol.
    private mutating func escape() -> Bool {
        guard i + 1 < n else { return false }
        let escaped: Unicode.Scalar = s[i + 1]
        guard Inline.isASCIISymbol(escaped) else { return false }
        out.append(escaped)
        i += 2
        return true
    }

    /// A code span: its text (one space of padding on both sides dropped); an unclosed run of backticks as text.
    private mutating func codeSpan() -> Bool {
        var run = 0
        while i + run < n && s[i + run] == "`" { run += 1 }
        if let close = Inline.findRun("`", length: run, in: s, from: i + run) {
            var inner = Array(s[(i + run)..<close])
            if inner.count >= 2 && inner.first == " " && inner.last == " " {
                inner = Array(inner[1..<(inner.count - 1)])
            }
            out.append(contentsOf: inner)
            i = close + run
            return true
        }
        out.append(contentsOf: s[i..<(i + run)])
        i += run
        return true
    }

    /// Images are dropped.
    private mutating func image() -> Bool {
        guard i + 1 < n, s[i + 1] == "[", let (_, _, end) = Inline.link(in: s, at: i + 1) else { return false }
        i = end
        return true
    }

    /// A link: its label, itself stripped.
    private mutating func linkText() -> Bool {
        guard depth < 4, let (label, isLink, end) = Inline.link(in: s, at: i), isLink else { return false }
        out.append(
            contentsOf: Inline.strip(String(String.UnicodeScalarView(label)), depth: depth + 1).unicodeScalars
        )
        i = end
        return true
    }

    /// An autolink (its address) or an HTML tag (dropped).
    private mutating func autolinkOrTag() -> Bool {
        guard let close = s[(i + 1)..<min(n, i + 2000)].firstIndex(of: ">") else { return false }
        let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
        if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
            out.append(contentsOf: (inner.hasPrefix("mailto:") ? String(inner.dropFirst(7)) : inner).unicodeScalars)
            i = close + 1
            return true
        }
        if let f = inner.unicodeScalars.first, LineShape.isAlphaASCII(f) || f == "/" || f == "!" {
            i = close + 1
            return true
        }
        return false
    }

    /// A character reference, decoded.
    private mutating func entity() -> Bool {
        guard let (decoded, next) = HTMLEntities.decode(s, at: i, limit: n) else { return false }
        out.append(contentsOf: decoded.unicodeScalars)
        i = next
        return true
    }

    /// A run of emphasis marks, dropped, unless it is text: a lone mark between spaces, a single "~", or "_"
    /// inside a word (snake_case).
    private mutating func emphasis(_ c: Unicode.Scalar) -> Bool {
        var run = 0
        while i + run < n && s[i + run] == c { run += 1 }
        if c == "~" && run < 2 { return false }
        let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
        let after: Unicode.Scalar? = i + run < n ? s[i + run] : nil
        let spaceBefore = before.map { SentenceSegmenter.isWhitespace($0) } ?? true
        let spaceAfter = after.map { SentenceSegmenter.isWhitespace($0) } ?? true
        if spaceBefore && spaceAfter { return false }
        if c == "_" {
            let alnumBefore = before.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
            let alnumAfter = after.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
            if alnumBefore && alnumAfter { return false }
        }
        i += run
        return true
    }
}
