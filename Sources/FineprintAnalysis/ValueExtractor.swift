import FineprintCore
import FineprintText

/// Reads the value a provision carries out of the sentence that evidences it.
struct ValueExtractor: Sendable {
    struct Value {
        var text: String
        var duration: Duration?
    }

    let jurisdictions: PhraseIndex<Jurisdiction>
    let institutions: PhraseIndex<String>
    let cities: PhraseIndex<String>
    /// Each language's value words; the first reading lexicon's serve a language without its own.
    let vocabularies: [String: ValueVocabulary]
    let defaultVocabulary: ValueVocabulary

    init(jurisdictions: [Jurisdiction], forums: ForumLexicon, reading: [ReadingLexicon]) {
        self.jurisdictions = PhraseIndex(jurisdictions.map { ($0.aliases + [$0.name.lowercased()], $0) })
        institutions = PhraseIndex(forums.institutions.map { ($0.aliases, $0.name) })
        cities = PhraseIndex(forums.cities.map { ($0.aliases, $0.name) })
        var vocabularies: [String: ValueVocabulary] = [:]
        for lexicon in reading { if let w = lexicon.valueWords { vocabularies[lexicon.language] = ValueVocabulary(w) } }
        self.vocabularies = vocabularies
        defaultVocabulary = ValueVocabulary(reading.lazy.compactMap(\.valueWords).first ?? .none)
    }

    func vocabulary(for language: String) -> ValueVocabulary { vocabularies[language] ?? defaultVocabulary }

    func value(
        _ kind: ValueKind,
        in tokens: [Token],
        sentence: Range<Int>,
        matchStart: Int,
        scalars: [Unicode.Scalar],
        language: String
    ) -> Value? {
        let words = vocabulary(for: language)
        switch kind {
        case .jurisdiction:
            return jurisdiction(in: tokens, sentence, words).map { Value(text: $0.name) }
        case .forum:
            return forum(in: tokens, sentence, words).map { Value(text: $0) }
        case .duration:
            return duration(in: tokens, sentence, after: matchStart, words)
        case .liabilityCap:
            return liabilityCap(in: tokens, sentence, scalars: scalars, words).map { Value(text: $0) }
        case .money:
            return money(in: tokens, sentence, scalars: scalars, words).first.map { Value(text: $0.text) }
        }
    }

    /// The jurisdiction named after "law(s) of", else the first one in the sentence.
    func jurisdiction(in tokens: [Token], _ sentence: Range<Int>, _ words: ValueVocabulary) -> Jurisdiction? {
        let found = jurisdictions.all(tokens, from: sentence.lowerBound, to: sentence.upperBound)
        guard !found.isEmpty else { return nil }
        if let lawIndex = (sentence.lowerBound..<sentence.upperBound).first(where: {
            words.governingLawWords.contains(tokens[$0].text)
        }), let after = found.first(where: { $0.first > lawIndex }) {
            return after.value
        }
        return found[0].value
    }

    func forum(in tokens: [Token], _ sentence: Range<Int>, _ vocabulary: ValueVocabulary) -> String? {
        let words = sentence.map { tokens[$0].text }
        let city = cities.all(tokens, from: sentence.lowerBound, to: sentence.upperBound).first?.value
        let place = jurisdictions.all(tokens, from: sentence.lowerBound, to: sentence.upperBound).first?.value.name
        if words.contains(where: { word in vocabulary.arbitrationStems.contains { word.hasPrefix($0) } }) {
            let institution = institutions.all(tokens, from: sentence.lowerBound, to: sentence.upperBound).first?.value
            var text = "arbitration"
            if let institution { text += " (\(institution))" }
            if let seat = city ?? place { text += ", \(seat)" }
            return text
        }
        if let place { return "courts of \(place)" }
        if let city { return "courts of \(city)" }
        return nil
    }

    func duration(
        in tokens: [Token],
        _ sentence: Range<Int>,
        after matchStart: Int,
        _ words: ValueVocabulary
    ) -> Value? {
        if let d = words.firstDuration(in: tokens, from: matchStart, to: sentence.upperBound)
            ?? words.firstDuration(in: tokens, from: sentence.lowerBound, to: sentence.upperBound)
        {
            return Value(text: d.duration.text, duration: d.duration)
        }
        for phrase in words.promptPhrases {
            var i = sentence.lowerBound
            while i + phrase.words.count <= sentence.upperBound {
                if (0..<phrase.words.count).allSatisfy({ tokens[i + $0].text == phrase.words[$0] }) {
                    return Value(text: phrase.text)
                }
                i += 1
            }
        }
        return nil
    }

    /// "fees paid in 12 months", "fees paid", "USD 1,000,000", or both joined by "or".
    func liabilityCap(
        in tokens: [Token],
        _ sentence: Range<Int>,
        scalars: [Unicode.Scalar],
        _ words: ValueVocabulary
    ) -> String? {
        var parts: [(position: Int, text: String)] = []
        for i in sentence where words.feeWords.contains(tokens[i].text) {
            let window = i..<min(i + 8, sentence.upperBound)
            guard window.contains(where: { words.paidWords.contains(tokens[$0].text) }) else { continue }
            var text = "fees paid"
            if let d = words.firstDuration(in: tokens, from: i, to: min(i + 25, sentence.upperBound)),
                d.duration.unit == .months || d.duration.unit == .years
            {
                let months = d.duration.unit == .years ? d.duration.amount * 12 : d.duration.amount
                text += " in \(Int(months)) months"
            }
            parts.append((i, text))
            break
        }
        for amount in money(in: tokens, sentence, scalars: scalars, words).prefix(1) {
            parts.append((amount.position, amount.text))
        }
        guard !parts.isEmpty else { return nil }
        return parts.sorted { $0.position < $1.position }.map(\.text).joined(separator: " or ")
    }

    static let currencySymbols: [Unicode.Scalar: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"]

    /// Sums of money: "$1,000,000", "EUR 500,000", "500 000 euros", "5 million dollars" (digits only are read).
    func money(
        in tokens: [Token],
        _ sentence: Range<Int>,
        scalars: [Unicode.Scalar],
        _ words: ValueVocabulary
    ) -> [(position: Int, text: String)] {
        var found: [(Int, String)] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            let token = tokens[i]
            guard Self.startsWithDigit(token.text) else {
                i += 1
                continue
            }
            var currency: String?
            // A symbol right before the digits.
            var k = token.start - 1
            while k >= 0 && scalars[k] == " " { k -= 1 }
            if k >= 0, let c = Self.currencySymbols[scalars[k]] { currency = c }
            if currency == nil, i > sentence.lowerBound, let c = words.currencies[tokens[i - 1].text] { currency = c }
            var text = token.text
            var next = i + 1
            // Thousands written in groups apart: "500 000".
            while next < sentence.upperBound, Self.isDigitGroup(tokens[next], after: tokens[next - 1], scalars) {
                text += " " + tokens[next].text
                next += 1
            }
            if next < sentence.upperBound, words.magnitudes.contains(tokens[next].text) {
                text += " " + tokens[next].text
                next += 1
            }
            if currency == nil, next < sentence.upperBound, let c = words.currencies[tokens[next].text] {
                currency = c
            }
            if let currency { found.append((i, "\(currency) \(text)")) }
            i = next
        }
        return found
    }

    static func startsWithDigit(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.value >= 0x30 && first.value <= 0x39
    }

    /// Three digits set apart from the digits before them by one space (or a no-break space) only.
    static func isDigitGroup(_ token: Token, after previous: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard token.text.count == 3, token.text.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }),
            startsWithDigit(previous.text), token.start == previous.end + 1
        else { return false }
        return [" ", "\u{00A0}", "\u{202F}"].contains(scalars[previous.end])
    }
}
