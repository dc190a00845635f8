import FineprintCore
import FineprintCorpus
import Foundation

/// Finds what `kind:ID` arguments name in a corpus folder and turns it into outgoing items.
public struct CorpusItems: Sendable {
    public var corpusURL: URL

    public init(corpusURL: URL) { self.corpusURL = corpusURL }

    /// `clause:ID`, `playbook:ID`, `move:ID`, `knowledge:ID`, `standard:PATH` (a YAML file, e.g. under
    /// corpus/standards/) and `evaluation:FILE` (the JSON of `fineprint eval labels|cuad --json`).
    /// Analyses come from the store (`SharedAnalysis`), not from here.
    public func item(_ reference: String) throws -> OutgoingItem {
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ShareKind(rawValue: parts[0]), !parts[1].isEmpty else {
            let kinds = ShareKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ShareError.badItem("\"\(reference)\" is not KIND:ID with KIND one of \(kinds)")
        }
        let id = parts[1]
        switch kind {
        case .clause:
            let clause = try find(try corpus().clauses, id, kind)
            return try json(kind, id, clause.title, clause)
        case .playbook:
            let corpus = try corpus()
            let playbook = try find(corpus.playbooks, id, kind)
            return try json(kind, id, playbook.name, try SharedPlaybook.make(playbook, corpus: corpus))
        case .move:
            let move = try find(try corpus().moves, id, kind)
            return try json(kind, id, move.name, move)
        case .knowledge: return try knowledge(id)
        case .standard: return try file(kind, path: id, title: "standard crosswalk")
        case .evaluation: return try file(kind, path: id, title: "evaluation results")
        case .analysis: throw ShareError.badItem("analysis:ID items are read from the store (give --data-dir)")
        }
    }

    private func corpus() throws -> Corpus { try CorpusLoader.load(from: corpusURL) }

    private func find<T: Identifiable>(_ all: [T], _ id: String, _ kind: ShareKind) throws -> T where T.ID == String {
        guard let found = all.first(where: { $0.id == id }) else {
            throw ShareError.badItem("no \(kind.rawValue) \"\(id)\" in \(corpusURL.path)")
        }
        return found
    }

    private func json<T: Encodable>(_ kind: ShareKind, _ id: String, _ title: String, _ value: T) throws -> OutgoingItem
    {
        OutgoingItem(kind: kind, id: id, title: title, content: try CanonicalJSON.encode(value))
    }

    private func knowledge(_ id: String) throws -> OutgoingItem {
        let base = try KnowledgeLoader.load(fromCorpus: corpusURL)
        let candidates: [(String, any Encodable)] =
            base.patterns.map { ($0.id, $0) } + base.partnerships.map { ($0.id, $0) }
            + base.precedents.map { ($0.id, $0) }
            + base.regulations.map { ($0.id, $0) } + base.sources.map { ($0.id, $0) }
        guard let (_, value) = candidates.first(where: { $0.0 == id }) else {
            throw ShareError.badItem("no knowledge item \"\(id)\" in \(corpusURL.path)/knowledge")
        }
        return OutgoingItem(
            kind: .knowledge,
            id: id,
            title: "knowledge item \(id)",
            content: try CanonicalJSON.encode(value)
        )
    }

    /// A file item keeps its bytes; its id is the file name without extension.
    private func file(_ kind: ShareKind, path: String, title: String) throws -> OutgoingItem {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ShareError.badItem("cannot read \(path)")
        }
        let id = url.deletingPathExtension().lastPathComponent
        guard ItemIdentifier.isSafe(id) else {
            throw ShareError.badItem("the file name \(url.lastPathComponent) is not a safe item id")
        }
        let item = OutgoingItem(kind: kind, id: id, title: "\(title) \(id)", content: data)
        let entry = SharePredicate.Item(
            path: path,
            kind: kind.rawValue,
            id: id,
            namespace: "",
            version: 1,
            sequence: 0,
            withdrawn: false,
            schema: kind.schema,
            title: item.title
        )
        try ItemValidator.validate(entry, content: data)
        return item
    }
}
