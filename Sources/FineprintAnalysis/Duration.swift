import FineprintCore

/// A period of time as contracts state it: "72 hours", "thirty (30) days", "12 months".
struct Duration: Hashable, Sendable {
    var amount: Double
    var unit: PeriodUnit

    var inHours: Double { amount * unit.hours }

    var text: String {
        let number = amount == amount.rounded() ? String(Int(amount)) : String(amount)
        return "\(number) \(amount == 1 ? unit.singular : unit.rawValue)"
    }

    init(amount: Double, unit: PeriodUnit) {
        self.amount = amount
        self.unit = unit
    }
}
