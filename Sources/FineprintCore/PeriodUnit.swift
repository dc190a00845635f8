/// The units a stated period is compared in, each under the name a reading lexicon's `duration_units` gives it.
public enum PeriodUnit: String, CaseIterable, Hashable, Sendable {
    case hours, days
    case businessDays = "business days"
    case weeks, months, years

    /// The `duration_units` key that names the unit ("business_days").
    public var lexiconName: String { String(rawValue.map { $0 == " " ? "_" : $0 }) }

    public init?(lexiconName: String) {
        self.init(rawValue: String(lexiconName.map { $0 == "_" ? " " : $0 }))
    }

    public var hours: Double {
        switch self {
        case .hours: 1
        case .days: 24
        case .businessDays: 24 * 7 / 5
        case .weeks: 24 * 7
        case .months: 24 * 30
        case .years: 24 * 365
        }
    }

    public var singular: String {
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
