/// The matches between two versions' clauses as `Aligner.align` builds them, step by step.
struct ClauseMatching {
    typealias Pair = Aligner.Pair

    let a: [ClauseUnit]
    let b: [ClauseUnit]
    private(set) var oldToNew: [Int?]
    private(set) var newToOld: [Int?]
    private(set) var similarity: [Double]

    init(_ a: [ClauseUnit], _ b: [ClauseUnit]) {
        self.a = a
        self.b = b
        oldToNew = [Int?](repeating: nil, count: a.count)
        newToOld = [Int?](repeating: nil, count: b.count)
        similarity = [Double](repeating: 0, count: a.count)
    }

    private mutating func link(_ i: Int, _ j: Int, _ sim: Double) {
        oldToNew[i] = j
        newToOld[j] = i
        similarity[i] = sim
    }

    /// Links the most similar candidates first (ties in document order), each clause once.
    private mutating func greedy(_ candidates: [(Double, Int, Int)]) {
        for (s, i, j) in candidates.sorted(by: { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) })
        where oldToNew[i] == nil && newToOld[j] == nil {
            link(i, j, s)
        }
    }

    private func same(_ i: Int, _ j: Int) -> Bool { a[i].hash == b[j].hash && a[i].key == b[j].key }

    /// 1. Common head and tail, then an LCS of the middle.
    mutating func matchIdenticalInOrder() {
        var head = 0
        while head < a.count, head < b.count, same(head, head) {
            link(head, head, 1)
            head += 1
        }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, same(a.count - 1 - tail, b.count - 1 - tail) {
            link(a.count - 1 - tail, b.count - 1 - tail, 1)
            tail += 1
        }
        let aRange = head..<(a.count - tail)
        let bRange = head..<(b.count - tail)
        for (i, j) in Aligner.lcs(a, aRange, b, bRange) { link(i, j, 1) }
    }

    /// 2. Identical clauses that moved.
    mutating func matchIdenticalMoved() {
        var byKey: [Int: [Int]] = [:]
        for j in b.indices where newToOld[j] == nil { byKey[b[j].hash, default: []].append(j) }
        for i in a.indices where oldToNew[i] == nil {
            guard var list = byKey[a[i].hash], let k = list.firstIndex(where: { newToOld[$0] == nil && same(i, $0) })
            else { continue }
            link(i, list[k], 1)
            list.remove(at: k)
            byKey[a[i].hash] = list
        }
    }

    /// 3a. Edited in place: similarity inside each gap between matched clauses.
    mutating func matchEditedInPlace() {
        var anchors: [(Int, Int)] = [(-1, -1)]
        for i in a.indices { if let j = oldToNew[i], j > anchors.last!.1 { anchors.append((i, j)) } }
        anchors.append((a.count, b.count))
        for k in 0..<(anchors.count - 1) {
            let olds = ((anchors[k].0 + 1)..<anchors[k + 1].0).filter { oldToNew[$0] == nil }
            let news = ((anchors[k].1 + 1)..<anchors[k + 1].1).filter { newToOld[$0] == nil }
            guard !olds.isEmpty, !news.isEmpty, olds.count * news.count <= 250_000 else { continue }
            var candidates: [(Double, Int, Int)] = []
            for i in olds {
                for j in news where Aligner.compatible(a[i], b[j]) {
                    let s = Aligner.jaccard(a[i].tokenSet, b[j].tokenSet)
                    if s >= Aligner.localThreshold { candidates.append((s, i, j)) }
                }
            }
            greedy(candidates)
        }
    }

    /// 3b. Edited and moved: similarity across the documents, through an inverted index.
    mutating func matchEditedAndMoved() {
        var postings: [Int: [Int]] = [:]
        for j in b.indices where newToOld[j] == nil { for t in b[j].tokenSet { postings[t, default: []].append(j) } }
        guard !postings.isEmpty else { return }
        var candidates: [(Double, Int, Int)] = []
        var shared = [Int](repeating: 0, count: b.count)
        var touched: [Int] = []
        for i in a.indices where oldToNew[i] == nil && !a[i].tokenSet.isEmpty {
            touched.removeAll(keepingCapacity: true)
            for t in a[i].tokenSet {
                for j in postings[t] ?? [] {
                    if shared[j] == 0 { touched.append(j) }
                    shared[j] += 1
                }
            }
            for j in touched {
                let inter = shared[j]
                shared[j] = 0
                let union = a[i].tokenSet.count + b[j].tokenSet.count - inter
                let s = union == 0 ? 0 : Double(inter) / Double(union)
                if s >= Aligner.globalThreshold, Aligner.compatible(a[i], b[j]) { candidates.append((s, i, j)) }
            }
        }
        greedy(candidates)
    }

    /// 4. The matches that keep their order stay; the others moved. Output in the new document's order, each
    /// removed clause after the kept clause before it.
    func pairs() -> [Pair] {
        let matched = a.indices.compactMap { i in oldToNew[i].map { (i, $0) } }
        let kept = Set(Aligner.longestIncreasing(matched.map(\.1)).map { matched[$0].0 })
        var removedAfter: [Int: [Int]] = [:]
        var removedAtStart: [Int] = []
        var lastKeptNew: Int?
        for i in a.indices {
            if let j = oldToNew[i], kept.contains(i) {
                lastKeptNew = j
                continue
            }
            if oldToNew[i] == nil {
                if let j = lastKeptNew { removedAfter[j, default: []].append(i) } else { removedAtStart.append(i) }
            }
        }
        var pairs: [Pair] = removedAtStart.map { Pair(old: $0, new: nil, similarity: 0, moved: false) }
        for j in b.indices {
            if let i = newToOld[j] {
                pairs.append(Pair(old: i, new: j, similarity: similarity[i], moved: !kept.contains(i)))
            } else {
                pairs.append(Pair(old: nil, new: j, similarity: 0, moved: false))
            }
            for i in removedAfter[j] ?? [] { pairs.append(Pair(old: i, new: nil, similarity: 0, moved: false)) }
        }
        return pairs
    }
}
