/// One run of a word-level diff inside an aligned clause. Offsets are Unicode scalars of the old
/// text (`equal`, `delete`) and of the new text (`equal`, `insert`); end exclusive.
public struct DiffSegment: Hashable, Codable, Sendable {
    public enum Op: String, Codable, Sendable { case equal, insert, delete }
    public var op: Op
    /// The words as written (in the new text for `equal` and `insert`, the old text for `delete`).
    public var text: String
    public var oldStart: Int?
    public var oldEnd: Int?
    public var newStart: Int?
    public var newEnd: Int?

    public init(
        op: Op,
        text: String,
        oldStart: Int? = nil,
        oldEnd: Int? = nil,
        newStart: Int? = nil,
        newEnd: Int? = nil
    ) {
        self.op = op
        self.text = text
        self.oldStart = oldStart
        self.oldEnd = oldEnd
        self.newStart = newStart
        self.newEnd = newEnd
    }
}

enum WordDiff {
    /// Largest word table before the diff gives up and reports delete-all, insert-all.
    static let maxTable = 4_000_000

    /// Word-level diff of two ranges. Words compare with typography folded and case ignored, so a
    /// curly quote or a capital letter does not show as an edit.
    static func diff(_ a: [Unicode.Scalar], _ ar: Range<Int>, _ b: [Unicode.Scalar], _ br: Range<Int>) -> [DiffSegment]
    {
        let wa = Cosmetic.words(a, from: ar.lowerBound, to: ar.upperBound)
        let wb = Cosmetic.words(b, from: br.lowerBound, to: br.upperBound)
        var ops: [(DiffSegment.Op, Int, Int)] = []  // op, index in wa (or -1), index in wb (or -1)
        var head = 0
        while head < wa.count, head < wb.count, wa[head].key == wb[head].key {
            ops.append((.equal, head, head))
            head += 1
        }
        var tail = 0
        while tail < wa.count - head, tail < wb.count - head, wa[wa.count - 1 - tail].key == wb[wb.count - 1 - tail].key
        { tail += 1 }
        let n = wa.count - head - tail
        let m = wb.count - head - tail
        if n > 0 || m > 0 {
            if n == 0 || m == 0 || n * m > maxTable {
                for i in 0..<n { ops.append((.delete, head + i, -1)) }
                for j in 0..<m { ops.append((.insert, -1, head + j)) }
            } else {
                let w = m + 1
                var table = [Int32](repeating: 0, count: (n + 1) * w)
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        table[i * w + j] =
                            wa[head + i].key == wb[head + j].key
                            ? table[(i + 1) * w + j + 1] + 1 : max(table[(i + 1) * w + j], table[i * w + j + 1])
                    }
                }
                var i = 0
                var j = 0
                while i < n || j < m {
                    if i < n, j < m, wa[head + i].key == wb[head + j].key {
                        ops.append((.equal, head + i, head + j))
                        i += 1
                        j += 1
                    } else if j < m, i == n || table[i * w + j + 1] >= table[(i + 1) * w + j] {
                        ops.append((.insert, -1, head + j))
                        j += 1
                    } else {
                        ops.append((.delete, head + i, -1))
                        i += 1
                    }
                }
            }
        }
        for k in 0..<tail { ops.append((.equal, wa.count - tail + k, wb.count - tail + k)) }

        // Deletions before insertions within a changed run; then merge runs of one kind.
        var segments: [DiffSegment] = []
        var k = 0
        while k < ops.count {
            if ops[k].0 == .equal {
                var e = k
                while e + 1 < ops.count, ops[e + 1].0 == .equal { e += 1 }
                let ns = wb[ops[k].2].start
                let ne = wb[ops[e].2].end
                segments.append(
                    DiffSegment(
                        op: .equal,
                        text: text(b, ns, ne),
                        oldStart: wa[ops[k].1].start,
                        oldEnd: wa[ops[e].1].end,
                        newStart: ns,
                        newEnd: ne
                    )
                )
                k = e + 1
                continue
            }
            var e = k
            while e + 1 < ops.count, ops[e + 1].0 != .equal { e += 1 }
            let deleted = ops[k...e].filter { $0.0 == .delete }.map(\.1)
            let inserted = ops[k...e].filter { $0.0 == .insert }.map(\.2)
            if let f = deleted.first, let l = deleted.last {
                segments.append(
                    DiffSegment(
                        op: .delete,
                        text: text(a, wa[f].start, wa[l].end),
                        oldStart: wa[f].start,
                        oldEnd: wa[l].end
                    )
                )
            }
            if let f = inserted.first, let l = inserted.last {
                segments.append(
                    DiffSegment(
                        op: .insert,
                        text: text(b, wb[f].start, wb[l].end),
                        newStart: wb[f].start,
                        newEnd: wb[l].end
                    )
                )
            }
            k = e + 1
        }
        return segments
    }

    static func text(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[start..<end])
        return String(v)
    }
}
