import FineprintCore

/// A period of time as contracts state it: "72 hours", "thirty (30) days", "12 months".
struct Duration: Hashable, Sendable {
    typealias Unit = PeriodUnit

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
