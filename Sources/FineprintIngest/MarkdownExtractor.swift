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
        /// The length of the bold lead the paragraph opens with (`BoldLead`), if any.
        var titleLength: Int?

        mutating func flush() {
            if !paragraph.isEmpty {
                builder.addBlock(
                    paragraph.joined(separator: "\n"),
                    kind: kind,
                    level: level,
                    number: number,
                    titleLength: titleLength
                )
            }
            paragraph = []
            kind = .paragraph
            level = nil
            number = nil
            titleLength = nil
        }

        mutating func finish() {
            if fence != nil { builder.addBlock(code.joined(separator: "\n"), kind: .paragraph) }
            flush()
        }

        mutating func feed(_ raw: String) {
            if fence != nil {
                continueFence(raw)
                return
            }
            let line = Self.unquoted(raw)
            let indentWidth = line.prefix(while: { $0 == " " || $0 == "\t" }).reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                flush()
                return
            }
            if openFence(trimmed) || atxHeading(trimmed, indent: indentWidth)
                || setextUnderlineOrBreak(trimmed, indent: indentWidth) || linkDefinition(trimmed)
                || tableRow(trimmed) || listItemStart(trimmed, indent: indentWidth)
            {
                return
            }
            if paragraph.isEmpty { titleLength = BoldLead.titleLength(trimmed) }
            paragraph.append(Inline.strip(trimmed))
        }

        /// Inside a fenced code block: keep lines as they are until the closing fence.
        private mutating func continueFence(_ raw: String) {
            guard let f = fence else { return }
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
        }

        /// The line without its blockquote markers.
        private static func unquoted(_ raw: String) -> String {
            var line = raw
            while let q = line.drop(while: { $0 == " " }).first, q == ">" {
                line = String(line.drop(while: { $0 == " " }).dropFirst())
                if line.first == " " { line.removeFirst() }
            }
            return line
        }

        /// A code fence opening.
        private mutating func openFence(_ trimmed: String) -> Bool {
            guard let first = trimmed.first, first == "`" || first == "~" else { return false }
            let run = trimmed.prefix(while: { $0 == first }).count
            guard run >= 3 && !(first == "`" && trimmed.dropFirst(run).contains("`")) else { return false }
            flush()
            fence = (first, run)
            return true
        }

        /// An ATX heading ("## Title").
        private mutating func atxHeading(_ trimmed: String, indent: Int) -> Bool {
            guard trimmed.first == "#", indent < 4 else { return false }
            let hashes = trimmed.prefix(while: { $0 == "#" }).count
            let rest = trimmed.dropFirst(hashes)
            guard hashes <= 6 && (rest.isEmpty || rest.first == " " || rest.first == "\t") else { return false }
            flush()
            var title = String(rest).trimmingWhitespace()
            while title.hasSuffix("#") { title.removeLast() }
            builder.addBlock(Inline.strip(title.trimmingWhitespace()), kind: .heading, level: hashes)
            return true
        }

        /// A setext underline (the paragraph above becomes a heading) or a thematic break.
        private mutating func setextUnderlineOrBreak(_ trimmed: String, indent: Int) -> Bool {
            guard indent < 4, let c = trimmed.first, c == "=" || c == "-" || c == "*" || c == "_" else { return false }
            let compact = trimmed.filter { $0 != " " && $0 != "\t" }
            guard compact.allSatisfy({ $0 == c }) else { return false }
            if (c == "=" || c == "-") && !paragraph.isEmpty && kind == .paragraph {
                kind = .heading
                level = c == "=" ? 1 : 2
                flush()
                return true
            }
            guard compact.count >= 3 else { return false }
            flush()
            return true
        }

        /// A link reference definition ("[id]: target"): not text.
        private mutating func linkDefinition(_ trimmed: String) -> Bool {
            guard trimmed.first == "[", let close = trimmed.firstIndex(of: "]"), trimmed[close...].hasPrefix("]:")
            else { return false }
            flush()
            return true
        }

        /// A table row: its cells joined by tabs; separator rows dropped.
        private mutating func tableRow(_ trimmed: String) -> Bool {
            guard trimmed.first == "|" || (trimmed.contains("|") && paragraph.isEmpty && isTableSeparator(trimmed))
            else { return false }
            flush()
            if isTableSeparator(trimmed) { return true }
            var cells = splitCells(trimmed)
            if cells.first?.isEmpty == true { cells.removeFirst() }
            if cells.last?.isEmpty == true { cells.removeLast() }
            builder.addBlock(
                cells.map { Inline.strip($0.trimmingWhitespace()) }.joined(separator: "\t"),
                kind: .paragraph
            )
            return true
        }

        /// The first line of a list item (task-list boxes dropped).
        private mutating func listItemStart(_ trimmed: String, indent: Int) -> Bool {
            guard let item = listItem(trimmed) else { return false }
            flush()
            kind = .listItem
            level = indent / 2 + 1
            number = item.number
            var content = item.content
            if content.hasPrefix("[ ] ") || content.hasPrefix("[x] ") || content.hasPrefix("[X] ") {
                content = String(content.dropFirst(4))
            }
            titleLength = BoldLead.titleLength(content)
            paragraph = [Inline.strip(content)]
            return true
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
            var stripper = InlineStripper(text, depth: depth)
            return stripper.run()
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
