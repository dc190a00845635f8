import NIOCore
import Synchronization

/// A small bounded cache of rendered pages, kept as byte buffers so a hit is sent without copying
/// (ByteBuffer is copy-on-write). Entries are immutable once rendered (a stored analysis never
/// changes, and the knowledge index is fixed for the life of the process); a deleted analysis's
/// page is removed. When full, an arbitrary half is dropped.
final class RenderCache<Key: Hashable & Sendable>: Sendable {
    private let entries = Mutex<[Key: ByteBuffer]>([:])
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(_ key: Key) -> ByteBuffer? { entries.withLock { $0[key] } }

    /// Forgets an entry whose source is gone (a deleted analysis).
    func remove(_ key: Key) { _ = entries.withLock { $0.removeValue(forKey: key) } }

    /// Forgets every entry: the knowledge index changed (allies' items arrived).
    func forgetAll() { entries.withLock { $0.removeAll() } }

    func store(_ value: ByteBuffer, for key: Key) {
        entries.withLock { dict in
            if dict.count >= capacity {
                for k in dict.keys.prefix(capacity / 2) { dict.removeValue(forKey: k) }
            }
            dict[key] = value
        }
    }
}
