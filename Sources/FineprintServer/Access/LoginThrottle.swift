import Foundation
import Synchronization

/// Slows password guessing: after too many failed logins within a window, further attempts for
/// that account, or from that address, are refused until the window has passed. Kept in memory:
/// a restart forgives, which costs an attacker a restart they cannot cause.
public final class LoginThrottle: Sendable {
    public struct Limits: Sendable {
        /// Failed logins allowed per account within `window`.
        public var perAccount: Int
        /// Failed logins allowed per client address within `window` (several people may share one).
        public var perAddress: Int
        public var window: TimeInterval

        public init(perAccount: Int = 5, perAddress: Int = 20, window: TimeInterval = 15 * 60) {
            self.perAccount = perAccount
            self.perAddress = perAddress
            self.window = window
        }
    }

    private let limits: Limits
    /// Failure times by key ("account:NAME" or "address:IP"), oldest first.
    private let failures = Mutex<[String: [Date]]>([:])

    public init(limits: Limits) { self.limits = limits }

    /// How long to wait before another attempt for `account` from `address`, or nil when allowed.
    public func retryAfter(account: String, address: String, now: Date = Date()) -> TimeInterval? {
        failures.withLock { table in
            let waits = [
                wait(table, key: Self.key(account: account), limit: limits.perAccount, now: now),
                wait(table, key: Self.key(address: address), limit: limits.perAddress, now: now),
            ].compactMap { $0 }
            return waits.max()
        }
    }

    public func recordFailure(account: String, address: String, now: Date = Date()) {
        failures.withLock { table in
            for key in [Self.key(account: account), Self.key(address: address)] {
                var times = (table[key] ?? []).filter { now.timeIntervalSince($0) < limits.window }
                times.append(now)
                table[key] = times
            }
            // Bounded memory under a flood of made-up names: forget keys whose window has passed.
            if table.count > 10_000 {
                table = table.filter { $0.value.last.map { now.timeIntervalSince($0) < limits.window } ?? false }
            }
        }
    }

    /// A successful login clears the account's failures (not the address's).
    public func recordSuccess(account: String) {
        _ = failures.withLock { table in table.removeValue(forKey: Self.key(account: account)) }
    }

    private func wait(_ table: [String: [Date]], key: String, limit: Int, now: Date) -> TimeInterval? {
        let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < limits.window }
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, limits.window - now.timeIntervalSince(oldest))
    }

    private static func key(account: String) -> String { "account:" + account.lowercased() }
    private static func key(address: String) -> String { "address:" + address }
}
