import Foundation

/// An ally's knowledge item (a deal pattern, partnership, precedent, regulation or source), read
/// generically: its id, a title and summary, and its text fields for search and display.
public struct SharedKnowledgeItem: Hashable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    /// Every field holding text, by name, in name order (lists joined with "; ").
    public var fields: [Field]

    public struct Field: Hashable, Sendable {
        public var name: String
        public var text: String
    }

    init?(_ content: Data) {
        guard let object = (try? JSONSerialization.jsonObject(with: content)) as? [String: Any],
            let id = object["id"] as? String
        else { return nil }
        self.id = id
        title = (object["name"] as? String) ?? (object["title"] as? String) ?? id
        summary = (object["summary"] as? String) ?? (object["description"] as? String) ?? ""
        fields = object.keys.sorted().compactMap { name in
            guard !["id", "name", "title", "summary"].contains(name), let text = Self.text(object[name]) else {
                return nil
            }
            return Field(name: name, text: text)
        }
    }

    private static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string.isEmpty ? nil : string }
        if let list = value as? [Any] {
            let parts = list.compactMap { $0 as? String }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
        return nil
    }
}

/// An ally's evaluation results (the JSON of `fineprint eval labels|cuad --json`): the data set and
/// split, and its figures by name ("macro f1", "f1 audit_rights"…), to set beside ours.
public struct SharedEvaluation: Hashable, Sendable {
    public var dataset: String
    public var split: String
    public var documents: Int?
    public var figures: [Figure]

    public struct Figure: Hashable, Sendable {
        public var name: String
        public var value: Double
    }

    public init?(_ content: Data) {
        guard let object = (try? JSONSerialization.jsonObject(with: content)) as? [String: Any] else { return nil }
        dataset = object["dataset"] as? String ?? "unnamed data set"
        split = object["split"] as? String ?? ""
        documents = object["documents"] as? Int
        var figures: [Figure] = []
        if let macro = object["macro"] as? [String: Any] {
            for name in macro.keys.sorted() {
                if let value = macro[name] as? Double { figures.append(Figure(name: "macro \(name)", value: value)) }
            }
        }
        for provision in object["provisions"] as? [[String: Any]] ?? [] {
            if let id = provision["provision"] as? String, let f1 = provision["f1"] as? Double {
                figures.append(Figure(name: "f1 \(id)", value: f1))
            }
        }
        if let speed = object["millisecondsPerDocument"] as? Double {
            figures.append(Figure(name: "milliseconds per document", value: speed))
        }
        self.figures = figures
    }

    /// One row per figure of theirs, with ours beside it when our results have the same figure
    /// (compare only like with like: the same data set and split, which the caller shows).
    public func beside(ours: SharedEvaluation?) -> [(name: String, theirs: Double, ours: Double?)] {
        let mine = Dictionary((ours?.figures ?? []).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        return figures.map { ($0.name, $0.value, mine[$0.name]) }
    }
}
