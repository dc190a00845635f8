import FineprintCore
import FineprintCorpus
import Foundation

/// How the workbench uses the catalogue: the playbooks one can judge with, the items adopted as
/// ours, and lookups by reference.
extension AlliedCatalog {
    /// An ally's playbook made ready to judge with: its id becomes `publisher:id`, so the analysis
    /// records whose playbook it was, and its name says whose it is, which version and when signed.
    /// The positions it carries keep the publisher's wording: each preferred clause it carries is
    /// asked for as `publisher:clause` (see `judgingCorpus`).
    public static func judgingPlaybook(_ item: AlliedItem<Playbook>, carried: CarriedPositions? = nil) -> Playbook {
        var playbook = item.value
        playbook.id = item.reference
        playbook.name =
            "\(item.value.name) (playbook of \(item.origin.publisher), v\(item.origin.version), signed \(item.origin.signedDay))"
        if let carried {
            playbook.requirements = carried.namespacing(playbook.requirements, publisher: item.origin.publisher)
        }
        return playbook
    }

    /// The allies' playbooks that fit our taxonomy (one naming a provision or clause we do not know
    /// cannot judge a contract here), ready to judge with.
    public func judgingPlaybooks(corpus: Corpus) -> [Playbook] {
        playbooks.compactMap { item in
            let playbook = Self.judgingPlaybook(item, carried: carriedPositions[item.reference])
            let judging = judgingCorpus(for: playbook.id, base: corpus)
            return CorpusValidator.validate(playbook: playbook, in: judging).isEmpty ? playbook : nil
        }
    }

    /// The playbooks we adopted (under our own ids), that fit our taxonomy; each name says whose
    /// playbook it was, so a report judged by one still shows where its standard came from.
    public func adoptedPlaybooks(corpus: Corpus) -> [Playbook] {
        adopted.filter { $0.item.kind == ShareKind.playbook.rawValue }.compactMap { entry in
            guard let shared = try? JSONDecoder().decode(SharedPlaybook.self, from: entry.item.content) else {
                return nil
            }
            var playbook = shared.playbook
            playbook.name += " (adopted from \(entry.item.fromPublisher) v\(entry.item.fromVersion))"
            if let carried = shared.carried {
                playbook.requirements = carried.namespacing(playbook.requirements, publisher: entry.item.fromPublisher)
            }
            let judging = judgingCorpus(for: playbook.id, base: corpus)
            return CorpusValidator.validate(playbook: playbook, in: judging).isEmpty ? playbook : nil
        }
    }

    /// The corpus to judge and negotiate with under a playbook: ours, plus, for an ally's or an
    /// adopted playbook whose positions travelled whole, the clauses, standards and sources they
    /// cite, the clauses as `publisher:id` titled "… (publisher vN)" so every ask shows its origin.
    public func judgingCorpus(for playbookId: String, base: Corpus) -> Corpus {
        if let item = playbooks.first(where: { $0.reference == playbookId }),
            let carried = carriedPositions[playbookId]
        {
            return carried.adding(to: base, publisher: item.origin.publisher, version: item.origin.version)
        }
        if let entry = adoptedEntry(kind: ShareKind.playbook.rawValue, id: playbookId),
            let carried = (try? JSONDecoder().decode(SharedPlaybook.self, from: entry.item.content))?.carried
        {
            return carried.adding(to: base, publisher: entry.item.fromPublisher, version: entry.item.fromVersion)
        }
        return base
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
