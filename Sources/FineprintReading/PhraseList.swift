import FineprintText

/// Word sequences looked up in tokens, longest first: definition markers, class phrases, defined terms.
struct PhraseList<Value> {
    private var byFirstWord: [String: [(words: [String], value: Value)]] = [:]

    init(_ entries: [(words: [String], value: Value)]) {
        for entry in entries {
            guard let first = entry.words.first else { continue }
            byFirstWord[first, default: []].append(entry)
        }
        for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.words.count > $1.words.count } }
    }

    /// A phrase's words as the tokenizer cuts them.
    static func words(_ phrase: String) -> [String] { Tokenizer.tokens(in: phrase).map(\.text) }

    /// The longest phrase starting at token `index`, with the index after it.
    func match(_ tokens: [Token], at index: Int) -> (value: Value, next: Int)? {
        guard index < tokens.count, let candidates = byFirstWord[tokens[index].text] else { return nil }
        for candidate in candidates where index + candidate.words.count <= tokens.count {
            if candidate.words.indices.allSatisfy({ tokens[index + $0].text == candidate.words[$0] }) {
                return (candidate.value, index + candidate.words.count)
            }
        }
        return nil
    }
}
