/// A period as the analyzer writes a duration value ("72 hours", "30 days", "2 business days") and as a
/// crosswalk states a bound, compared in hours.
public struct PeriodValue: Hashable, Sendable {
    public var hours: Double

    public init(hours: Double) { self.hours = hours }

    /// Hours per unit; months and years at their usual contract lengths (30 and 365 days).
    private static let unitHours: [(names: [String], hours: Double)] = [
        (["hour", "hours"], 1),
        (["business day", "business days", "working day", "working days"], 24 * 7 / 5),
        (["day", "days", "calendar day", "calendar days"], 24),
        (["week", "weeks"], 24 * 7),
        (["month", "months"], 24 * 30),
        (["year", "years"], 24 * 365),
    ]

    /// Reads "N unit"; nil for anything else (no number, an unknown unit, a negative amount).
    public init?(_ text: String) {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard words.count >= 2, let amount = Double(words[0]), amount >= 0, amount.isFinite else { return nil }
        let unit = words.dropFirst().joined(separator: " ")
        guard let match = Self.unitHours.first(where: { $0.names.contains(unit) }) else { return nil }
        hours = amount * match.hours
    }
}
