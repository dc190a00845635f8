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

    /// One step of the alignment: the word's index in the old list (`delete`, `equal`) and in the
    /// new list (`insert`, `equal`), -1 where it has none.
    struct Step {
        var op: DiffSegment.Op
        var old: Int
        var new: Int
    }

    /// Word-level diff of two ranges. Words compare with typography folded and case ignored, so a
    /// curly quote or a capital letter does not show as an edit.
    static func diff(_ a: [Unicode.Scalar], _ ar: Range<Int>, _ b: [Unicode.Scalar], _ br: Range<Int>) -> [DiffSegment]
    {
        let wa = Cosmetic.words(a, from: ar.lowerBound, to: ar.upperBound)
        let wb = Cosmetic.words(b, from: br.lowerBound, to: br.upperBound)
        let steps = align(wa.map(\.key), wb.map(\.key))
        return segments(steps, a, wa.map { ($0.start, $0.end) }, b, wb.map { ($0.start, $0.end) })
    }

    /// The shared head and tail kept as equal, the middle aligned by longest common subsequence
    /// (or replaced whole when its table would exceed `maxTable`).
    static func align<Key: Equatable>(_ wa: [Key], _ wb: [Key]) -> [Step] {
        var head = 0
        while head < wa.count, head < wb.count, wa[head] == wb[head] { head += 1 }
        var tail = 0
        while tail < wa.count - head, tail < wb.count - head, wa[wa.count - 1 - tail] == wb[wb.count - 1 - tail] {
            tail += 1
        }
        var steps = (0..<head).map { Step(op: .equal, old: $0, new: $0) }
        let n = wa.count - head - tail
        let m = wb.count - head - tail
        if n == 0 || m == 0 || n * m > maxTable {
            steps += (0..<n).map { Step(op: .delete, old: head + $0, new: -1) }
            steps += (0..<m).map { Step(op: .insert, old: -1, new: head + $0) }
        } else {
            steps += longestCommonSubsequence(Array(wa[head..<(head + n)]), Array(wb[head..<(head + m)])).map {
                Step(op: $0.op, old: $0.old < 0 ? -1 : head + $0.old, new: $0.new < 0 ? -1 : head + $0.new)
            }
        }
        steps += (0..<tail).map { Step(op: .equal, old: wa.count - tail + $0, new: wb.count - tail + $0) }
        return steps
    }

    /// The classic dynamic-programming alignment of two word lists, preferring insertions on ties.
    static func longestCommonSubsequence<Key: Equatable>(_ x: [Key], _ y: [Key]) -> [Step] {
        let n = x.count
        let m = y.count
        let w = m + 1
        var table = [Int32](repeating: 0, count: (n + 1) * w)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * w + j] =
                    x[i] == y[j] ? table[(i + 1) * w + j + 1] + 1 : max(table[(i + 1) * w + j], table[i * w + j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, x[i] == y[j] {
                steps.append(Step(op: .equal, old: i, new: j))
                i += 1
                j += 1
            } else if j < m, i == n || table[i * w + j + 1] >= table[(i + 1) * w + j] {
                steps.append(Step(op: .insert, old: -1, new: j))
                j += 1
            } else {
                steps.append(Step(op: .delete, old: i, new: -1))
                i += 1
            }
        }
        return steps
    }

    /// Runs of equal steps become one equal segment; a changed run becomes its deletions, then its
    /// insertions.
    static func segments(
        _ steps: [Step],
        _ a: [Unicode.Scalar],
        _ wa: [(start: Int, end: Int)],
        _ b: [Unicode.Scalar],
        _ wb: [(start: Int, end: Int)]
    ) -> [DiffSegment] {
        var segments: [DiffSegment] = []
        var k = 0
        while k < steps.count {
            let equal = steps[k].op == .equal
            var e = k
            while e + 1 < steps.count, (steps[e + 1].op == .equal) == equal { e += 1 }
            let run = steps[k...e]
            if equal {
                let (old, new) = (
                    wa[steps[k].old].start..<wa[steps[e].old].end, wb[steps[k].new].start..<wb[steps[e].new].end
                )
                segments.append(
                    DiffSegment(
                        op: .equal,
                        text: text(b, new.lowerBound, new.upperBound),
                        oldStart: old.lowerBound,
                        oldEnd: old.upperBound,
                        newStart: new.lowerBound,
                        newEnd: new.upperBound
                    )
                )
            } else {
                let deleted = run.filter { $0.op == .delete }.map(\.old)
                let inserted = run.filter { $0.op == .insert }.map(\.new)
                if let f = deleted.first, let l = deleted.last {
                    let range = wa[f].start..<wa[l].end
                    segments.append(
                        DiffSegment(
                            op: .delete,
                            text: text(a, range.lowerBound, range.upperBound),
                            oldStart: range.lowerBound,
                            oldEnd: range.upperBound
                        )
                    )
                }
                if let f = inserted.first, let l = inserted.last {
                    let range = wb[f].start..<wb[l].end
                    segments.append(
                        DiffSegment(
                            op: .insert,
                            text: text(b, range.lowerBound, range.upperBound),
                            newStart: range.lowerBound,
                            newEnd: range.upperBound
                        )
                    )
                }
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
