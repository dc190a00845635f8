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

    init(jurisdictions: [Jurisdiction], forums: ForumLexicon) {
        self.jurisdictions = PhraseIndex(jurisdictions.map { ($0.aliases + [$0.name.lowercased()], $0) })
        institutions = PhraseIndex(forums.institutions.map { ($0.aliases, $0.name) })
        cities = PhraseIndex(forums.cities.map { ($0.aliases, $0.name) })
    }

    func value(
        _ kind: ValueKind,
        in tokens: [Token],
        sentence: Range<Int>,
        matchStart: Int,
        scalars: [Unicode.Scalar]
    ) -> Value? {
        switch kind {
        case .jurisdiction:
            return jurisdiction(in: tokens, sentence).map { Value(text: $0.name) }
        case .forum:
            return forum(in: tokens, sentence).map { Value(text: $0) }
        case .duration:
            return duration(in: tokens, sentence, after: matchStart)
        case .liabilityCap:
            return liabilityCap(in: tokens, sentence, scalars: scalars).map { Value(text: $0) }
        case .money:
            return money(in: tokens, sentence, scalars: scalars).first.map { Value(text: $0.text) }
        }
    }

    /// The jurisdiction named after "law(s) of", else the first one in the sentence.
    func jurisdiction(in tokens: [Token], _ sentence: Range<Int>) -> Jurisdiction? {
        let found = jurisdictions.all(tokens, from: sentence.lowerBound, to: sentence.upperBound)
        guard !found.isEmpty else { return nil }
        if let lawIndex = (sentence.lowerBound..<sentence.upperBound).first(where: {
            tokens[$0].text == "law" || tokens[$0].text == "laws"
        }), let after = found.first(where: { $0.first > lawIndex }) {
            return after.value
        }
        return found[0].value
    }

    func forum(in tokens: [Token], _ sentence: Range<Int>) -> String? {
        let words = sentence.map { tokens[$0].text }
        let city = cities.all(tokens, from: sentence.lowerBound, to: sentence.upperBound).first?.value
        let place = jurisdictions.all(tokens, from: sentence.lowerBound, to: sentence.upperBound).first?.value.name
        if words.contains(where: { $0.hasPrefix("arbitra") }) {
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

    static let promptPhrases: [(words: [String], text: String)] = [
        (["without", "undue", "delay"], "without undue delay"),
        (["immediately"], "immediately"),
        (["promptly"], "promptly"),
        (["as", "soon", "as", "practicable"], "as soon as practicable"),
        (["as", "soon", "as", "possible"], "as soon as possible"),
    ]

    func duration(in tokens: [Token], _ sentence: Range<Int>, after matchStart: Int) -> Value? {
        if let d = Duration.first(in: tokens, from: matchStart, to: sentence.upperBound)
            ?? Duration.first(in: tokens, from: sentence.lowerBound, to: sentence.upperBound)
        {
            return Value(text: d.duration.text, duration: d.duration)
        }
        for phrase in Self.promptPhrases {
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

    static let feeWords: Set<String> = [
        "fees", "fee", "amounts", "amount", "charges", "sums", "price", "consideration", "payments", "compensation",
    ]
    static let paidWords: Set<String> = ["paid", "payable", "received", "due"]

    /// "fees paid in 12 months", "fees paid", "USD 1,000,000", or both joined by "or".
    func liabilityCap(in tokens: [Token], _ sentence: Range<Int>, scalars: [Unicode.Scalar]) -> String? {
        var parts: [(position: Int, text: String)] = []
        for i in sentence where Self.feeWords.contains(tokens[i].text) {
            let window = i..<min(i + 8, sentence.upperBound)
            guard window.contains(where: { Self.paidWords.contains(tokens[$0].text) }) else { continue }
            var text = "fees paid"
            if let d = Duration.first(in: tokens, from: i, to: min(i + 25, sentence.upperBound)),
                d.duration.unit == .months || d.duration.unit == .years
            {
                let months = d.duration.unit == .years ? d.duration.amount * 12 : d.duration.amount
                text += " in \(Int(months)) months"
            }
            parts.append((i, text))
            break
        }
        for amount in money(in: tokens, sentence, scalars: scalars).prefix(1) {
            parts.append((amount.position, amount.text))
        }
        guard !parts.isEmpty else { return nil }
        return parts.sorted { $0.position < $1.position }.map(\.text).joined(separator: " or ")
    }

    static let currencyWords: [String: String] = [
        "usd": "USD", "dollars": "USD", "dollar": "USD", "eur": "EUR", "euros": "EUR", "euro": "EUR",
        "gbp": "GBP", "pounds": "GBP", "chf": "CHF", "cad": "CAD", "aud": "AUD", "jpy": "JPY",
    ]
    static let currencySymbols: [Unicode.Scalar: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"]

    /// Sums of money: "$1,000,000", "EUR 500,000", "five million dollars" (digits only are read).
    func money(in tokens: [Token], _ sentence: Range<Int>, scalars: [Unicode.Scalar]) -> [(position: Int, text: String)]
    {
        var found: [(Int, String)] = []
        for i in sentence {
            let token = tokens[i]
            guard let first = token.text.unicodeScalars.first, first.value >= 0x30 && first.value <= 0x39 else {
                continue
            }
            var currency: String?
            // A symbol right before the digits.
            var k = token.start - 1
            while k >= 0 && scalars[k] == " " { k -= 1 }
            if k >= 0, let c = Self.currencySymbols[scalars[k]] { currency = c }
            if currency == nil, i > sentence.lowerBound, let c = Self.currencyWords[tokens[i - 1].text] { currency = c }
            var text = token.text
            var next = i + 1
            if next < sentence.upperBound, ["million", "billion", "thousand"].contains(tokens[next].text) {
                text += " " + tokens[next].text
                next += 1
            }
            if currency == nil, next < sentence.upperBound, let c = Self.currencyWords[tokens[next].text] {
                currency = c
            }
            guard let currency else { continue }
            found.append((i, "\(currency) \(text)"))
        }
        return found
    }
}
