import FineprintCore
import FineprintText

/// Text and structure from Markdown: markup removed (heading marks, emphasis, link syntax, images,
/// table pipes, HTML tags), character references decoded, code kept as text; blocks from the
/// Markdown structure (headings with their level, list items, paragraphs, numbered clauses).
enum MarkdownExtractor {
    static func extract(_ markdown: String) -> (text: String, blocks: [TextBlock]) {
        var state = State()
        var lines: [Substring] = markdown.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        )
        if lines.last == "" { lines.removeLast() }
        for line in lines { state.feed(String(line)) }
        state.finish()
        return (state.builder.text, state.builder.blocks)
    }

    struct State {
        var builder = TextBuilder()
        var paragraph: [String] = []
        var kind: BlockKind = .paragraph
        var level: Int?
        var number: String?
        var fence: (marker: Character, length: Int)?
        var code: [String] = []

        mutating func flush() {
            if !paragraph.isEmpty {
                builder.addBlock(paragraph.joined(separator: "\n"), kind: kind, level: level, number: number)
            }
            paragraph = []
            kind = .paragraph
            level = nil
            number = nil
        }

        mutating func finish() {
            if fence != nil { builder.addBlock(code.joined(separator: "\n"), kind: .paragraph) }
            flush()
        }

        mutating func feed(_ raw: String) {
            // Inside a fenced code block: keep lines as they are.
            if let f = fence {
                let t = raw.drop(while: { $0 == " " })
                if t.hasPrefix(String(repeating: f.marker, count: f.length))
                    && t.allSatisfy({ $0 == f.marker || $0 == " " || $0 == "\t" })
                {
                    builder.addBlock(code.joined(separator: "\n"), kind: .paragraph)
                    code = []
                    fence = nil
                } else {
                    code.append(raw)
                }
                return
            }
            var line = raw
            // Blockquotes: drop the markers.
            while let q = line.drop(while: { $0 == " " }).first, q == ">" {
                line = String(line.drop(while: { $0 == " " }).dropFirst())
                if line.first == " " { line.removeFirst() }
            }
            let indentWidth = line.prefix(while: { $0 == " " || $0 == "\t" }).reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                flush()
                return
            }

            // Code fences.
            if let first = trimmed.first, first == "`" || first == "~" {
                let run = trimmed.prefix(while: { $0 == first }).count
                if run >= 3 && !(first == "`" && trimmed.dropFirst(run).contains("`")) {
                    flush()
                    fence = (first, run)
                    return
                }
            }
            // ATX headings.
            if trimmed.first == "#", indentWidth < 4 {
                let hashes = trimmed.prefix(while: { $0 == "#" }).count
                let rest = trimmed.dropFirst(hashes)
                if hashes <= 6 && (rest.isEmpty || rest.first == " " || rest.first == "\t") {
                    flush()
                    var title = String(rest).trimmingWhitespace()
                    while title.hasSuffix("#") { title.removeLast() }
                    builder.addBlock(Inline.strip(title.trimmingWhitespace()), kind: .heading, level: hashes)
                    return
                }
            }
            // Setext underlines and thematic breaks.
            if indentWidth < 4, let c = trimmed.first, c == "=" || c == "-" || c == "*" || c == "_" {
                let compact = trimmed.filter { $0 != " " && $0 != "\t" }
                if compact.allSatisfy({ $0 == c }) {
                    if (c == "=" || c == "-") && !paragraph.isEmpty && kind == .paragraph {
                        kind = .heading
                        level = c == "=" ? 1 : 2
                        flush()
                        return
                    }
                    if compact.count >= 3 {
                        flush()
                        return
                    }
                }
            }
            // Link reference definitions.
            if trimmed.first == "[", let close = trimmed.firstIndex(of: "]"), trimmed[close...].hasPrefix("]:") {
                flush()
                return
            }
            // Table rows.
            if trimmed.first == "|" || (trimmed.contains("|") && paragraph.isEmpty && isTableSeparator(trimmed)) {
                flush()
                if isTableSeparator(trimmed) { return }
                var cells = splitCells(trimmed)
                if cells.first?.isEmpty == true { cells.removeFirst() }
                if cells.last?.isEmpty == true { cells.removeLast() }
                builder.addBlock(
                    cells.map { Inline.strip($0.trimmingWhitespace()) }.joined(separator: "\t"),
                    kind: .paragraph
                )
                return
            }
            // List items.
            if let item = listItem(trimmed) {
                flush()
                kind = .listItem
                level = indentWidth / 2 + 1
                number = item.number
                var content = item.content
                if content.hasPrefix("[ ] ") || content.hasPrefix("[x] ") || content.hasPrefix("[X] ") {
                    content = String(content.dropFirst(4))
                }
                paragraph = [Inline.strip(content)]
                return
            }
            paragraph.append(Inline.strip(trimmed))
        }

        func listItem(_ line: String) -> (number: String?, content: String)? {
            let s = Array(line.unicodeScalars)
            guard let first = s.first else { return nil }
            if first == "-" || first == "*" || first == "+", s.count >= 2, s[1] == " " || s[1] == "\t" {
                return (nil, String(String.UnicodeScalarView(s[2...])).trimmingWhitespace())
            }
            var k = 0
            while k < s.count && k < 9 && SentenceSegmenter.isDigit(s[k]) { k += 1 }
            if k > 0, k + 1 < s.count, s[k] == "." || s[k] == ")", s[k + 1] == " " || s[k + 1] == "\t" {
                return (
                    String(String.UnicodeScalarView(s[0..<k])),
                    String(String.UnicodeScalarView(s[(k + 1)...])).trimmingWhitespace()
                )
            }
            return nil
        }

        func isTableSeparator(_ line: String) -> Bool {
            line.contains("-") && line.contains("|")
                && line.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
        }

        func splitCells(_ line: String) -> [String] {
            var cells: [String] = []
            var current = ""
            var escaped = false
            for ch in line {
                if escaped {
                    current.append(ch)
                    escaped = false
                    continue
                }
                if ch == "\\" {
                    escaped = true
                    current.append(ch)
                    continue
                }
                if ch == "|" {
                    cells.append(current)
                    current = ""
                    continue
                }
                current.append(ch)
            }
            cells.append(current)
            return cells
        }
    }

    /// Inline markup: emphasis, code spans, links, images, autolinks, HTML tags, escapes, entities.
    enum Inline {
        static func strip(_ text: String, depth: Int = 0) -> String {
            let s = Array(text.unicodeScalars)
            var out = String.UnicodeScalarView()
            out.reserveCapacity(s.count)
            let n = s.count
            var i = 0
            while i < n {
                let c = s[i]
                switch c {
                case "\\":
                    if i + 1 < n {
                        let escaped: Unicode.Scalar = s[i + 1]
                        if isASCIISymbol(escaped) {
                            out.append(escaped)
                            i += 2
                            continue
                        }
                    }
                case "`":
                    var run = 0
                    while i + run < n && s[i + run] == "`" { run += 1 }
                    if let close = findRun("`", length: run, in: s, from: i + run) {
                        var inner = Array(s[(i + run)..<close])
                        if inner.count >= 2 && inner.first == " " && inner.last == " " {
                            inner = Array(inner[1..<(inner.count - 1)])
                        }
                        out.append(contentsOf: inner)
                        i = close + run
                        continue
                    }
                    out.append(contentsOf: s[i..<(i + run)])
                    i += run
                    continue
                case "!":
                    if i + 1 < n, s[i + 1] == "[", let (_, _, end) = link(in: s, at: i + 1) {
                        i = end  // images are dropped
                        continue
                    }
                case "[":
                    if depth < 4, let (label, isLink, end) = link(in: s, at: i), isLink {
                        out.append(
                            contentsOf: strip(String(String.UnicodeScalarView(label)), depth: depth + 1).unicodeScalars
                        )
                        i = end
                        continue
                    }
                case "<":
                    if let close = s[(i + 1)..<min(n, i + 2000)].firstIndex(of: ">") {
                        let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                        if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                            out.append(
                                contentsOf: (inner.hasPrefix("mailto:") ? String(inner.dropFirst(7)) : inner)
                                    .unicodeScalars
                            )
                            i = close + 1
                            continue
                        }
                        if let f = inner.unicodeScalars.first, LineShape.isAlphaASCII(f) || f == "/" || f == "!" {
                            i = close + 1  // an HTML tag: dropped
                            continue
                        }
                    }
                case "&":
                    if let (decoded, next) = HTMLEntities.decode(s, at: i, limit: n) {
                        out.append(contentsOf: decoded.unicodeScalars)
                        i = next
                        continue
                    }
                case "*", "_", "~":
                    var run = 0
                    while i + run < n && s[i + run] == c { run += 1 }
                    if c == "~" && run < 2 { break }
                    let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                    let after: Unicode.Scalar? = i + run < n ? s[i + run] : nil
                    let spaceBefore = before.map { SentenceSegmenter.isWhitespace($0) } ?? true
                    let spaceAfter = after.map { SentenceSegmenter.isWhitespace($0) } ?? true
                    if spaceBefore && spaceAfter {
                        break  // a lone "*" between spaces is text
                    }
                    if c == "_" {
                        let alnumBefore =
                            before.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
                        let alnumAfter =
                            after.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
                        if alnumBefore && alnumAfter { break }  // snake_case
                    }
                    i += run
                    continue
                default:
                    break
                }
                out.append(c)
                i += 1
            }
            return String(out)
        }

        /// "[label](target)" or "[label][ref]" at `s[p] == "["`: the label, whether it is a link, and the end.
        static func link(in s: [Unicode.Scalar], at p: Int) -> ([Unicode.Scalar], Bool, Int)? {
            let n = s.count
            var depth = 0
            var k = p
            let limit = min(n, p + 2000)
            var close = -1
            while k < limit {
                if s[k] == "\\" {
                    k += 2
                    continue
                }
                if s[k] == "[" {
                    depth += 1
                } else if s[k] == "]" {
                    depth -= 1
                    if depth == 0 {
                        close = k
                        break
                    }
                }
                k += 1
            }
            guard close > p else { return nil }
            let label = Array(s[(p + 1)..<close])
            let next = close + 1
            if next < n && s[next] == "(" {
                var d = 0
                var m = next
                let lim = min(n, next + 2000)
                while m < lim {
                    if s[m] == "(" {
                        d += 1
                    } else if s[m] == ")" {
                        d -= 1
                        if d == 0 { return (label, true, m + 1) }
                    }
                    m += 1
                }
                return nil
            }
            if next < n && s[next] == "[" {
                if let end = s[next..<min(n, next + 500)].firstIndex(of: "]") { return (label, true, end + 1) }
            }
            return (label, false, next)
        }

        static func findRun(_ c: Unicode.Scalar, length: Int, in s: [Unicode.Scalar], from p: Int) -> Int? {
            var k = p
            let limit = min(s.count, p + 4000)
            while k < limit {
                if s[k] == c {
                    var run = 0
                    while k + run < s.count && s[k + run] == c { run += 1 }
                    if run == length { return k }
                    k += run
                    continue
                }
                k += 1
            }
            return nil
        }

        static func isASCIISymbol(_ c: Unicode.Scalar) -> Bool {
            "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(c)
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var a = 0
        var b = scalars.count
        while a < b && SentenceSegmenter.isWhitespace(scalars[a]) { a += 1 }
        while b > a && SentenceSegmenter.isWhitespace(scalars[b - 1]) { b -= 1 }
        return String(String.UnicodeScalarView(scalars[a..<b]))
    }
}
