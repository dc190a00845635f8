import FineprintCore
import FineprintCorpus
import Foundation

/// How the workbench uses the catalogue: the playbooks one can judge with, the items adopted as
/// ours, and lookups by reference.
extension AlliedCatalog {
    /// An ally's playbook made ready to judge with: its id becomes `publisher:id`, so the analysis
    /// records whose playbook it was, and its name says whose it is, which version and when signed.
    public static func judgingPlaybook(_ item: AlliedItem<Playbook>) -> Playbook {
        var playbook = item.value
        playbook.id = item.reference
        playbook.name =
            "\(item.value.name) (playbook of \(item.origin.publisher), v\(item.origin.version), signed \(item.origin.signedDay))"
        return playbook
    }

    /// The allies' playbooks that fit our taxonomy (one naming a provision or clause we do not know
    /// cannot judge a contract here), ready to judge with.
    public func judgingPlaybooks(corpus: Corpus) -> [Playbook] {
        playbooks.filter { CorpusValidator.validate(playbook: $0.value, in: corpus).isEmpty }.map(Self.judgingPlaybook)
    }

    /// The playbooks we adopted (under our own ids), that fit our taxonomy; each name says whose
    /// playbook it was, so a report judged by one still shows where its standard came from.
    public func adoptedPlaybooks(corpus: Corpus) -> [Playbook] {
        adopted.filter { $0.item.kind == ShareKind.playbook.rawValue }.compactMap { entry in
            guard var playbook = try? JSONDecoder().decode(Playbook.self, from: entry.item.content),
                CorpusValidator.validate(playbook: playbook, in: corpus).isEmpty
            else { return nil }
            playbook.name += " (adopted from \(entry.item.fromPublisher) v\(entry.item.fromVersion))"
            return playbook
        }
    }

    public var adoptedClauses: [ModelClause] { adoptedValues(ModelClause.self, kind: .clause) }
    public var adoptedMoves: [KillListMove] { adoptedValues(KillListMove.self, kind: .move) }

    private func adoptedValues<T: Decodable>(_ type: T.Type, kind: ShareKind) -> [T] {
        adopted.filter { $0.item.kind == kind.rawValue }.compactMap {
            try? JSONDecoder().decode(T.self, from: $0.item.content)
        }
    }

    /// A playbook to judge with by id: an adopted one (our id) or an ally's (`publisher:id`).
    public func playbook(_ id: String, corpus: Corpus) -> Playbook? {
        adoptedPlaybooks(corpus: corpus).first { $0.id == id } ?? judgingPlaybooks(corpus: corpus).first { $0.id == id }
    }

    /// The adopted entry of a kind and our id.
    public func adoptedEntry(kind: String, id: String) -> AdoptedEntry? {
        adopted.first { $0.item.kind == kind && $0.item.id == id }
    }
}
