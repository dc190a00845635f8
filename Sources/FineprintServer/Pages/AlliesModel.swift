import FineprintShare
import FineprintStore
import Foundation

/// The allies' items page (view: allies.mustache): each publisher's items with their badge, the
/// items adopted with their provenance and any newer version, and the allies' evaluation figures.
struct AlliesModel: PageModel {
    static let template = "allies"
    let title = "Allies' items"

    struct ItemRow {
        var kind: String
        var reference: String
        /// PUBLISHER/KIND:ID, what adopting names.
        var adoptName: String
        var title: String
        var badge: String
        var link: String?
        var adoptable: Bool
        var judging: Bool
    }

    struct Publisher {
        var id: String
        var items: [ItemRow]
    }

    struct AdoptedRow {
        var kind: String
        var id: String
        var title: String
        var provenance: String
        var newer: String?
        var link: String?
    }

    struct EvaluationRow {
        var reference: String
        var dataset: String
        var badge: String
        var figures: [Figure]
    }

    struct Figure {
        var name: String
        var value: String
    }

    var publishers: [Publisher]
    var withdrawn: [ItemRow]
    var adopted: [AdoptedRow]
    var evaluations: [EvaluationRow]
    var isEmpty: Bool

    init(_ catalog: AlliedCatalog) {
        let rows =
            catalog.playbooks.map { Self.row($0) } + catalog.clauses.map { Self.row($0) }
            + catalog.moves.map { Self.row($0) } + catalog.knowledge.map { Self.row($0) }
            + catalog.standards.map { Self.row($0) } + catalog.evaluations.map { Self.row($0) }
            + catalog.analyses.map { Self.row($0) }
        publishers = Dictionary(grouping: rows) { String($0.adoptName.prefix { $0 != "/" }) }
            .map { Publisher(id: $0.key, items: $0.value) }
            .sorted { $0.id < $1.id }
        withdrawn = catalog.withdrawn.map { Self.row($0) }
        adopted = catalog.adopted.map { entry in
            AdoptedRow(
                kind: entry.item.kind,
                id: entry.item.id,
                title: entry.item.title,
                provenance: entry.provenance,
                newer: entry.newer?.summary,
                link: Self.link(kind: entry.item.kind, id: entry.item.id)
                    ?? AlliedItemModel.link(
                        publisher: entry.item.fromPublisher,
                        kind: entry.item.kind,
                        id: entry.item.fromId
                    )
            )
        }
        evaluations = catalog.evaluations.map { item in
            EvaluationRow(
                reference: item.reference,
                dataset: "\(item.value.dataset) \(item.value.split)".trimmingCharacters(in: .whitespaces)
                    + (item.value.documents.map { ", \($0) documents" } ?? ""),
                badge: item.origin.badge,
                figures: item.value.figures.map { Figure(name: $0.name, value: String(format: "%.3f", $0.value)) }
            )
        }
        isEmpty = catalog.isEmpty
    }

    private static func row<T>(_ item: AlliedItem<T>) -> ItemRow {
        ItemRow(
            kind: item.kind.rawValue,
            reference: item.reference,
            adoptName: "\(item.origin.publisher)/\(item.kind.rawValue):\(item.id)",
            title: item.title,
            badge: item.origin.badge,
            link: AlliedItemModel.link(publisher: item.origin.publisher, kind: item.kind.rawValue, id: item.id),
            adoptable: ShareAdopter.adoptableKinds.contains(item.kind),
            judging: item.kind == .playbook
        )
    }

    /// The knowledge page of a kind the knowledge base shows.
    private static func link(kind: String, id: String) -> String? {
        ["clause", "move", "playbook", "shared"].contains(kind) ? "/knowledge/\(kind)/\(id)" : nil
    }
}

/// The import page (view: allies-import.mustache): the upload form, then the preview.
struct ShareImportModel: PageModel {
    static let template = "allies-import"
    let title = "Import an ally's bundle"

    struct Signer {
        var fingerprint: String
        var verifiedVia: String
    }

    struct PlanRow {
        var action: String
        var item: String
        var version: Int
        var title: String
    }

    var maxSize: String
    var previewed: Bool
    var bundleId = ""
    var publisher = ""
    var createdAt = ""
    var signers: [Signer] = []
    var plan: [PlanRow] = []
    var warnings: [String] = []
    var alreadyImported = false
    var digest = ""

    init(maxSize: String, preview: VerifiedBundle? = nil, digest: String = "") {
        self.maxSize = maxSize
        previewed = preview != nil
        self.digest = digest
        guard let preview else { return }
        let predicate = preview.predicate
        bundleId = predicate.bundleId
        publisher = "\(predicate.publisher.name) (\(predicate.publisher.id), \(predicate.publisher.country))"
        createdAt = predicate.createdAt
        signers = preview.signers.map {
            Signer(fingerprint: SharePublicKey.grouped($0.fingerprint), verifiedVia: $0.verifiedVia)
        }
        plan = preview.plan.map {
            PlanRow(
                action: Self.describe($0.action),
                item: "\($0.item.kind):\($0.item.id)",
                version: $0.item.version,
                title: $0.item.title
            )
        }
        warnings = preview.warnings
        alreadyImported = preview.alreadyImported != nil
    }

    static func describe(_ action: ItemPlan.Action) -> String {
        switch action {
        case .add: return "new"
        case .update(let from): return "update from v\(from)"
        case .unchanged: return "unchanged"
        case .withdraw: return "withdrawn"
        }
    }
}
