import FineprintCore
import Foundation

/// A document with gold labels: which provisions it contains and where.
public struct LabelledDocument: Sendable {
    public var name: String
    public var file: URL
    /// Provision id → the labelled clause texts (empty list: labelled absent).
    public var clauses: [String: [String]]

    public init(name: String, file: URL, clauses: [String: [String]]) {
        self.name = name
        self.file = file
        self.clauses = clauses
    }

    public func isPresent(_ provision: String) -> Bool { !(clauses[provision] ?? []).isEmpty }
}

/// Which part of a data set a document belongs to. The split is fixed: documents sorted by name,
/// every fifth (0-based positions 4, 9, 14…) is validation, never used for tuning or training.
public enum DataSplit: String, CaseIterable, Sendable {
    case dev, validation, all

    public static func assign(_ names: [String]) -> [String: DataSplit] {
        var out: [String: DataSplit] = [:]
        for (i, name) in names.sorted().enumerated() { out[name] = i % 5 == 4 ? .validation : .dev }
        return out
    }

    public func filter(_ documents: [LabelledDocument]) -> [LabelledDocument] {
        guard self != .all else { return documents }
        let assigned = Self.assign(documents.map(\.name))
        return documents.filter { assigned[$0.name] == self }
    }
}
