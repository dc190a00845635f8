import Foundation

/// Where the harvester keeps snapshots, items, revisions, decisions, source health and the fetch log. SQLite and
/// PostgreSQL implement it in FineprintStore; one contract test suite runs on both.
public protocol SignalStore: Sendable {
    /// Stores the bytes unless a snapshot with the same SHA-256 is held; true when it was new.
    func addSnapshot(_ snapshot: SignalSnapshot) async throws -> Bool
    func snapshot(sha256: String) async throws -> SignalSnapshot?
    /// Every snapshot of a source (or of all), oldest first, for re-parsing.
    func snapshots(source: String?) async throws -> [SignalSnapshot]

    func item(id: String) async throws -> SignalItem?
    /// Items of one source, one state, or all; newest change first.
    func items(source: String?, state: SignalState?) async throws -> [SignalItem]
    /// Inserts or replaces items, with the revisions that go with them, in one transaction.
    func saveItems(_ items: [SignalItem], revisions: [SignalRevision]) async throws
    /// Oldest first.
    func revisions(itemId: String) async throws -> [SignalRevision]

    /// Records a decision and moves the item to `state`, in one transaction; false when no item has that id.
    func decide(_ decision: SignalDecision, state: SignalState) async throws -> Bool
    /// Every decision on an item, or on all items; oldest first.
    func decisions(itemId: String?) async throws -> [SignalDecision]

    func health(source: String) async throws -> SourceHealth?
    func allHealth() async throws -> [SourceHealth]
    func saveHealth(_ health: SourceHealth) async throws
    func logAttempt(_ attempt: FetchAttempt) async throws
    /// The newest attempts first.
    func attempts(source: String?, limit: Int) async throws -> [FetchAttempt]
}

/// A store that can hand out its signal store (on the same database).
public protocol SignalStoreProvider {
    func signalStore() -> any SignalStore
}
