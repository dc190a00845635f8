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
    /// What was read (every item version and adoption), to tell whether anything changed.
    var signature = ""

    init() {}

    init(_ catalog: AlliedCatalog, corpus: Corpus, signature: String) {
        self.catalog = catalog
        self.signature = signature
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
        let items = try await ledger.sharedItems(publisher: nil)
        let adopted = try await ledger.adoptedItems()
        let signature =
            items.map { "\($0.publisher)/\($0.kind):\($0.id)@\($0.version)" }
            + adopted.map { "\($0.kind):\($0.id)<\($0.fromVersion)" }
        return AlliesSnapshot(
            AlliedCatalog(items: items, adopted: adopted),
            corpus: corpus,
            signature: signature.joined(separator: " ")
        )
    }

    /// Reads the ledger again; when anything changed, puts the allies' items into the choices and
    /// the knowledge index (a process without pages, a worker, only needs the choices).
    func refreshAllies() async throws {
        let snapshot = try await loadAllies()
        guard snapshot.signature != allies.snapshot.signature else { return }
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

    /// Before judging with `profile`: one neither ours nor held may have been imported or adopted
    /// since this process read the ledger (by the command line, or another server).
    func findAlliedPlaybook(_ profile: String?) async throws {
        guard let profile, corpus.playbook(profile) == nil, alliedPlaybook(profile) == nil else { return }
        try await refreshAllies()
    }
}
