import FineprintCore
import Foundation

/// One source or item whose last check is older than the report's limit (or that was never checked).
public struct StaleEntry: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case source, pattern, partnership, precedent, regulation
    }

    public var kind: Kind
    public var id: String
    /// The source's `last_checked`, or the item's `reviewed.on`; nil when a source was never checked.
    public var lastChecked: String?
    /// Days since `lastChecked`; nil when it is missing or not a date.
    public var ageInDays: Int?

    public init(kind: Kind, id: String, lastChecked: String?, ageInDays: Int?) {
        self.kind = kind
        self.id = id
        self.lastChecked = lastChecked
        self.ageInDays = ageInDays
    }
}

/// What in the knowledge base has not been looked at for a while. Facts about the world age: litigation
/// moves on, institutes are renamed, amendments change dates. Sources carry `last_checked`; items are
/// as fresh as their last review.
public enum KnowledgeStaleness {
    /// Entries last checked more than `days` days before `today`, oldest first (never-checked sources lead).
    public static func report(_ knowledge: KnowledgeBase, olderThan days: Int, today: Date = Date()) -> [StaleEntry] {
        let now = ISODate.string(from: today)
        func entry(_ kind: StaleEntry.Kind, _ id: String, _ checked: String?) -> StaleEntry? {
            guard let checked else { return StaleEntry(kind: kind, id: id, lastChecked: nil, ageInDays: nil) }
            guard let age = ISODate.days(from: checked, to: now) else {
                return StaleEntry(kind: kind, id: id, lastChecked: checked, ageInDays: nil)
            }
            return age > days ? StaleEntry(kind: kind, id: id, lastChecked: checked, ageInDays: age) : nil
        }
        var entries = knowledge.sources.compactMap { entry(.source, $0.id, $0.lastChecked) }
        entries += knowledge.patterns.compactMap { entry(.pattern, $0.id, $0.reviewed.on) }
        entries += knowledge.partnerships.compactMap { entry(.partnership, $0.id, $0.reviewed.on) }
        entries += knowledge.precedents.compactMap { entry(.precedent, $0.id, $0.reviewed.on) }
        entries += knowledge.regulations.compactMap { entry(.regulation, $0.id, $0.reviewed.on) }
        return entries.sorted { a, b in
            let ageA = a.ageInDays ?? Int.max
            let ageB = b.ageInDays ?? Int.max
            return ageA != ageB ? ageA > ageB : (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id)
        }
    }

    /// Reads an age limit written as days: "180d" or "180". Nil for anything else, zero or negative.
    public static func days(fromAge text: String) -> Int? {
        let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
        guard let value = Int(digits), value > 0 else { return nil }
        return value
    }
}
