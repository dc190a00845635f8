import FineprintCore
import FineprintShare
import Foundation

extension AlliedItemModel {
    /// The page of the newest version held of a publisher's item; nil for any publisher, kind or id
    /// we do not hold (the caller answers 404 alike, so the page tells nothing of what exists).
    static func find(
        publisher: String,
        kind raw: String,
        id: String,
        in catalog: AlliedCatalog,
        ours: [SharedEvaluation],
        taxonomy: Taxonomy
    ) -> AlliedItemModel? {
        guard let kind = ShareKind(rawValue: raw) else { return nil }
        let reference = "\(publisher):\(id)"
        func page<T>(
            _ items: [AlliedItem<T>],
            _ fill: (inout AlliedItemModel, AlliedItem<T>) -> Void
        ) -> AlliedItemModel? {
            guard let item = items.first(where: { $0.reference == reference }) else { return nil }
            var model = AlliedItemModel(kind: kind, id: id, title: item.title, origin: item.origin)
            fill(&model, item)
            return model
        }
        var model: AlliedItemModel?
        switch kind {
        case .clause: model = page(catalog.clauses) { $0.show($1.value) }
        case .move: model = page(catalog.moves) { $0.show($1.value) }
        case .knowledge: model = page(catalog.knowledge) { $0.show($1.value) }
        case .playbook:
            model = page(catalog.playbooks) {
                $0.show($1.value, carried: catalog.carriedPositions[reference]) { taxonomy.provision($0)?.name ?? $0 }
            }
        case .standard: model = page(catalog.standards) { $0.preformatted("Crosswalk (YAML, as signed)", $1.value) }
        case .evaluation: model = page(catalog.evaluations) { $0.show($1.value, ours: ours) }
        case .analysis: model = page(catalog.analyses) { $0.show($1.value) }
        }
        model = model ?? withdrawn(publisher: publisher, kind: kind, id: id, in: catalog)
        model?.adoptions = adoptions(publisher: publisher, kind: kind, id: id, in: catalog)
        model?.knowledgeLink = knowledgeLink(kind: kind, reference: reference)
        return model
    }

    private static func withdrawn(
        publisher: String,
        kind: ShareKind,
        id: String,
        in catalog: AlliedCatalog
    )
        -> AlliedItemModel?
    {
        catalog.withdrawn.first { $0.kind == kind && $0.reference == "\(publisher):\(id)" }.map {
            AlliedItemModel(kind: kind, id: id, title: $0.title, origin: $0.origin, withdrawn: true)
        }
    }

    /// Our adoptions of this item (any version), each with its provenance and newer version.
    private static func adoptions(
        publisher: String,
        kind: ShareKind,
        id: String,
        in catalog: AlliedCatalog
    )
        -> [Adoption]
    {
        catalog.adopted.filter {
            $0.item.fromPublisher == publisher && $0.item.kind == kind.rawValue && $0.item.fromId == id
        }.map { entry in
            Adoption(
                link: knowledgeLink(kind: kind, reference: entry.item.id),
                id: entry.item.id,
                provenance: entry.provenance,
                newer: entry.newer?.summary
            )
        }
    }

    /// Clauses, moves, playbooks and knowledge items also appear in the knowledge base.
    static func knowledgeLink(kind: ShareKind, reference: String) -> String? {
        switch kind {
        case .clause, .move, .playbook: return "/knowledge/\(kind.rawValue)/\(reference)"
        case .knowledge: return reference.contains(":") ? "/knowledge/shared/\(reference)" : nil
        default: return nil
        }
    }
}
