import FineprintText

/// Finds named things (jurisdictions, institutions, cities) in token sequences, longest match first.
struct PhraseIndex<Value: Sendable>: Sendable {
    private var byFirstWord: [String: [(words: [String], value: Value)]] = [:]

    init(_ entries: [(aliases: [String], value: Value)]) {
        for entry in entries {
            for alias in entry.aliases {
                let words = Tokenizer.tokens(in: alias).map(\.text)
                guard let first = words.first else { continue }
                byFirstWord[first, default: []].append((words, entry.value))
            }
        }
        for key in byFirstWord.keys {
            byFirstWord[key]!.sort { $0.words.count > $1.words.count }
        }
    }

    /// The longest phrase starting at token `index`, with the index after it.
    func match(_ tokens: [Token], at index: Int, upTo upper: Int) -> (value: Value, next: Int)? {
        guard let candidates = byFirstWord[tokens[index].text] else { return nil }
        for candidate in candidates where index + candidate.words.count <= upper {
            var ok = true
            for (k, word) in candidate.words.enumerated() where tokens[index + k].text != word {
                ok = false
                break
            }
            if ok { return (candidate.value, index + candidate.words.count) }
        }
        return nil
    }

    /// All phrases in tokens[lower..<upper], left to right, not overlapping.
    func all(_ tokens: [Token], from lower: Int, to upper: Int) -> [(value: Value, first: Int, next: Int)] {
        var found: [(Value, Int, Int)] = []
        var i = lower
        while i < upper {
            if let m = match(tokens, at: i, upTo: upper) {
                found.append((m.value, i, m.next))
                i = m.next
            } else {
                i += 1
            }
        }
        return found
    }
}
