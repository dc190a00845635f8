import FineprintStore
import Foundation

/// Verifies a bundle and, only when every check passed, records it and its items under the
/// publisher's namespace in one transaction.
public struct ShareImporter: Sendable {
    public var ledger: any ShareLedger
    public var now: Date

    public init(ledger: any ShareLedger, now: Date = Date()) {
        self.ledger = ledger
        self.now = now
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
                content: plan.content
            )
        }
        // LEAD: connect the audit log here (issue 21 asks for an audit record after each import:
        // bundle digest, signer fingerprints, operator, time, item outcomes). Until then the
        // `share_import` row written below is the record of the import.
        try await ledger.recordImport(record, items: items)
        return verified
    }
}
