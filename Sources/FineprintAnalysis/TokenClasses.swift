import FineprintCore
import FineprintText

/// Every distinct word and prefix that any pattern tests, numbered, so that a document's tokens can
/// be classified once and patterns then test bits instead of comparing strings.
struct AlternativeTable: Sendable {
    private(set) var words: [String: Int] = [:]
    private(set) var prefixes: [String: Int] = [:]
    private(set) var maximumPrefixLength = 0
    private(set) var numberId: Int?
    private(set) var count = 0

    mutating func id(for alternative: Pattern.Alternative) -> Int {
        switch alternative {
        case .word(let w):
            if let id = words[w] { return id }
            words[w] = count
        case .prefix(let p):
            if let id = prefixes[p] { return id }
            prefixes[p] = count
            maximumPrefixLength = max(maximumPrefixLength, p.utf8.count)
        case .number:
            if let id = numberId { return id }
            numberId = count
        case .termClass:
            preconditionFailure("classes are tested per document, not per word")
        }
        count += 1
        return count - 1
    }

    /// The `{class}` names any pattern tests, each a bit of a 64-bit mask.
    private(set) var classBits: [String: Int] = [:]
    static let maximumClasses = 64

    /// Each step's `{class}` alternatives as a mask of class bits; nil when the patterns name too many classes.
    mutating func classMasks(for pattern: Pattern) -> [UInt64]? {
        var masks: [UInt64] = []
        for step in pattern.steps {
            var mask: UInt64 = 0
            for case .termClass(let name) in step.alternatives {
                if classBits[name] == nil {
                    guard classBits.count < Self.maximumClasses else { return nil }
                    classBits[name] = classBits.count
                }
                mask |= 1 << UInt64(classBits[name]!)
            }
            masks.append(mask)
        }
        return masks
    }

    /// The ids of the alternatives of each step of a pattern.
    mutating func ids(for pattern: Pattern) -> [[Int]] {
        pattern.steps.map { step in
            step.alternatives.compactMap { if case .termClass = $0 { nil } else { id(for: $0) } }
        }
    }
}

/// One document's tokens classified against the alternative table: a bit set per distinct token.
struct TokenClasses {
    let classOf: [Int32]
    let bits: [UInt64]
    let wordsPerClass: Int

    /// `names`: words of the parties' names, which match a pattern's words but never its prefixes ("Changepoint" is
    /// no "change*").
    init(tokens: [Token], table: AlternativeTable, names: [String: Party] = [:]) {
        wordsPerClass = max(1, (table.count + 63) / 64)
        var classes: [String: Int32] = [:]
        var classOf: [Int32] = []
        classOf.reserveCapacity(tokens.count)
        var bits: [UInt64] = []
        for token in tokens {
            if let c = classes[token.text] {
                classOf.append(c)
                continue
            }
            let c = Int32(classes.count)
            classes[token.text] = c
            classOf.append(c)
            let base = bits.count
            bits.append(contentsOf: repeatElement(0, count: wordsPerClass))
            func set(_ id: Int) { bits[base + id >> 6] |= 1 << UInt64(id & 63) }
            if let id = table.words[token.text] { set(id) }
            let utf8 = token.text.utf8
            let longest = names[token.text] != nil ? 0 : min(table.maximumPrefixLength, utf8.count)
            if longest > 0 {
                for k in 1...longest {
                    if let id = table.prefixes[String(decoding: utf8.prefix(k), as: UTF8.self)] { set(id) }
                }
            }
            if let id = table.numberId, token.isNumber { set(id) }
        }
        self.classOf = classOf
        self.bits = bits
    }
}
