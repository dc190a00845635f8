import FineprintCore
import FineprintText
import Foundation

/// One clause of a document as the diff sees it: a structural block (heading, numbered clause, list
/// item or paragraph) with its number split off, so that renumbering does not count as a change.
struct ClauseUnit {
    var kind: BlockKind
    /// The whole block, number included.
    var span: TextSpan
    /// Where the text after the clause number starts.
    var bodyStart: Int
    var number: String?
    /// The cosmetically normalised body: equal keys mean equal up to cosmetic changes.
    var key: String
    /// Hash of `key`, the fast path for identical clauses.
    var hash: Int
    /// Distinct word ids (interned across both documents), sorted: for token-set similarity.
    var tokenSet: [Int]
    /// The nearest heading before (or at) this block, for display.
    var section: String?

    var body: Range<Int> { bodyStart..<span.end }
}

/// Interns normalised words to small integers shared by both documents of a diff.
struct WordInterner {
    var ids: [String: Int] = [:]
    mutating func id(_ word: String) -> Int {
        if let id = ids[word] { return id }
        let id = ids.count
        ids[word] = id
        return id
    }
}

enum ClauseSplitter {
    /// The clause units of a document, in text order, covering every non-blank part of its text.
    static func units(
        of document: ExtractedDocument,
        scalars s: [Unicode.Scalar],
        interner: inout WordInterner
    ) -> [ClauseUnit] {
        var spans: [(kind: BlockKind, span: TextSpan, number: String?)] = []
        let blocks = document.blocks.sorted { $0.span < $1.span }
        var cursor = 0
        func addGap(_ a: Int, _ b: Int) {
            // Text no block covers: cut it into paragraphs at blank lines.
            var start = a
            var i = a
            var newlines = 0
            while i < b {
                if s[i] == "\n" { newlines += 1 } else if !Cosmetic.isSpace(s[i]) { newlines = 0 }
                if newlines >= 2 {
                    addTrimmed(start, i)
                    start = i
                    newlines = 0
                }
                i += 1
            }
            addTrimmed(start, b)
        }
        func addTrimmed(_ a: Int, _ b: Int) {
            var a = a
            var b = b
            while a < b, Cosmetic.isSpace(s[a]) { a += 1 }
            while b > a, Cosmetic.isSpace(s[b - 1]) { b -= 1 }
            if a < b { spans.append((.paragraph, TextSpan(start: a, end: b), nil)) }
        }
        for block in blocks {
            let start = max(block.span.start, cursor)
            let end = min(block.span.end, s.count)
            guard start < end else { continue }
            if start > cursor { addGap(cursor, start) }
            var a = start
            var b = end
            while a < b, Cosmetic.isSpace(s[a]) { a += 1 }
            while b > a, Cosmetic.isSpace(s[b - 1]) { b -= 1 }
            if a < b { spans.append((block.kind, TextSpan(start: a, end: b), block.number)) }
            cursor = end
        }
        if cursor < s.count { addGap(cursor, s.count) }

        var units: [ClauseUnit] = []
        units.reserveCapacity(spans.count)
        var section: String?
        for item in spans {
            var bodyStart = item.span.start
            var number = item.number
            if let marker = LineShape.marker(in: s, at: item.span.start, limit: item.span.end) {
                // Bullets are stripped too: '*' against '-' is no change.
                bodyStart = marker.markerEnd
                if number == nil { number = marker.number }
                while bodyStart < item.span.end, Cosmetic.isSpace(s[bodyStart]) { bodyStart += 1 }
            }
            let key = Cosmetic.normalize(s, from: bodyStart, to: item.span.end)
            var ids = Set<Int>()
            for word in Cosmetic.words(s, from: bodyStart, to: item.span.end) {
                let core = Cosmetic.core(word.key)
                if !core.isEmpty { ids.insert(interner.id(core)) }
            }
            if item.kind == .heading {
                section = String(
                    String.UnicodeScalarView(s[item.span.start..<min(item.span.end, item.span.start + 120)])
                )
            }
            units.append(
                ClauseUnit(
                    kind: item.kind,
                    span: item.span,
                    bodyStart: bodyStart,
                    number: number,
                    key: key,
                    hash: key.hashValue,
                    tokenSet: ids.sorted(),
                    section: section
                )
            )
        }
        return units
    }
}
