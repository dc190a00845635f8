import FineprintCore
import FineprintStore
import Foundation

/// One of an ally's items as the workbench uses it: the newest version held, decoded, with its origin.
public struct AlliedItem<Value: Sendable>: Sendable {
    public var kind: ShareKind
    /// The ally's id, inside the publisher's namespace.
    public var id: String
    public var title: String
    public var value: Value
    public var origin: ShareOrigin

    /// How the workbench names it: `publisher:id` (our own items never contain a colon).
    public var reference: String { "\(origin.publisher):\(id)" }
}

/// Everything imported from allies, in the form the workbench shows and uses: for each publisher's
/// item the newest version held (a withdrawn newest version takes the item out of use), and the
/// items we adopted into our own namespace, each with whether a newer version has arrived since.
///
/// Pure: made from the ledger's rows; the CLI and the web app read the rows and build this.
public struct AlliedCatalog: Sendable {
    public private(set) var playbooks: [AlliedItem<Playbook>] = []
    public private(set) var clauses: [AlliedItem<ModelClause>] = []
    public private(set) var moves: [AlliedItem<KillListMove>] = []
    public private(set) var knowledge: [AlliedItem<SharedKnowledgeItem>] = []
    public private(set) var standards: [AlliedItem<String>] = []
    public private(set) var evaluations: [AlliedItem<SharedEvaluation>] = []
    /// Shared analyses are listed, not used: they are another government's reviewed findings.
    public private(set) var analyses: [AlliedItem<SharedAnalysis>] = []
    /// Items whose newest version is a withdrawal.
    public private(set) var withdrawn: [AlliedItem<Void>] = []
    public private(set) var adopted: [AdoptedEntry] = []
    /// What each ally's playbook carries for its positions, by reference (`publisher:id`); absent
    /// for playbooks from bundles made before positions travelled whole.
    public private(set) var carriedPositions: [String: CarriedPositions] = [:]

    public init() {}

    public init(items: [SharedItem], adopted: [AdoptedItem]) {
        let newest = Self.newestVersions(items)
        for item in newest { add(item) }
        self.adopted = adopted.map { AdoptedEntry(item: $0, newer: NewerVersion.find(for: $0, in: items)) }
    }

    /// The newest version of each (publisher, kind, id).
    static func newestVersions(_ items: [SharedItem]) -> [SharedItem] {
        var newest: [String: SharedItem] = [:]
        for item in items {
            let key = "\(item.publisher)\u{0}\(item.kind)\u{0}\(item.id)"
            if let held = newest[key], held.version >= item.version { continue }
            newest[key] = item
        }
        return newest.values.sorted { ($0.publisher, $0.kind, $0.id) < ($1.publisher, $1.kind, $1.id) }
    }

    private mutating func add(_ item: SharedItem) {
        guard let kind = ShareKind(rawValue: item.kind) else { return }
        let origin = ShareOrigin(item)
        func wrap<T>(_ value: T) -> AlliedItem<T> {
            AlliedItem(kind: kind, id: item.id, title: item.title, value: value, origin: origin)
        }
        if item.withdrawn {
            withdrawn.append(wrap(()))
            return
        }
        // Every item passed check 11 on import; one that no longer decodes (a newer schema of
        // ours) is left out rather than shown half-read.
        let decoder = JSONDecoder()
        switch kind {
        case .playbook:
            guard let shared = try? decoder.decode(SharedPlaybook.self, from: item.content) else { return }
            playbooks.append(wrap(shared.playbook))
            carriedPositions["\(item.publisher):\(item.id)"] = shared.carried
        case .clause: (try? decoder.decode(ModelClause.self, from: item.content)).map { clauses.append(wrap($0)) }
        case .move: (try? decoder.decode(KillListMove.self, from: item.content)).map { moves.append(wrap($0)) }
        case .knowledge: SharedKnowledgeItem(item.content).map { knowledge.append(wrap($0)) }
        case .standard: String(data: item.content, encoding: .utf8).map { standards.append(wrap($0)) }
        case .evaluation: SharedEvaluation(item.content).map { evaluations.append(wrap($0)) }
        case .analysis:
            (try? decoder.decode(SharedAnalysis.self, from: item.content)).map { analyses.append(wrap($0)) }
        }
    }

    public var isEmpty: Bool {
        playbooks.isEmpty && clauses.isEmpty && moves.isEmpty && knowledge.isEmpty && standards.isEmpty
            && evaluations.isEmpty && analyses.isEmpty && withdrawn.isEmpty && adopted.isEmpty
    }

    /// The publishers whose items are held, sorted.
    public var publishers: [String] {
        let all =
            playbooks.map(\.origin.publisher) + clauses.map(\.origin.publisher) + moves.map(\.origin.publisher)
            + knowledge.map(\.origin.publisher) + standards.map(\.origin.publisher)
            + evaluations.map(\.origin.publisher) + analyses.map(\.origin.publisher)
        return Array(Set(all)).sorted()
    }
}
