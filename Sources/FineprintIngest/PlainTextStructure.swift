import FineprintCore
import FineprintText

/// Blocks of plain text (a .txt file or pdftotext's output) found from the shape of its lines:
/// headings, numbered clauses, list items and paragraphs. The text itself is not changed.
enum PlainTextStructure {
    private struct Unit {
        var start: Int  // first non-whitespace scalar
        var end: Int  // after the last non-whitespace scalar
        var lineStart: Int  // start of the physical line (for indentation)
        var afterBlank: Bool  // a blank line (or the text start) comes before it
        var afterGap: Bool  // cut from the line before it at a wide gap
        var lineLength: Int
    }

    static func blocks(in s: [Unicode.Scalar]) -> [TextBlock] {
        let units = self.units(in: s)
        guard !units.isEmpty else { return [] }

        let (wrapped, width) = wrapping(units)

        var blocks: [TextBlock] = []
        var current: (start: Int, end: Int, kind: BlockKind, level: Int?, number: String?, units: Int)?
        var previousHeading = false
        var previous: Unit?

        func close() {
            if let c = current {
                blocks.append(
                    TextBlock(
                        kind: c.kind,
                        span: TextSpan(start: c.start, end: c.end),
                        level: c.level,
                        number: c.number
                    )
                )
            }
            current = nil
        }

        for (index, unit) in units.enumerated() {
            let marker = LineShape.marker(in: s, at: unit.start, limit: unit.end)
            let heading = LineShape.isHeadingLike(s, from: unit.start, to: unit.end)
            var startsBlock =
                current == nil || unit.afterBlank || unit.afterGap || marker != nil || heading || previousHeading
            if !startsBlock, let prev = previous {
                if !wrapped {
                    startsBlock = true
                } else if endsSentence(s, prev.start, prev.end) && prev.lineLength * 4 < width * 3 {
                    startsBlock = true
                }
            }
            if startsBlock {
                close()
                let next = index + 1 < units.count ? units[index + 1] : nil
                let (kind, level, number) = opening(s, unit, marker: marker, heading: heading, next: next)
                current = (unit.start, unit.end, kind, level, number, 1)
                previousHeading = kind == .heading
            } else if current != nil {
                current!.end = unit.end
                current!.units += 1
                previousHeading = false
            }
            previous = unit
        }
        close()
        return blocks
    }

    /// Is the text hard-wrapped (lines of similar width) or one paragraph per line, and the width of
    /// its lines.
    private static func wrapping(_ units: [Unit]) -> (wrapped: Bool, width: Int) {
        let lengths = units.filter { !$0.afterGap }.map(\.lineLength).sorted()
        let width = lengths.isEmpty ? 0 : lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        // Hard-wrapped text has most lines close to one width (up to about 200 columns with the
        // indentation pdftotext -layout keeps); a file with one paragraph per line has long lines.
        return (lengths.count >= 4 && width >= 30 && width <= 220, width)
    }

    /// The kind, level and number of the block a unit opens.
    private static func opening(
        _ s: [Unicode.Scalar],
        _ unit: Unit,
        marker: LineShape.Marker?,
        heading: Bool,
        next: Unit?
    ) -> (kind: BlockKind, level: Int?, number: String?) {
        if heading {
            return (.heading, marker.map { $0.kind == .heading ? $0.depth : $0.depth } ?? 1, marker?.number)
        }
        if let m = marker {
            switch m.kind {
            case .bullet: return (.listItem, indentLevel(s, unit), nil)
            case .clause, .heading: return (.clause, nil, m.number)
            }
        }
        if isStandaloneTitle(s, unit, next: next) { return (.heading, 2, nil) }
        return (.paragraph, nil, nil)
    }

    /// Lines, trimmed, with a long line cut at wide gaps of spaces where the gap plainly separates
    /// two paragraphs (text converted from PDF often keeps paragraphs apart only by spaces).
    private static func units(in s: [Unicode.Scalar]) -> [Unit] {
        var units: [Unit] = []
        let n = s.count
        var i = 0
        var afterBlank = true
        while i < n {
            // One physical line.
            let lineStart = i
            var e = i
            while e < n && !isNewline(s[e]) { e += 1 }
            let lineEnd = e
            // Skip the line break (\r\n counts once).
            if e < n && s[e] == "\r" && e + 1 < n && s[e + 1] == "\n" { e += 2 } else if e < n { e += 1 }
            var a = lineStart
            while a < lineEnd && SentenceSegmenter.isWhitespace(s[a]) { a += 1 }
            if a >= lineEnd || (lineEnd - a == 1 && s[a] == "\u{0C}") {
                afterBlank = true
                i = e
                continue
            }
            units += lineUnits(s, lineStart: lineStart, from: a, to: lineEnd, afterBlank: afterBlank)
            afterBlank = false
            i = e
        }
        return units
    }

    /// One line's units, from its first non-whitespace scalar `a` to its end: cut at wide gaps.
    private static func lineUnits(
        _ s: [Unicode.Scalar],
        lineStart: Int,
        from a: Int,
        to lineEnd: Int,
        afterBlank: Bool
    ) -> [Unit] {
        var units: [Unit] = []
        var segStart = a
        var k = a
        var first = true
        while k < lineEnd {
            let c = s[k]
            if c == " " || c == "\t" || c == "\u{A0}" {
                var g = k
                while g < lineEnd && (s[g] == " " || s[g] == "\t" || s[g] == "\u{A0}") { g += 1 }
                if g < lineEnd && (g - k >= 4 || c == "\t")
                    && cutsAtGap(s, segStart: segStart, gap: k, next: g, lineEnd: lineEnd)
                {
                    units.append(
                        Unit(
                            start: segStart,
                            end: k,
                            lineStart: lineStart,
                            afterBlank: first && afterBlank,
                            afterGap: !first,
                            lineLength: lineEnd - lineStart
                        )
                    )
                    first = false
                    segStart = g
                }
                k = g
                continue
            }
            k += 1
        }
        var b = lineEnd
        while b > segStart && SentenceSegmenter.isWhitespace(s[b - 1]) { b -= 1 }
        units.append(
            Unit(
                start: segStart,
                end: b,
                lineStart: lineStart,
                afterBlank: first && afterBlank,
                afterGap: !first,
                lineLength: lineEnd - lineStart
            )
        )
        return units
    }

    private static func cutsAtGap(_ s: [Unicode.Scalar], segStart: Int, gap: Int, next: Int, lineEnd: Int) -> Bool {
        // A segment that is only a marker ("1.\tDefinitions") stays with its text.
        if let m = LineShape.marker(in: s, at: segStart, limit: gap), m.markerEnd >= gap { return false }
        if LineShape.marker(in: s, at: next, limit: lineEnd) != nil { return true }
        if LineShape.isHeadingLike(s, from: segStart, to: gap) { return true }
        if endsSentence(s, segStart, gap) {
            let c = s[next]
            return SentenceSegmenter.isUpper(c) || c == "\"" || c == "“" || c == "(" || c.properties.numericType != nil
        }
        return false
    }

    /// Does the range end with a sentence-ending mark (before any closing quotes or brackets)?
    static func endsSentence(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        var k = b - 1
        while k >= a && (s[k] == "\"" || s[k] == "'" || s[k] == ")" || s[k] == "”" || s[k] == "’" || s[k] == "]") {
            k -= 1
        }
        guard k >= a else { return false }
        return s[k] == "." || s[k] == "!" || s[k] == "?" || s[k] == "…" || s[k] == ":"
    }

    private static func isNewline(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    private static func indentLevel(_ s: [Unicode.Scalar], _ unit: Unit) -> Int {
        guard !unit.afterGap else { return 1 }
        var width = 0
        for k in unit.lineStart..<unit.start { width += s[k] == "\t" ? 4 : 1 }
        return width / 2 / 2 + 1
    }

    /// A short title-case line standing alone between blank lines: "Governing Law".
    private static func isStandaloneTitle(_ s: [Unicode.Scalar], _ unit: Unit, next: Unit?) -> Bool {
        guard unit.afterBlank, next?.afterBlank ?? true, unit.end - unit.start <= 60 else { return false }
        guard SentenceSegmenter.isUpper(s[unit.start]) else { return false }
        let last = s[unit.end - 1]
        if last == "." || last == "," || last == ";" || last == "!" || last == "?" { return false }
        var words = 0
        var k = unit.start
        while k < unit.end {
            while k < unit.end && SentenceSegmenter.isWhitespace(s[k]) { k += 1 }
            guard k < unit.end else { break }
            let w = k
            while k < unit.end && !SentenceSegmenter.isWhitespace(s[k]) { k += 1 }
            words += 1
            if SentenceSegmenter.isLower(s[w]) && k - w >= 4 { return false }
        }
        return words >= 1 && words <= 8
    }
}
