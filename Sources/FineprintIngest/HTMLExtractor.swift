import FineprintCore
import FineprintText

/// Text and structure from HTML with a tolerant, linear-time tokenizer: block elements become
/// blocks, headings keep their level, list items their nesting; scripts, styles, the head,
/// navigation and templates are dropped; character references are decoded and whitespace is
/// collapsed within blocks. Malformed or hostile markup degrades to text, never to a crash.
enum HTMLExtractor {
    static func extract(_ html: String) -> (text: String, blocks: [TextBlock]) {
        var parser = Parser(Array(html.unicodeScalars))
        parser.run()
        return (parser.builder.text, parser.builder.blocks)
    }

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend", "main",
        "menu",
        "p", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "caption", "ul", "ol", "li", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "title",
    ]
    /// Elements whose content is not text at all: skipped up to their closing tag, unparsed.
    static let rawTextTags: Set<String> = [
        "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "title",
    ]
    /// Elements whose content is parsed but dropped.
    static let skippedTags: Set<String> = [
        "head", "nav", "template", "noscript", "svg", "math", "select", "button", "object",
    ]
    static let voidTags: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    struct Parser {
        let s: [Unicode.Scalar]
        let n: Int
        var builder = TextBuilder()
        var buffer = String.UnicodeScalarView()
        var pendingSpace = false
        var headingLevel: Int?
        var listStack: [Int?] = []  // nil for <ul>, the running count for <ol>
        var listItemDepth = 0
        var listNumber: String?
        var preDepth = 0
        var skipDepth = 0
        var bufferKind: (BlockKind, Int?, String?) = (.paragraph, nil, nil)
        /// A bold run that opened the block: whether it is still open, and the buffer's length when it closed (the
        /// clause's own title, "<strong>Termination.</strong> We may…", when it passes `BoldLead`'s checks).
        var boldOpensBlock = false
        var boldLeadLength: Int?
        /// Positions from which a quote character is known not to occur again.
        var quoteExhausted: [Unicode.Scalar: Int] = [:]

        init(_ s: [Unicode.Scalar]) {
            self.s = s
            self.n = s.count
        }

        mutating func run() {
            var i = 0
            while i < n {
                let c = s[i]
                if c == "<" {
                    i = tag(at: i)
                    continue
                }
                if skipDepth > 0 {
                    i += 1
                    continue
                }
                if c == "&", let (decoded, next) = HTMLEntities.decode(s, at: i, limit: n) {
                    for d in decoded.unicodeScalars { appendText(d) }
                    i = next
                    continue
                }
                appendText(c)
                i += 1
            }
            flush()
        }

        mutating func appendText(_ c: Unicode.Scalar) {
            if preDepth == 0 && (SentenceSegmenter.isWhitespace(c) || c == "\u{A0}") {
                if !buffer.isEmpty { pendingSpace = true }
                return
            }
            if InvisibleCharacters.contains(c) { return }
            if buffer.isEmpty {
                if let level = headingLevel {
                    bufferKind = (.heading, level, nil)
                } else if listItemDepth > 0 {
                    bufferKind = (.listItem, max(1, listStack.count), listNumber)
                } else {
                    bufferKind = (.paragraph, nil, nil)
                }
                if preDepth > 0 && SentenceSegmenter.isWhitespace(c) && c != "\n" && c != "\t" && c != " " { return }
            }
            if pendingSpace {
                buffer.append(" ")
                pendingSpace = false
            }
            buffer.append(c)
        }

        mutating func flush() {
            defer {
                boldOpensBlock = false
                boldLeadLength = nil
            }
            pendingSpace = false
            guard !buffer.isEmpty else { return }
            let (kind, level, number) = bufferKind
            let text = Array(buffer)
            let title = boldLeadLength.flatMap {
                MarkdownExtractor.BoldLead.titleEnd(inner: Array(text[0..<$0]), in: text, after: $0)
            }
            builder.addBlock(String(buffer), kind: kind, level: level, number: number, titleLength: title)
            buffer.removeAll(keepingCapacity: true)
        }

        /// Handles the markup starting at `s[p] == "<"`; returns the index after it.
        mutating func tag(at p: Int) -> Int {
            let i = p + 1
            guard i < n else {
                appendLiteral(p)
                return n
            }
            let c = s[i]
            if c == "!" || c == "?" { return declaration(at: i) }
            let closing = c == "/"
            let nameStart = closing ? i + 1 : i
            guard nameStart < n, LineShape.isAlphaASCII(s[nameStart]) else {
                if closing { return (findScalar(">", from: i) ?? (n - 1)) + 1 }  // "</ >" and the like: dropped
                appendLiteral(p)
                return p + 1
            }
            var j = nameStart
            var name = ""
            while j < n && (LineShape.isAlnumASCII(s[j]) || s[j] == "-" || s[j] == ":") {
                if name.unicodeScalars.count < 32 { name.unicodeScalars.append(SentenceSegmenter.lowerASCII(s[j])) }
                j += 1
            }
            let (end, selfClosing) = tagEnd(from: j, closing: closing)
            let after = min(n, end + 1)
            if closing {
                close(name)
            } else {
                open(name, selfClosing: selfClosing)
                if HTMLExtractor.rawTextTags.contains(name) && !selfClosing {
                    return skipRawText(name, from: after)
                }
            }
            return after
        }

        /// A comment, CDATA section, doctype or processing instruction starting at `s[i]` (after "<"):
        /// CDATA's text is kept, the rest dropped. Returns the index after it.
        mutating func declaration(at i: Int) -> Int {
            if matches("!--", at: i) {
                return find("-->", from: i + 3).map { $0 + 3 } ?? n
            }
            if matches("![CDATA[", at: i) {
                let end = find("]]>", from: i + 8) ?? n
                if skipDepth == 0 { for k in (i + 8)..<end { appendText(s[k]) } }
                return min(n, end + 3)
            }
            return (findScalar(">", from: i) ?? (n - 1)) + 1
        }

        /// The rest of a tag after its name: attributes, honouring quotes. Returns the index of its ">"
        /// (`n` when there is none) and whether it closes itself.
        mutating func tagEnd(from start: Int, closing: Bool) -> (end: Int, selfClosing: Bool) {
            var j = start
            var selfClosing = false
            while j < n {
                let d = s[j]
                if d == ">" { return (j, selfClosing) }
                if (d == "\"" || d == "'") && !closing {
                    if let q = findQuote(d, from: j + 1) {
                        j = q + 1
                        continue
                    }
                }
                selfClosing = d == "/"
                j += 1
            }
            return (n, selfClosing)
        }

        mutating func open(_ name: String, selfClosing: Bool) {
            if name == "body" { skipDepth = 0 }
            if HTMLExtractor.skippedTags.contains(name) {
                if !selfClosing {
                    flush()
                    skipDepth += 1
                }
                return
            }
            if skipDepth > 0 { return }
            if name == "br" {
                if preDepth > 0 || !buffer.isEmpty {
                    pendingSpace = false
                    buffer.append("\n")
                }
                return
            }
            if name == "td" || name == "th" {
                if !buffer.isEmpty {
                    pendingSpace = false
                    buffer.append("\t")
                }
                return
            }
            if name == "img" || name == "input" { return }
            if name == "strong" || name == "b" {
                if buffer.isEmpty, !selfClosing { boldOpensBlock = true }
                return
            }
            guard HTMLExtractor.blockTags.contains(name) else { return }
            flush()
            if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
                headingLevel = level
            } else if name == "ul" || name == "ol" || name == "menu" || name == "dir" {
                if listStack.count < 200 { listStack.append(name == "ol" ? 0 : nil) }
            } else if name == "li" {
                if !selfClosing { listItemDepth += 1 }
                if let last = listStack.last, let count = last {
                    listStack[listStack.count - 1] = count + 1
                    listNumber = String(count + 1)
                } else {
                    listNumber = nil
                }
            } else if name == "pre" && !selfClosing {
                preDepth += 1
            }
        }

        mutating func close(_ name: String) {
            if HTMLExtractor.skippedTags.contains(name) {
                if skipDepth > 0 { skipDepth -= 1 }
                return
            }
            if skipDepth > 0 { return }
            if name == "strong" || name == "b" {
                if boldOpensBlock, boldLeadLength == nil, !buffer.isEmpty { boldLeadLength = buffer.count }
                boldOpensBlock = false
                return
            }
            guard HTMLExtractor.blockTags.contains(name) || name == "br" else { return }
            flush()
            if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
                headingLevel = nil
            } else if name == "ul" || name == "ol" || name == "menu" || name == "dir" {
                if !listStack.isEmpty { listStack.removeLast() }
            } else if name == "li" {
                if listItemDepth > 0 { listItemDepth -= 1 }
            } else if name == "pre" {
                if preDepth > 0 { preDepth -= 1 }
            }
        }

        /// Skips a script/style body up to its closing tag (case-insensitive); returns the index after it.
        func skipRawText(_ name: String, from p: Int) -> Int {
            let target = Array(("</" + name).unicodeScalars)
            var k = p
            while k + target.count <= n {
                if s[k] == "<" && s[k + 1] == "/" {
                    var ok = true
                    for t in 2..<target.count where SentenceSegmenter.lowerASCII(s[k + t]) != target[t] {
                        ok = false
                        break
                    }
                    if ok {
                        return (findScalar(">", from: k) ?? (n - 1)) + 1
                    }
                }
                k += 1
            }
            return n
        }

        mutating func appendLiteral(_ p: Int) {
            if skipDepth == 0 { appendText(s[p]) }
        }

        func matches(_ literal: String, at p: Int) -> Bool {
            var k = p
            for u in literal.unicodeScalars {
                guard k < n, SentenceSegmenter.lowerASCII(s[k]) == SentenceSegmenter.lowerASCII(u) else { return false }
                k += 1
            }
            return true
        }

        func find(_ literal: String, from p: Int) -> Int? {
            let target = Array(literal.unicodeScalars)
            var k = p
            while k + target.count <= n {
                if s[k] == target[0] {
                    var ok = true
                    for t in 1..<target.count where s[k + t] != target[t] {
                        ok = false
                        break
                    }
                    if ok { return k }
                }
                k += 1
            }
            return nil
        }

        func findScalar(_ c: Unicode.Scalar, from p: Int) -> Int? {
            var k = p
            while k < n {
                if s[k] == c { return k }
                k += 1
            }
            return nil
        }

        /// The closing quote, remembering when there is none left so the search is never repeated.
        mutating func findQuote(_ q: Unicode.Scalar, from p: Int) -> Int? {
            if let exhausted = quoteExhausted[q], p >= exhausted { return nil }
            if let k = findScalar(q, from: p) { return k }
            quoteExhausted[q] = p
            return nil
        }
    }
}
