import FineprintCore
import FineprintShare
import FineprintStore
import Foundation
import Synchronization

/// What the workbench holds of the allies' items: the catalogue and the playbooks it adds to the
/// choices, read from the share ledger at start-up and again after each import or adoption.
struct AlliesSnapshot: Sendable {
    var catalog = AlliedCatalog()
    /// Adopted playbooks (our ids), then the allies' (`publisher:id`), each fitting our taxonomy.
    var playbooks: [Playbook] = []

    init() {}

    init(_ catalog: AlliedCatalog, corpus: Corpus) {
        self.catalog = catalog
        playbooks = catalog.adoptedPlaybooks(corpus: corpus) + catalog.judgingPlaybooks(corpus: corpus)
    }
}

/// Holds the current snapshot (replaced whole, read by every request that needs it).
final class AlliesSlot: Sendable {
    private let value = Mutex(AlliesSnapshot())
    var snapshot: AlliesSnapshot { value.withLock { $0 } }
    func fill(_ snapshot: AlliesSnapshot) { value.withLock { $0 = snapshot } }
}

extension WebWorkbench {
    /// The store's share ledger; nil for a store that keeps none.
    var shareLedger: (any ShareLedger)? { (store as? any ShareLedgerStore)?.shareLedger() }

    func loadAllies() async throws -> AlliesSnapshot {
        guard let ledger = shareLedger else { return AlliesSnapshot() }
        let catalog = AlliedCatalog(
            items: try await ledger.sharedItems(publisher: nil),
            adopted: try await ledger.adoptedItems()
        )
        return AlliesSnapshot(catalog, corpus: corpus)
    }

    /// Reads the ledger again and puts the allies' items into the knowledge index and the choices.
    func refreshAllies() async throws {
        let snapshot = try await loadAllies()
        allies.fill(snapshot)
        guard let site = startup.site else { return }
        var catalog = site.catalog
        catalog.allies = snapshot.catalog
        try await store.replaceKnowledge(catalog.entries)
        startup.fill(Site(pages: site.pages, catalog: catalog))
        knowledgePages.forgetAll()
        knowledgeAnswers.forgetAll()
    }

    /// A playbook we can judge with that is not in the corpus: adopted, or an ally's.
    func alliedPlaybook(_ id: String) -> Playbook? {
        allies.snapshot.playbooks.first { $0.id == id }
    }
}
