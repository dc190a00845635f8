import Foundation

/// The append-only record of who did what, when and from where. There is no call to change or
/// remove a row (and the databases refuse it: triggers in both); each row carries the hash of the
/// row before, so a row altered or removed behind the store's back is found by `verify()`.
public protocol AuditLog: Sendable {
    /// Appends the event as the next row of the chain and returns it. Appends are serialised
    /// (one writer at a time, across processes), so the chain never forks.
    @discardableResult func append(_ event: NewAuditEvent) async throws -> AuditEvent
    /// Rows admitted by the filter, newest first, at most `filter.limit`.
    func events(_ filter: AuditFilter) async throws -> [AuditEvent]
    /// Walks the whole chain from the first row.
    func verify() async throws -> AuditVerification
}

/// A store that keeps the audit log in its own database.
public protocol AuditLogStore: Store {
    func auditLog() -> any AuditLog
}
