import FineprintCore
import FineprintShare
import FineprintStore
import Foundation

/// The allies' items in the knowledge base: each ally's clauses, moves, playbooks and knowledge
/// items under `publisher:id` (their own namespace), and the items we adopted under our ids, every
/// one marked with who signed it, which version and when.
extension KnowledgeCatalog {
    var alliedEntries: [KnowledgeEntry] {
        let clauses = allies.clauses.map { clauseEntry($0.value, id: $0.reference, origin: $0.origin) }
        let moves = allies.moves.map { moveEntry($0.value, id: $0.reference, origin: $0.origin) }
        let playbooks = allies.playbooks.map { playbookEntry($0.value, id: $0.reference, origin: $0.origin) }
        let shared = allies.knowledge.map { item in
            KnowledgeEntry(
                kind: "shared",
                id: item.reference,
                title: item.value.title,
                summary: item.value.summary,
                body: item.value.fields.map(\.text).joined(separator: "\n"),
                tags: ["ally:\(item.origin.publisher)"]
            )
        }
        return clauses + moves + playbooks + shared + adoptedEntries
    }

    /// Adopted clauses, moves and playbooks, as ours (plain ids) but tagged with their origin.
    private var adoptedEntries: [KnowledgeEntry] {
        allies.adopted.compactMap { entry in
            let item = entry.item
            let origin = entry.origin
            switch item.kind {
            case "clause": return decode(ModelClause.self, item).map { clauseEntry($0, id: item.id, origin: origin) }
            case "move": return decode(KillListMove.self, item).map { moveEntry($0, id: item.id, origin: origin) }
            case "playbook": return decode(Playbook.self, item).map { playbookEntry($0, id: item.id, origin: origin) }
            default: return nil
            }
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ item: AdoptedItem) -> T? {
        try? JSONDecoder().decode(T.self, from: item.content)
    }

    private func clauseEntry(_ c: ModelClause, id: String, origin: ShareOrigin) -> KnowledgeEntry {
        KnowledgeEntry(
            kind: "clause",
            id: id,
            title: c.title,
            summary: Format.snippet(c.text, limit: 200),
            body: c.text + "\n" + (c.notes ?? ""),
            tags: ["ally:\(origin.publisher)"] + c.provides + c.counters + c.mitigates
        )
    }

    private func moveEntry(_ m: KillListMove, id: String, origin: ShareOrigin) -> KnowledgeEntry {
        KnowledgeEntry(
            kind: "move",
            id: id,
            title: m.name,
            summary: m.summary,
            body: m.mechanism,
            tags: ["ally:\(origin.publisher)", m.severity.rawValue] + m.reveals
        )
    }

    private func playbookEntry(_ p: Playbook, id: String, origin: ShareOrigin) -> KnowledgeEntry {
        KnowledgeEntry(
            kind: "playbook",
            id: id,
            title: p.name,
            summary: p.description,
            body: p.requirements.map(\.provision).joined(separator: "\n"),
            tags: ["ally:\(origin.publisher)"]
        )
    }

    /// The badge of an ally's or adopted item in search results; nil for our own.
    func sharedBadge(kind: String, id: String) -> String? {
        if let origin = alliedOrigin(kind: kind, id: id) { return origin.badge }
        return adopted(kind: kind, id: id).map { "adopted from " + $0.origin.badge }
    }

    private func alliedOrigin(kind: String, id: String) -> ShareOrigin? {
        switch kind {
        case "clause": return allies.clauses.first { $0.reference == id }?.origin
        case "move": return allies.moves.first { $0.reference == id }?.origin
        case "playbook": return allies.playbooks.first { $0.reference == id }?.origin
        case "shared": return allies.knowledge.first { $0.reference == id }?.origin
        default: return nil
        }
    }

    private func adopted(kind: String, id: String) -> AdoptedEntry? {
        guard !id.contains(":") else { return nil }
        return allies.adoptedEntry(kind: kind, id: id)
    }
}

/// The detail pages of allies' and adopted items: the same sections as ours, with the origin badge.
extension KnowledgeCatalog {
    func alliedDetail(kind: String, id: String) -> KnowledgeEntryModel? {
        let page = DetailPage(kind: kind, id: id, catalog: self)
        if let adopted = adopted(kind: kind, id: id) {
            var model = adoptedModel(adopted, page)
            model?.badge = "adopted from " + adopted.origin.badge
            model?.provenance = adopted.provenance
            model?.newer = adopted.newer?.summary
            model?.signedItem = AlliedItemModel.link(
                publisher: adopted.item.fromPublisher,
                kind: adopted.item.kind,
                id: adopted.item.fromId
            )
            return model
        }
        var model: KnowledgeEntryModel?
        switch kind {
        case "clause": model = allies.clauses.first { $0.reference == id }.map { clauseDetail($0.value, page) }
        case "move": model = allies.moves.first { $0.reference == id }.map { moveDetail($0.value, page) }
        case "playbook": model = allies.playbooks.first { $0.reference == id }.map { playbookDetail($0.value, page) }
        case "shared": model = allies.knowledge.first { $0.reference == id }.map { sharedDetail($0.value, page) }
        default: return nil
        }
        let origin = alliedOrigin(kind: kind, id: id)
        model?.badge = origin?.badge
        model?.signedItem = origin.map {
            AlliedItemModel.link(
                publisher: $0.publisher,
                kind: kind == "shared" ? ShareKind.knowledge.rawValue : kind,
                id: String(id.dropFirst($0.publisher.count + 1))
            )
        }
        return model
    }

    private func adoptedModel(_ entry: AdoptedEntry, _ page: DetailPage) -> KnowledgeEntryModel? {
        switch entry.item.kind {
        case "clause": return decode(ModelClause.self, entry.item).map { clauseDetail($0, page) }
        case "move": return decode(KillListMove.self, entry.item).map { moveDetail($0, page) }
        case "playbook": return decode(Playbook.self, entry.item).map { playbookDetail($0, page) }
        default: return nil
        }
    }

    func playbookDetail(_ p: Playbook, _ page: DetailPage) -> KnowledgeEntryModel {
        let requirements = p.requirements.map { r in
            "\(page.names.provision(r.provision)): \(r.level.rawValue), weight \(r.weight)"
                + (r.minimumStrength.map { ", at least \($0.rawValue)" } ?? "")
        }
        let sections = [
            page.section("Requirements", items: requirements),
            page.section("Negotiation positions", Self.positionsLine(p)),
        ]
        return page.model(p.name, p.description, sections)
    }

    /// Whether the positions came with the playbook (shown whole on the signed item page) or by a set's name.
    static func positionsLine(_ p: Playbook) -> String {
        if let set = p.positions { return "Position set: \(set)" }
        let carried = p.requirements.filter { $0.position != nil }.count
        guard carried > 0 else { return "" }
        return
            "\(carried) of \(p.requirements.count) requirements carry their own position (each shown whole on the signed item page)."
    }

    func sharedDetail(_ item: SharedKnowledgeItem, _ page: DetailPage) -> KnowledgeEntryModel {
        let sections = item.fields.map { page.section($0.name, $0.text) }
        return page.model(item.title, item.summary, sections)
    }
}
