import FineprintStore
import Foundation

/// What a command does to the data is recorded in the audit log as done by the operator running it.
enum OperatorAudit {
    /// The operator: the login name the command runs under.
    static var operatorName: String? { ProcessInfo.processInfo.environment["USER"] }

    static func record(
        _ action: AuditAction,
        _ targetKind: String,
        _ targetID: String,
        detail: String = "",
        in log: any AuditLog
    ) async throws {
        try await log.append(
            NewAuditEvent(
                actor: operatorName,
                action: action,
                targetKind: targetKind,
                targetID: targetID,
                detail: detail
            )
        )
    }
}
