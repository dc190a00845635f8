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
    typealias CoveringSpan = (kind: BlockKind, span: TextSpan, number: String?)

    /// The clause units of a document, in text order, covering every non-blank part of its text.
    static func units(
        of document: ExtractedDocument,
        scalars s: [Unicode.Scalar],
        interner: inout WordInterner
    ) -> [ClauseUnit] {
        var units: [ClauseUnit] = []
        var section: String?
        for item in coveringSpans(of: document, scalars: s) {
            if item.kind == .heading {
                section = String(
                    String.UnicodeScalarView(s[item.span.start..<min(item.span.end, item.span.start + 120)])
                )
            }
            units.append(unit(item, scalars: s, section: section, interner: &interner))
        }
        return units
    }

    /// The document's blocks, trimmed, with the text no block covers cut into paragraphs at blank
    /// lines, in text order.
    static func coveringSpans(of document: ExtractedDocument, scalars s: [Unicode.Scalar]) -> [CoveringSpan] {
        var spans: [CoveringSpan] = []
        func addTrimmed(_ a: Int, _ b: Int, kind: BlockKind = .paragraph, number: String? = nil) {
            var a = a
            var b = b
            while a < b, Cosmetic.isSpace(s[a]) { a += 1 }
            while b > a, Cosmetic.isSpace(s[b - 1]) { b -= 1 }
            if a < b { spans.append((kind, TextSpan(start: a, end: b), number)) }
        }
        func addGap(_ a: Int, _ b: Int) {
            var start = a
            var newlines = 0
            for i in a..<b {
                if s[i] == "\n" { newlines += 1 } else if !Cosmetic.isSpace(s[i]) { newlines = 0 }
                if newlines >= 2 {
                    addTrimmed(start, i)
                    start = i
                    newlines = 0
                }
            }
            addTrimmed(start, b)
        }
        var cursor = 0
        for block in document.blocks.sorted(by: { $0.span < $1.span }) {
            let start = max(block.span.start, cursor)
            let end = min(block.span.end, s.count)
            guard start < end else { continue }
            if start > cursor { addGap(cursor, start) }
            addTrimmed(start, end, kind: block.kind, number: block.number)
            cursor = end
        }
        if cursor < s.count { addGap(cursor, s.count) }
        return spans
    }

    /// One span as a unit: its number split off (bullets too: '*' against '-' is no change), its
    /// cosmetic key and its word set.
    private static func unit(
        _ item: CoveringSpan,
        scalars s: [Unicode.Scalar],
        section: String?,
        interner: inout WordInterner
    ) -> ClauseUnit {
        var bodyStart = item.span.start
        var number = item.number
        if let marker = LineShape.marker(in: s, at: item.span.start, limit: item.span.end) {
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
        return ClauseUnit(
            kind: item.kind,
            span: item.span,
            bodyStart: bodyStart,
            number: number,
            key: key,
            hash: key.hashValue,
            tokenSet: ids.sorted(),
            section: section
        )
    }
}
