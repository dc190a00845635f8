/// Aligns the clauses of two versions (docs/compare-and-diff.md):
///
/// 1. identical clauses (equal up to cosmetic changes, compared by hash of the normalised text) are
///    matched in order by a longest common subsequence after trimming the common head and tail;
/// 2. identical clauses left over are matched wherever they are (moved clauses);
/// 3. the rest are matched by token-set (Jaccard) similarity: first inside each gap between matched
///    clauses (the clause edited in place), then across the whole document (moved and edited);
/// 4. the longest increasing subsequence of all matches gives the clauses that kept their order;
///    the other matches are reported as moved.
///
/// Clause numbers play no part: they are split off before hashing.
enum Aligner {
    struct Pair {
        var old: Int?
        var new: Int?
        var similarity: Double
        var moved: Bool
    }

    /// Similarity needed to pair two clauses that sit in the same gap between matched clauses.
    static let localThreshold = 0.34
    /// Similarity needed to pair clauses anywhere in the documents.
    static let globalThreshold = 0.5
    /// Largest LCS table (cells) before falling back to unique-key anchoring.
    static let maxTable = 12_000_000

    static func align(_ a: [ClauseUnit], _ b: [ClauseUnit]) -> [Pair] {
        var matching = ClauseMatching(a, b)
        matching.matchIdenticalInOrder()
        matching.matchIdenticalMoved()
        matching.matchEditedInPlace()
        matching.matchEditedAndMoved()
        return matching.pairs()
    }

    /// Headings pair with headings, body blocks with body blocks.
    static func compatible(_ x: ClauseUnit, _ y: ClauseUnit) -> Bool {
        (x.kind == .heading) == (y.kind == .heading)
    }

    static func jaccard(_ x: [Int], _ y: [Int]) -> Double {
        if x.isEmpty && y.isEmpty { return 1 }
        var i = 0
        var j = 0
        var inter = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                inter += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(inter) / Double(x.count + y.count - inter)
    }

    /// Longest common subsequence of identical clauses in two ranges (index pairs, in order).
    static func lcs(_ a: [ClauseUnit], _ ar: Range<Int>, _ b: [ClauseUnit], _ br: Range<Int>) -> [(Int, Int)] {
        let n = ar.count
        let m = br.count
        guard n > 0, m > 0 else { return [] }
        if n * m > maxTable { return uniqueAnchors(a, ar, b, br) }
        let ha = ar.map { a[$0].hash }
        let hb = br.map { b[$0].hash }
        // table[(i)*(m+1)+j] = LCS length of ha[i...] and hb[j...]
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        let w = m + 1
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * w + j] =
                    ha[i] == hb[j] ? table[(i + 1) * w + j + 1] + 1 : max(table[(i + 1) * w + j], table[i * w + j + 1])
            }
        }
        var result: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < n && j < m {
            if ha[i] == hb[j] && a[ar.lowerBound + i].key == b[br.lowerBound + j].key {
                result.append((ar.lowerBound + i, br.lowerBound + j))
                i += 1
                j += 1
            } else if table[(i + 1) * w + j] >= table[i * w + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    /// For very long middles: clauses unique in both ranges, kept in order (patience anchoring).
    static func uniqueAnchors(_ a: [ClauseUnit], _ ar: Range<Int>, _ b: [ClauseUnit], _ br: Range<Int>) -> [(Int, Int)]
    {
        var countA: [Int: Int] = [:]
        var countB: [Int: Int] = [:]
        var posB: [Int: Int] = [:]
        for i in ar { countA[a[i].hash, default: 0] += 1 }
        for j in br {
            countB[b[j].hash, default: 0] += 1
            posB[b[j].hash] = j
        }
        var pairs: [(Int, Int)] = []
        for i in ar where countA[a[i].hash] == 1 && countB[a[i].hash] == 1 {
            let j = posB[a[i].hash]!
            if a[i].key == b[j].key { pairs.append((i, j)) }
        }
        return longestIncreasing(pairs.map(\.1)).map { pairs[$0] }
    }

    /// Indices of a longest strictly increasing subsequence of `values`.
    static func longestIncreasing(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var tails: [Int] = []  // index into values of the smallest tail of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (k, v) in values.enumerated() {
            var lo = 0
            var hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var result: [Int] = []
        var k = tails.last!
        while k >= 0 {
            result.append(k)
            k = previous[k]
        }
        return result.reversed()
    }
}
