import FineprintCore
import FineprintText

/// Finds a labelled clause in a document whitespace-insensitively: runs of white space in either
/// text match any run of white space, and case and typographic quotes are ignored.
struct TextLocator {
    private let folded: [UInt32]
    /// For each folded scalar, its offset in the original text.
    private let offsets: [Int]
    private let length: Int

    init(_ text: String) {
        var folded: [UInt32] = []
        var offsets: [Int] = []
        folded.reserveCapacity(text.unicodeScalars.count)
        var lastWasSpace = true
        var i = 0
        for s in text.unicodeScalars {
            if InvisibleCharacters.contains(s) {
                i += 1
                continue
            }
            if s.properties.isWhitespace {
                if !lastWasSpace {
                    folded.append(32)
                    offsets.append(i)
                }
                lastWasSpace = true
            } else {
                folded.append(Self.fold(s))
                offsets.append(i)
                lastWasSpace = false
            }
            i += 1
        }
        self.folded = folded
        self.offsets = offsets
        length = i
    }

    static func fold(_ s: Unicode.Scalar) -> UInt32 {
        switch s {
        case "\u{2018}", "\u{2019}", "`": return 39
        case "\u{201C}", "\u{201D}": return 34
        case "\u{2013}", "\u{2014}": return 45
        default:
            if s.value >= 65 && s.value <= 90 { return s.value + 32 }
            return s.value
        }
    }

    static func foldedNeedle(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        var lastWasSpace = true
        for s in text.unicodeScalars where !InvisibleCharacters.contains(s) {
            if s.properties.isWhitespace {
                if !lastWasSpace { out.append(32) }
                lastWasSpace = true
            } else {
                out.append(fold(s))
                lastWasSpace = false
            }
        }
        while out.last == 32 { out.removeLast() }
        return out
    }

    /// CUAD's mark for a passage its annotators left out of a clause.
    static let omission = "<omitted>"

    /// The spans of a labelled clause: every occurrence of its text; for a clause with passages left
    /// out ("… the<omitted>requirements of this Agreement …"), every occurrence of each of its parts,
    /// provided every part is found (else none: the clause is unlocated).
    func locate(clause: String) -> [TextSpan] {
        guard clause.contains(Self.omission) else { return find(clause) }
        let parts = clause.components(separatedBy: Self.omission).filter { !Self.foldedNeedle($0).isEmpty }
        var spans: [TextSpan] = []
        for part in parts {
            let found = find(part)
            guard !found.isEmpty else { return [] }
            spans += found
        }
        return spans.sorted { $0.start < $1.start }
    }

    /// Every place `needle` occurs, as spans of the original text.
    func find(_ needle: String) -> [TextSpan] {
        let n = Self.foldedNeedle(needle)
        guard !n.isEmpty, n.count <= folded.count else { return [] }
        var found: [TextSpan] = []
        let first = n[0]
        var i = 0
        let last = folded.count - n.count
        while i <= last {
            if folded[i] == first {
                var k = 1
                while k < n.count && folded[i + k] == n[k] { k += 1 }
                if k == n.count {
                    found.append(TextSpan(start: offsets[i], end: offsets[i + n.count - 1] + 1))
                    i += n.count
                    continue
                }
            }
            i += 1
        }
        return found
    }
}
