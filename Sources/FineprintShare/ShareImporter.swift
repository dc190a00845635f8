import FineprintStore
import Foundation

/// Verifies a bundle and, only when every check passed, records it and its items under the
/// publisher's namespace in one transaction.
public struct ShareImporter: Sendable {
    public var ledger: any ShareLedger
    public var now: Date
    /// Where an import is recorded after it is written, with who ran it; nil for a store without one.
    public var auditLog: (any AuditLog)?
    public var operatorName: String?

    public init(
        ledger: any ShareLedger,
        now: Date = Date(),
        auditLog: (any AuditLog)? = nil,
        operatorName: String? = nil
    ) {
        self.ledger = ledger
        self.now = now
        self.auditLog = auditLog
        self.operatorName = operatorName
    }

    /// The preview (`dryRun`) or the import; either way the verified bundle with its plan.
    public func importBundle(_ data: Data, dryRun: Bool) async throws -> VerifiedBundle {
        let verified = try await BundleVerifier(ledger: ledger, now: now).verify(data)
        guard !dryRun, verified.alreadyImported == nil else { return verified }
        let predicate = verified.predicate
        let signer = verified.signers[0].fingerprint
        let record = ImportedBundle(
            bundleId: predicate.bundleId,
            publisher: predicate.publisher.id,
            digest: verified.payloadDigest,
            signers: verified.signers.map(\.fingerprint),
            sequence: predicate.sequence,
            importedAt: now,
            itemCount: predicate.items.count
        )
        let items = verified.plan.filter { $0.action != .unchanged }.map { plan in
            SharedItem(
                publisher: predicate.publisher.id,
                kind: plan.item.kind,
                id: plan.item.id,
                version: plan.item.version,
                sha256: plan.sha256,
                withdrawn: plan.item.withdrawn,
                title: plan.item.title,
                signer: signer,
                bundleId: predicate.bundleId,
                importedAt: now,
                content: plan.content,
                signedAt: Timestamp.date(predicate.createdAt)
            )
        }
        try await ledger.recordImport(record, items: items)
        try await auditLog?.append(
            NewAuditEvent(
                time: now,
                actor: operatorName,
                action: .shareImport,
                targetKind: "bundle",
                targetID: predicate.bundleId,
                detail: "publisher \(predicate.publisher.id), payload sha256 \(verified.payloadDigest), signed by "
                    + record.signers.joined(separator: ", ")
                    + "; \(items.count) of \(predicate.items.count) items new or changed"
            )
        )
        return verified
    }
}
