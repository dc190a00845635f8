import FineprintStore
import Foundation

/// What importing a verified bundle would do to one item.
public struct ItemPlan: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case add
        case update(from: Int)
        case unchanged
        case withdraw
    }

    public var item: SharePredicate.Item
    public var content: Data
    public var sha256: String
    public var action: Action
}

/// A bundle that passed every check, with the preview of its import.
public struct VerifiedBundle: Sendable {
    public var statement: ShareStatement
    /// Hex SHA-256 of the verified statement bytes: the bundle's identity for equivocation.
    public var payloadDigest: String
    public var signers: [TrustedKey]
    /// Set when this very bundle was imported before (importing it again changes nothing).
    public var alreadyImported: ImportedBundle?
    public var plan: [ItemPlan]
    public var warnings: [String]

    public var predicate: SharePredicate { statement.predicate }
}

/// The fourteen ordered checks of a bundle against the trust list and what was imported before.
/// "Now" is fixed when the verifier is made; nothing is written.
public struct BundleVerifier: Sendable {
    public var ledger: any ShareLedger
    public var now: Date
    public var limits: BundleArchive.Limits

    public init(ledger: any ShareLedger, now: Date = Date(), limits: BundleArchive.Limits = .init()) {
        self.ledger = ledger
        self.now = now
        self.limits = limits
    }

    public func verify(_ data: Data) async throws -> VerifiedBundle {
        let files = try BundleArchive.read(data, limits: limits)  // 1
        let envelope = try parseEnvelope(files)  // 1, 2
        let keys = try await ledger.trustedKeys()
        let (body, signers) = try authenticate(envelope, keys: keys, files: files)  // 3, 4
        try checkStanding(signers)  // 5, 6
        try await checkThreshold(signers)  // 7
        let statement = try parseStatement(body)  // 8
        try checkPublisherAndScopes(statement.predicate, signers: signers)  // 9
        try checkFiles(statement, files: files)  // 10
        for item in statement.predicate.items {  // 11
            try ItemValidator.validate(item, content: files[item.path] ?? Data())
        }
        var warnings = try checkDates(statement.predicate)  // 12
        warnings += Self.missingPositions(statement.predicate, files: files)
        let digest = Hex.sha256(body)
        let earlier = try await checkBundleId(statement.predicate, digest: digest)  // 13
        let plan = try await planItems(statement.predicate, files: files)  // 14
        if earlier != nil { warnings.append("this bundle was already imported; importing it again changes nothing") }
        return VerifiedBundle(
            statement: statement,
            payloadDigest: digest,
            signers: signers,
            alreadyImported: earlier,
            plan: plan,
            warnings: warnings
        )
    }

    private func parseEnvelope(_ files: [String: Data]) throws -> DSSEEnvelope {
        guard let bytes = files[BundlePacker.envelopePath] else {
            throw ShareError.notABundle("no \(BundlePacker.envelopePath) inside")
        }
        guard let envelope = try? JSONDecoder().decode(DSSEEnvelope.self, from: bytes) else {
            throw ShareError.notABundle("\(BundlePacker.envelopePath) is not a DSSE envelope")
        }
        guard envelope.payloadType == ShareStatement.payloadType else {
            throw ShareError.payloadType(envelope.payloadType)
        }
        return envelope
    }

    /// Checks 3 and 4: which trusted keys signed. With none, the error says whether the signer is
    /// unknown (naming its fingerprint) or a known key's signature failed.
    private func authenticate(
        _ envelope: DSSEEnvelope,
        keys: [TrustedKey],
        files: [String: Data]
    ) throws -> (Data, [TrustedKey]) {
        let candidates = keys.compactMap { key in
            (try? SharePublicKey(rawRepresentation: key.publicKey)).map { (key, $0) }
        }
        guard let (body, verified) = envelope.verifiedKeys(among: candidates.map(\.1)) else {
            throw ShareError.notABundle("the envelope's payload is not base64")
        }
        let signers = candidates.filter { verified.contains($0.1) }.map(\.0)
        guard signers.isEmpty else { return (body, signers) }
        let known = Set(keys.map(\.fingerprint))
        let hints = envelope.signatures.compactMap(\.keyid)
        if !hints.isEmpty, hints.allSatisfy({ !known.contains($0) }) {
            throw ShareError.unknownKey(fingerprint: hints[0])
        }
        if hints.isEmpty,
            let shipped = files["keys/publisher.pub"].flatMap({
                try? PublicKeyFile(text: String(decoding: $0, as: UTF8.self))
            }),
            !known.contains(shipped.key.fingerprint)
        {
            throw ShareError.unknownKey(fingerprint: shipped.key.fingerprint)
        }
        throw ShareError.badSignature
    }

    private func checkStanding(_ signers: [TrustedKey]) throws {
        for key in signers {
            if let revoked = key.revokedAt, revoked <= now {
                throw ShareError.keyRevoked(
                    fingerprint: key.fingerprint,
                    publisher: key.publisher,
                    date: revoked,
                    reason: key.revocationReason ?? "no reason given"
                )
            }
        }
        for key in signers {
            if let until = key.validUntil, until < now {
                throw ShareError.keyExpired(fingerprint: key.fingerprint, publisher: key.publisher, date: until)
            }
        }
    }

    private func checkThreshold(_ signers: [TrustedKey]) async throws {
        let publisher = signers[0].publisher
        let needed = try await ledger.thresholds()[publisher] ?? 1
        let found = Set(signers.filter { $0.publisher == publisher }.map(\.fingerprint)).count
        guard found >= needed else { throw ShareError.threshold(publisher: publisher, needed: needed, found: found) }
    }

    /// Check 8, on the verified bytes only.
    private func parseStatement(_ body: Data) throws -> ShareStatement {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw ShareError.statementType("(not JSON)")
        }
        let type = object["_type"] as? String ?? "(none)"
        guard type == ShareStatement.statementType else { throw ShareError.statementType(type) }
        let predicateType = object["predicateType"] as? String ?? "(none)"
        guard predicateType == ShareStatement.predicateType else { throw ShareError.predicateType(predicateType) }
        do { return try JSONDecoder().decode(ShareStatement.self, from: body) } catch {
            throw ShareError.invalidItem(path: "the statement", reason: "its predicate does not parse (\(error))")
        }
    }

    private func checkPublisherAndScopes(_ predicate: SharePredicate, signers: [TrustedKey]) throws {
        for key in signers where key.publisher != predicate.publisher.id {
            throw ShareError.publisherMismatch(bundle: predicate.publisher.id, key: key.publisher)
        }
        for item in predicate.items {
            guard item.namespace == predicate.publisher.id else {
                throw ShareError.publisherMismatch(bundle: predicate.publisher.id, key: item.namespace)
            }
            for key in signers where !key.scopes.isEmpty {
                let allowed = key.scopes.compactMap(ShareKind.scope(named:))
                guard let kind = ShareKind(rawValue: item.kind), allowed.contains(kind) else {
                    throw ShareError.scope(kind: item.kind, publisher: key.publisher, scopes: key.scopes)
                }
            }
        }
    }

    /// Check 10: every subject present with its digest, every item a subject, nothing extra.
    private func checkFiles(_ statement: ShareStatement, files: [String: Data]) throws {
        var listed: Set<String> = []
        for subject in statement.subject {
            guard let expected = subject.digest["sha256"]?.lowercased() else {
                throw ShareError.invalidItem(path: subject.name, reason: "its subject has no sha256 digest")
            }
            guard let bytes = files[subject.name] else { throw ShareError.missingFile(subject.name) }
            let actual = Hex.sha256(bytes)
            guard actual == expected else {
                throw ShareError.tampered(path: subject.name, expected: expected, actual: actual)
            }
            listed.insert(subject.name)
        }
        for item in statement.predicate.items where !listed.contains(item.path) {
            throw ShareError.missingFile(item.path)
        }
        for path in files.keys.sorted() where !listed.contains(path) && !BundlePacker.informational.contains(path) {
            throw ShareError.unlistedFile(path)
        }
    }

    private func checkDates(_ predicate: SharePredicate) throws -> [String] {
        if let text = predicate.expiresAt {
            guard let expires = Timestamp.date(text) else {
                throw ShareError.bundleExpired("\(text) (unreadable date)")
            }
            guard expires >= now else { throw ShareError.bundleExpired(text) }
        }
        guard let created = Timestamp.date(predicate.createdAt) else {
            throw ShareError.invalidItem(
                path: "the statement",
                reason: "createdAt \(predicate.createdAt) is not RFC 3339"
            )
        }
        return created > now.addingTimeInterval(86_400)
            ? ["the bundle says it was made on \(predicate.createdAt), more than a day from now: check the clocks"] : []
    }

    private func checkBundleId(_ predicate: SharePredicate, digest: String) async throws -> ImportedBundle? {
        guard let earlier = try await ledger.importedBundle(id: predicate.bundleId) else { return nil }
        guard earlier.digest == digest else {
            throw ShareError.equivocation(
                "bundle \(predicate.bundleId) was imported on \(Timestamp.string(earlier.importedAt)) with other content"
            )
        }
        return earlier
    }

    /// Check 14: no item goes back in version, and one version never has two contents.
    private func planItems(_ predicate: SharePredicate, files: [String: Data]) async throws -> [ItemPlan] {
        let held = try await ledger.sharedItems(publisher: predicate.publisher.id)
        return try predicate.items.map { item in
            let content = files[item.path] ?? Data()
            let sha = Hex.sha256(content)
            let versions = held.filter { $0.kind == item.kind && $0.id == item.id }
            if let same = versions.first(where: { $0.version == item.version }) {
                guard same.sha256 == sha else {
                    throw ShareError.equivocation(
                        "\(item.kind) \(item.id) v\(item.version) from \(predicate.publisher.id) was imported before with other content"
                    )
                }
            }
            let highest = versions.map(\.version).max()
            if let highest, item.version < highest {
                throw ShareError.olderVersion(
                    kind: item.kind,
                    id: item.id,
                    offered: item.version,
                    held: highest,
                    publisher: predicate.publisher.id
                )
            }
            let action: ItemPlan.Action =
                highest == item.version
                ? .unchanged : item.withdrawn ? .withdraw : highest.map { .update(from: $0) } ?? .add
            return ItemPlan(item: item, content: content, sha256: sha, action: action)
        }
    }
}

extension BundleVerifier {
    /// Playbooks from bundles made before positions travelled whole still verify; each says what it lacks.
    static func missingPositions(_ predicate: SharePredicate, files: [String: Data]) -> [String] {
        predicate.items.filter { $0.kind == ShareKind.playbook.rawValue && !$0.withdrawn }.compactMap { item in
            files[item.path].flatMap { try? JSONDecoder().decode(SharedPlaybook.self, from: $0) }?.missingPositionsNote
        }
    }
}
