import FineprintText

/// The words a segment (a sentence) is described by: its word unigrams and bigrams; the words of
/// the heading it stands under marked "h:"; the words of the sentence before and after it marked "p:"
/// and "n:" (a labelled clause often spans sentences, and a lead-in such as "The following shall
/// survive termination:" says what the next sentence is). Numbers written in digits become "#" so that
/// "30 days" and "90 days" share a feature, and each also gives its magnitude ("#6" for 100,000), which
/// tells a purchase minimum from a notice period or a section number. Each feature is a stable 64-bit
/// hash of its name (FNV-1a over the name's UTF-8), so a model file that lists names maps onto the same
/// numbers in every process — Swift's own `Hasher` is seeded per run and cannot be stored.
public enum SegmentFeatures {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3
    /// Heading words beyond this many add little and make long headings dominate.
    static let headingWords = 8
    /// Words taken from each neighbour: the end of the previous sentence, the start of the next one.
    /// Enough for a lead-in or a continuation; on CUAD dev (cross-fitted) 12 words made the document
    /// decisions worse than 4, the neighbours' words drowning the sentence's own.
    static let neighbourWords = 4

    /// The sentences around a segment, as token ranges (nil at the start or end of the document).
    public struct Neighbours: Sendable {
        public var previous: Range<Int>?
        public var next: Range<Int>?

        public init(previous: Range<Int>? = nil, next: Range<Int>? = nil) {
            self.previous = previous
            self.next = next
        }
    }

    public static func hash(_ name: String) -> UInt64 { extend(offsetBasis, name) }

    @inline(__always) static func extend(_ h: UInt64, _ text: String) -> UInt64 {
        var h = h
        for b in text.utf8 { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    @inline(__always) static func isDigits(_ token: Token) -> Bool {
        guard let first = token.text.utf8.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    @inline(__always) static func word(_ token: Token) -> String { isDigits(token) ? "#" : token.text }

    /// "#" and the number of digits before any decimal point ("1,000.50" → "#4"), capped at 9.
    static func magnitude(_ token: Token) -> String {
        var digits = 0
        for b in token.text.utf8 {
            if b == 0x2E { break }
            if b >= 0x30 && b <= 0x39 { digits += 1 }
        }
        return "#" + String(min(digits, 9))
    }

    /// The token ranges and prefixes of the context features.
    static func context(heading: Range<Int>?, neighbours: Neighbours) -> [(prefix: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        if let heading {
            out.append(("h:", heading.lowerBound..<min(heading.upperBound, heading.lowerBound + headingWords)))
        }
        if let p = neighbours.previous {
            out.append(("p:", max(p.lowerBound, p.upperBound - neighbourWords)..<p.upperBound))
        }
        if let n = neighbours.next {
            out.append(("n:", n.lowerBound..<min(n.upperBound, n.lowerBound + neighbourWords)))
        }
        return out
    }

    /// The segment's feature hashes, sorted and without repeats (features are binary).
    public static func hashes(
        tokens: [Token],
        range: Range<Int>,
        heading: Range<Int>?,
        neighbours: Neighbours = Neighbours()
    ) -> [UInt64] {
        names(tokens: tokens, range: range, heading: heading, neighbours: neighbours, hashOnly: true).map(\.hash)
            .sortedUnique()
    }

    /// The names of the same features (for the model file), with their hashes.
    public static func names(
        tokens: [Token],
        range: Range<Int>,
        heading: Range<Int>?,
        neighbours: Neighbours = Neighbours()
    ) -> [(hash: UInt64, name: String)] {
        names(tokens: tokens, range: range, heading: heading, neighbours: neighbours, hashOnly: false)
    }

    /// One walk for both: with `hashOnly` the names are left empty (analysis needs only the hashes, and
    /// building strings for every n-gram would cost more than the hashing).
    static func names(
        tokens: [Token],
        range: Range<Int>,
        heading: Range<Int>?,
        neighbours: Neighbours,
        hashOnly: Bool
    ) -> [(hash: UInt64, name: String)] {
        var out: [(hash: UInt64, name: String)] = []
        out.reserveCapacity(range.count * 3 + headingWords + 2 * neighbourWords)
        var previous: (hash: UInt64, word: String)?
        for t in range {
            let w = word(tokens[t])
            let h = hash(w)
            out.append((h, hashOnly ? "" : w))
            if let p = previous { out.append((extend(extend(p.hash, " "), w), hashOnly ? "" : p.word + " " + w)) }
            if isDigits(tokens[t]) {
                let m = magnitude(tokens[t])
                out.append((hash(m), hashOnly ? "" : m))
            }
            previous = (h, w)
        }
        for (prefix, r) in context(heading: heading, neighbours: neighbours) {
            let base = hash(prefix)
            for t in r {
                let w = word(tokens[t])
                out.append((extend(base, w), hashOnly ? "" : prefix + w))
            }
        }
        return out
    }
}

extension Array where Element == UInt64 {
    func sortedUnique() -> [UInt64] {
        let sorted = self.sorted()
        var unique: [UInt64] = []
        unique.reserveCapacity(sorted.count)
        for h in sorted where unique.last != h { unique.append(h) }
        return unique
    }
}
