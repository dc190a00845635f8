import Synchronization

/// A small bounded cache of rendered pages. Entries are immutable once rendered (a stored
/// analysis never changes), so there is nothing to invalidate; when full, an arbitrary half is dropped.
final class RenderCache: Sendable {
    private let entries = Mutex<[Int64: String]>([:])
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(_ key: Int64) -> String? { entries.withLock { $0[key] } }

    func store(_ value: String, for key: Int64) {
        entries.withLock { dict in
            if dict.count >= capacity {
                for k in dict.keys.prefix(capacity / 2) { dict.removeValue(forKey: k) }
            }
            dict[key] = value
        }
    }
}
