import FineprintCore
import Foundation

/// The staleness report as a document (`fineprint.stale/1`): what was asked, on which day, and the entries,
/// so a scheduler or a dashboard can read it without parsing the text form.
public struct StaleReport: Codable, Hashable, Sendable {
    public static let schema = "fineprint.stale/1"

    public var schema: String
    /// The day the ages were counted to (YYYY-MM-DD, UTC).
    public var asOf: String
    public var olderThanDays: Int
    public var entries: [StaleEntry]

    public init(asOf: String, olderThanDays: Int, entries: [StaleEntry]) {
        self.schema = Self.schema
        self.asOf = asOf
        self.olderThanDays = olderThanDays
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case schema, entries
        case asOf = "as_of"
        case olderThanDays = "older_than_days"
    }

    /// Builds the report for a knowledge base on a given day.
    public static func of(_ knowledge: KnowledgeBase, olderThan days: Int, today: Date = Date()) -> StaleReport {
        StaleReport(
            asOf: ISODate.string(from: today),
            olderThanDays: days,
            entries: KnowledgeStaleness.report(knowledge, olderThan: days, today: today)
        )
    }

    /// Pretty-printed JSON with sorted keys; missing dates and ages are written as null, not left out.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension StaleEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, id
        case lastChecked = "last_checked"
        case ageInDays = "age_in_days"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind),
            id: try c.decode(String.self, forKey: .id),
            lastChecked: try c.decodeIfPresent(String.self, forKey: .lastChecked),
            ageInDays: try c.decodeIfPresent(Int.self, forKey: .ageInDays)
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(id, forKey: .id)
        try c.encode(lastChecked, forKey: .lastChecked)
        try c.encode(ageInDays, forKey: .ageInDays)
    }
}

extension StaleEntry.Kind: Codable {}
