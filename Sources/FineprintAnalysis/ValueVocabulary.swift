import FineprintCore
import FineprintText

/// One language's value words (ValueWords) as token sequences, ready to match against a document's tokens.
struct ValueVocabulary: Sendable {
    /// Unit phrases by their first token, longest first.
    let units: [String: [(words: [String], unit: PeriodUnit)]]
    let fillers: Set<String>
    let promptPhrases: [(words: [String], text: String)]
    let feeWords: Set<String>
    let paidWords: Set<String>
    let currencies: [String: String]
    let magnitudes: Set<String>
    let governingLawWords: Set<String>
    let arbitrationStems: [String]

    init(_ words: ValueWords) {
        var units: [String: [(words: [String], unit: PeriodUnit)]] = [:]
        for (name, phrases) in words.durationUnits {
            guard let unit = PeriodUnit(lexiconName: name) else { continue }
            for phrase in phrases {
                let tokens = Tokenizer.tokens(in: phrase).map(\.text)
                if let first = tokens.first { units[first, default: []].append((tokens, unit)) }
            }
        }
        self.units = units.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        fillers = Set(words.durationFillers.map { $0.lowercased() })
        promptPhrases = words.promptPhrases.map { (Tokenizer.tokens(in: $0).map(\.text), $0) }.filter {
            !$0.0.isEmpty
        }
        feeWords = Set(words.feeWords.map { $0.lowercased() })
        paidWords = Set(words.paidWords.map { $0.lowercased() })
        currencies = Dictionary(
            words.currencyWords.map { ($0.key.lowercased(), $0.value) },
            uniquingKeysWith: { a, _ in a }
        )
        magnitudes = Set(words.magnitudeWords.map { $0.lowercased() })
        governingLawWords = Set(words.governingLawWords.map { $0.lowercased() })
        arbitrationStems = words.arbitrationStems.map { $0.lowercased() }
    }

    /// The unit named at tokens[i] (after any fillers) and the index after it.
    func unit(_ tokens: [Token], at i: Int, upTo upper: Int) -> (unit: PeriodUnit, next: Int)? {
        var j = i
        while j < upper, fillers.contains(tokens[j].text) { j += 1 }
        guard j < upper, let candidates = units[tokens[j].text] else { return nil }
        for candidate in candidates where j + candidate.words.count <= upper {
            if (1..<candidate.words.count).allSatisfy({ tokens[j + $0].text == candidate.words[$0] }) {
                return (candidate.unit, j + candidate.words.count)
            }
        }
        return nil
    }

    /// The period written at tokens[i] ("thirty (30) calendar days") and the index after it.
    func period(_ tokens: [Token], at i: Int, upTo upper: Int) -> (duration: Duration, next: Int)? {
        guard let read = NumberWords.read(tokens, at: i, upTo: upper),
            let unit = unit(tokens, at: read.next, upTo: upper)
        else { return nil }
        return (Duration(amount: read.value, unit: unit.unit), unit.next)
    }

    /// The first duration in tokens[lower..<upper].
    func firstDuration(
        in tokens: [Token],
        from lower: Int,
        to upper: Int
    ) -> (duration: Duration, first: Int, next: Int)? {
        for i in lower..<max(lower, upper) where tokens[i].isNumber {
            if let found = period(tokens, at: i, upTo: upper) { return (found.duration, i, found.next) }
        }
        return nil
    }

    /// Parses a period as the corpus writes one ("72 hours", "1 year").
    func duration(_ text: String) -> Duration? {
        let tokens = Tokenizer.tokens(in: text)
        return period(tokens, at: 0, upTo: tokens.count)?.duration
    }
}
