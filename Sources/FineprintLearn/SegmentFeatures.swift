import FineprintText

/// The words a segment (a sentence) is described by: its word unigrams and bigrams, and the words of
/// the heading it stands under marked "h:". Numbers written in digits become "#" so that "30 days" and
/// "90 days" share a feature. Each feature is a stable 64-bit hash of its name (FNV-1a over the name's
/// UTF-8), so a model file that lists names maps onto the same numbers in every process — Swift's own
/// `Hasher` is seeded per run and cannot be stored.
public enum SegmentFeatures {
    static let offsetBasis: UInt64 = 0xcbf29ce484222325
    static let prime: UInt64 = 0x100000001b3
    /// Heading words beyond this many add little and make long headings dominate.
    static let headingWords = 8

    public static func hash(_ name: String) -> UInt64 { extend(offsetBasis, name) }

    @inline(__always) static func extend(_ h: UInt64, _ text: String) -> UInt64 {
        var h = h
        for b in text.utf8 { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    @inline(__always) static func word(_ token: Token) -> String {
        if let first = token.text.utf8.first, first >= 0x30 && first <= 0x39 { return "#" }
        return token.text
    }

    /// The segment's feature hashes, sorted and without repeats (features are binary).
    public static func hashes(tokens: [Token], range: Range<Int>, heading: Range<Int>?) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(range.count * 2 + headingWords)
        var previous: UInt64?
        for t in range {
            let w = word(tokens[t])
            let h = hash(w)
            out.append(h)
            if let p = previous { out.append(extend(extend(p, " "), w)) }
            previous = h
        }
        if let heading {
            let headingPrefix = hash("h:")
            for t in heading.prefix(headingWords) { out.append(extend(headingPrefix, word(tokens[t]))) }
        }
        out.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(out.count)
        for h in out where unique.last != h { unique.append(h) }
        return unique
    }

    /// The names of the same features (for the model file), with their hashes.
    public static func names(tokens: [Token], range: Range<Int>, heading: Range<Int>?) -> [(hash: UInt64, name: String)] {
        var out: [(UInt64, String)] = []
        var previous: String?
        for t in range {
            let w = word(tokens[t])
            out.append((hash(w), w))
            if let p = previous {
                let name = p + " " + w
                out.append((hash(name), name))
            }
            previous = w
        }
        if let heading {
            for t in heading.prefix(headingWords) {
                let name = "h:" + word(tokens[t])
                out.append((hash(name), name))
            }
        }
        return out
    }
}
