import FineprintCore
import FineprintReading
import FineprintText

/// What `{class}` steps test in one document, computed once per document: a bit per class for every token
/// (`{supplier}` and `{buyer}` for the words naming a party, a term class where a defined term or class phrase
/// occurs), and where a class occurrence runs over several tokens.
struct DocumentTerms {
    /// Each token's class bits; bit `i` is class `i` of the compiled rules' class table.
    let bits: [UInt64]
    /// Occurrences longer than one token, by their first token: the classes they carry and the token after them.
    private let longer: [Int: [(mask: UInt64, next: Int)]]

    init(tokens: [Token], reading: DocumentReading, context: ClauseContext, classBits: [String: Int]) {
        var bits = [UInt64](repeating: 0, count: tokens.count)
        let supplier = classBits["supplier"].map { UInt64(1) << UInt64($0) } ?? 0
        let buyer = classBits["buyer"].map { UInt64(1) << UInt64($0) } ?? 0
        if supplier | buyer != 0 {
            var byWord: [String: UInt64] = [:]
            for (t, token) in tokens.enumerated() {
                if let known = byWord[token.text] {
                    bits[t] = known
                    continue
                }
                let party = context.partyOf(token.text, in: reading)
                let mask = party == .supplier ? supplier : party == .buyer ? buyer : 0
                byWord[token.text] = mask
                bits[t] = mask
            }
        }
        var longer: [Int: [(mask: UInt64, next: Int)]] = [:]
        for (t, occurrences) in reading.occurrences where t < tokens.count {
            for occurrence in occurrences {
                guard let bit = classBits[occurrence.termClass] else { continue }
                let mask = UInt64(1) << UInt64(bit)
                bits[t] |= mask
                if occurrence.next > t + 1 { longer[t, default: []].append((mask, occurrence.next)) }
            }
        }
        self.bits = bits
        self.longer = longer
    }

    /// The token after the longest occurrence of one of `mask`'s classes starting at `t`.
    func next(_ mask: UInt64, at t: Int) -> Int {
        var next = t + 1
        for occurrence in longer[t] ?? [] where occurrence.mask & mask != 0 { next = max(next, occurrence.next) }
        return next
    }
}
