import FineprintRegister
import FineprintStore
import Foundation
import Synchronization

/// What the register pages compute over one organisation's register, kept per organisation and
/// keyed on the store's change marker (`RegisterStore.registerRevision`), the day the metrics are
/// computed for, and the policies: a page view with nothing changed reads the marker and reuses it.
/// The marker lives in the database, so a write by another `serve` process on the same PostgreSQL
/// moves it and every process recomputes on its next request.
final class RegisterViewCache: Sendable {
    struct Key: Hashable, Sendable {
        var revision: Int64
        /// Days since 1970 (UTC): the metrics' 12-month windows move with the date, so a new day recomputes.
        var day: Int
        var policies: Int
    }

    struct Entry: Sendable {
        var key: Key
        var view: RegisterView
        var snapshots: [MetricSnapshot]
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Organisations kept at most; past it the cache starts again (each entry holds a whole register).
    private let capacity = 16

    func entry(_ organisation: String, key: Key) -> Entry? {
        entries.withLock { $0[organisation] }.flatMap { $0.key == key ? $0 : nil }
    }

    func keep(_ entry: Entry, for organisation: String) {
        entries.withLock { kept in
            if kept.count >= capacity && kept[organisation] == nil { kept.removeAll() }
            kept[organisation] = entry
        }
    }

    static func day(of date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
}
