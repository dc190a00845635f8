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

    init(amount: Double, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }
}

extension Duration.Unit {
    /// The unit a reading lexicon's `duration_units` key names ("business_days").
    init?(lexiconName: String) {
        self.init(rawValue: lexiconName.replacingOccurrences(of: "_", with: " "))
    }
}
