import FineprintIdentity
import FineprintStore
import Foundation
import Synchronization

/// Records the use of API tokens in the audit log without flooding it: the first request of each
/// token in each minute is a `token_use` row (naming the request), later ones in that minute are
/// not. The memory is per server process, so each server of a group records its own first use.
final class TokenUseLog: Sendable {
    /// How long a recorded use covers the token's further requests.
    static let window: TimeInterval = 60
    /// Tokens forgotten beyond this many (the oldest first), so the map stays small.
    static let capacity = 10_000
    private let lastRecorded = Mutex<[String: Date]>([:])

    /// Whether this use of `tokenID` at `now` is the first of its window (and so must be recorded).
    func isFirstInWindow(_ tokenID: String, now: Date = Date()) -> Bool {
        lastRecorded.withLock { seen in
            if let last = seen[tokenID], now.timeIntervalSince(last) < Self.window { return false }
            if seen.count >= Self.capacity {
                seen = seen.filter { now.timeIntervalSince($0.value) < Self.window }
            }
            seen[tokenID] = now
            return true
        }
    }
}
