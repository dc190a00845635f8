import FineprintText

/// A period of time as contracts state it: "72 hours", "thirty (30) days", "12 months".
struct Duration: Hashable, Sendable {
    enum Unit: String, Sendable {
        case hours, days
        case businessDays = "business days"
        case weeks, months, years

        var hours: Double {
            switch self {
            case .hours: 1
            case .days: 24
            case .businessDays: 24 * 7 / 5
            case .weeks: 24 * 7
            case .months: 24 * 30
            case .years: 24 * 365
            }
        }

        var singular: String {
            switch self {
            case .hours: "hour"
            case .days: "day"
            case .businessDays: "business day"
            case .weeks: "week"
            case .months: "month"
            case .years: "year"
            }
        }
    }

    var amount: Double
    var unit: Unit

    var inHours: Double { amount * unit.hours }

    var text: String {
        let number = amount == amount.rounded() ? String(Int(amount)) : String(amount)
        return "\(number) \(amount == 1 ? unit.singular : unit.rawValue)"
    }

    /// Parses "72 hours", "90 days", "1 year".
    init?(_ text: String) {
        let tokens = Tokenizer.tokens(in: text)
        guard let read = NumberWords.read(tokens, at: 0, upTo: tokens.count),
            let unit = Self.unit(tokens, at: read.next, upTo: tokens.count)
        else { return nil }
        amount = read.value
        self.unit = unit.unit
    }

    init(amount: Double, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    static func unit(_ tokens: [Token], at i: Int, upTo upper: Int) -> (unit: Unit, next: Int)? {
        guard i < upper else { return nil }
        var j = i
        // "30 calendar days", "five (5) full business days"
        while j < upper, ["calendar", "full", "consecutive", "clear"].contains(tokens[j].text) { j += 1 }
        guard j < upper else { return nil }
        let word = tokens[j].text
        if word == "business" || word == "working", j + 1 < upper, tokens[j + 1].text.hasPrefix("day") {
            return (.businessDays, j + 2)
        }
        switch word {
        case "hour", "hours", "hrs", "h": return (.hours, j + 1)
        case "day", "days": return (.days, j + 1)
        case "week", "weeks": return (.weeks, j + 1)
        case "month", "months": return (.months, j + 1)
        case "year", "years": return (.years, j + 1)
        default: return nil
        }
    }

    /// The first duration in tokens[lower..<upper].
    static func first(
        in tokens: [Token],
        from lower: Int,
        to upper: Int
    ) -> (duration: Duration, first: Int, next: Int)? {
        var i = lower
        while i < upper {
            if tokens[i].isNumber, let read = NumberWords.read(tokens, at: i, upTo: upper),
                let unit = unit(tokens, at: read.next, upTo: upper)
            {
                return (Duration(amount: read.value, unit: unit.unit), i, unit.next)
            }
            i += 1
        }
        return nil
    }
}
