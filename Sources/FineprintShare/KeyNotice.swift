import Crypto
import FineprintStore
import Foundation

/// A signed statement about a publisher's key: its revocation (signed by the key itself, made at
/// key generation and kept offline) or its rotation to a new key (signed by the old and the new
/// key, so an ally can follow it without a new phone call).
public struct KeyNotice: Codable, Hashable, Sendable {
    public static let payloadType = "application/vnd.fineprint.key-notice+json"

    public enum Kind: String, Codable, Sendable { case revocation, rotation }

    public struct Key: Codable, Hashable, Sendable {
        public var fingerprint: String
        /// Base64 of the SPKI DER.
        public var spki: String
    }

    public var notice: Kind
    public var publisher: String
    public var key: Key
    public var newKey: Key?
    public var reason: String?
    public var createdAt: String

    static func describe(_ key: SharePublicKey) -> Key {
        Key(fingerprint: key.fingerprint, spki: key.spki.base64EncodedString())
    }

    public static func revocation(
        of key: Curve25519.Signing.PrivateKey,
        publisher: String,
        reason: String,
        at date: Date
    ) throws -> DSSEEnvelope {
        let notice = KeyNotice(
            notice: .revocation,
            publisher: publisher,
            key: describe(SharePublicKey(key.publicKey)),
            newKey: nil,
            reason: reason,
            createdAt: Timestamp.string(date)
        )
        return try DSSEEnvelope.sign(try CanonicalJSON.encode(notice), payloadType: payloadType, with: [key])
    }

    public static func rotation(
        from old: Curve25519.Signing.PrivateKey,
        to new: Curve25519.Signing.PrivateKey,
        publisher: String,
        at date: Date
    ) throws -> DSSEEnvelope {
        let notice = KeyNotice(
            notice: .rotation,
            publisher: publisher,
            key: describe(SharePublicKey(old.publicKey)),
            newKey: describe(SharePublicKey(new.publicKey)),
            reason: nil,
            createdAt: Timestamp.string(date)
        )
        return try DSSEEnvelope.sign(try CanonicalJSON.encode(notice), payloadType: payloadType, with: [old, new])
    }

    /// Reads a notice and checks its signatures: a revocation by the key it revokes, a rotation by
    /// both keys it names. Whether the old key is trusted is the trust list's question.
    public static func verified(
        _ data: Data
    ) throws -> (notice: KeyNotice, key: SharePublicKey, newKey: SharePublicKey?) {
        guard let envelope = try? JSONDecoder().decode(DSSEEnvelope.self, from: data),
            envelope.payloadType == payloadType, let body = DSSEEnvelope.decodeBase64(envelope.payload),
            let notice = try? JSONDecoder().decode(KeyNotice.self, from: body)
        else { throw ShareError.badNotice("not a Fineprint key notice") }
        let key = try notice.key.publicKey()
        let newKey = try notice.newKey?.publicKey()
        let required = [key] + (newKey.map { [$0] } ?? [])
        guard notice.notice == .rotation ? newKey != nil : newKey == nil,
            let (_, verified) = envelope.verifiedKeys(among: required), Set(verified) == Set(required)
        else {
            throw ShareError.badNotice(
                notice.notice == .rotation
                    ? "a rotation notice must verify with both the old and the new key"
                    : "the revocation is not signed by the key it revokes"
            )
        }
        return (notice, key, newKey)
    }
}

extension KeyNotice.Key {
    func publicKey() throws -> SharePublicKey {
        guard let der = Data(base64Encoded: spki) else { throw ShareError.badNotice("a key is not base64") }
        let key = try SharePublicKey(spki: der)
        guard key.fingerprint == fingerprint else { throw ShareError.badNotice("a key does not match its fingerprint") }
        return key
    }
}

/// Changes to the trust list, each checked before anything is written.
public struct TrustList: Sendable {
    public var ledger: any ShareLedger
    public var now: Date

    public init(ledger: any ShareLedger, now: Date = Date()) {
        self.ledger = ledger
        self.now = now
    }

    /// Adds a key read from a public key file; the file's publisher line, when present, must agree.
    public func add(
        _ file: PublicKeyFile,
        publisher: String,
        verifiedVia: String,
        until: Date?,
        scopes: [String]
    ) async throws -> TrustedKey {
        if let named = file.publisher, named != publisher {
            throw ShareError.badKeyFile("the key file names publisher \"\(named)\", not \"\(publisher)\"")
        }
        guard !verifiedVia.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ShareError.badKeyFile("say how the fingerprint was confirmed (--verified-via)")
        }
        for scope in scopes where ShareKind.scope(named: scope) == nil {
            let known = ShareKind.allCases.map(\.scopeName).joined(separator: ", ")
            throw ShareError.badKeyFile("unknown scope \"\(scope)\" (known: \(known))")
        }
        let key = TrustedKey(
            fingerprint: file.key.fingerprint,
            publicKey: file.key.rawRepresentation,
            publisher: publisher,
            verifiedVia: verifiedVia,
            addedAt: now,
            validUntil: until,
            scopes: scopes.compactMap { ShareKind.scope(named: $0)?.scopeName }
        )
        try await ledger.addTrustedKey(key)
        return key
    }

    /// Applies a rotation notice: the old key must be trusted and in good standing; the new key
    /// inherits its publisher, validity and scopes.
    public func rotate(notice data: Data) async throws -> TrustedKey {
        let (notice, old, new) = try KeyNotice.verified(data)
        guard notice.notice == .rotation, let new else { throw ShareError.badNotice("not a rotation notice") }
        let keys = try await ledger.trustedKeys()
        guard let trusted = keys.first(where: { $0.fingerprint == old.fingerprint }) else {
            throw ShareError.unknownKey(fingerprint: old.fingerprint)
        }
        guard trusted.publisher == notice.publisher else {
            throw ShareError.publisherMismatch(bundle: notice.publisher, key: trusted.publisher)
        }
        if let revoked = trusted.revokedAt {
            throw ShareError.keyRevoked(
                fingerprint: trusted.fingerprint,
                publisher: trusted.publisher,
                date: revoked,
                reason: trusted.revocationReason ?? "no reason given"
            )
        }
        let successor = TrustedKey(
            fingerprint: new.fingerprint,
            publicKey: new.rawRepresentation,
            publisher: trusted.publisher,
            verifiedVia: "rotation notice of \(notice.createdAt) signed by \(trusted.fingerprint) and by itself",
            addedAt: now,
            validUntil: trusted.validUntil,
            scopes: trusted.scopes
        )
        try await ledger.addTrustedKey(successor)
        try await ledger.markReplaced(fingerprint: trusted.fingerprint, by: successor.fingerprint)
        return successor
    }

    /// Applies a revocation notice signed by the key it revokes.
    public func revoke(notice data: Data) async throws -> TrustedKey {
        let (notice, key, _) = try KeyNotice.verified(data)
        guard notice.notice == .revocation else { throw ShareError.badNotice("not a revocation notice") }
        return try await revoke(fingerprint: key.fingerprint, reason: notice.reason ?? "revoked by its publisher")
    }

    public func revoke(fingerprint: String, reason: String) async throws -> TrustedKey {
        let wanted = fingerprint.replacingOccurrences(of: " ", with: "").lowercased()
        guard try await ledger.revokeKey(fingerprint: wanted, at: now, reason: reason),
            let key = try await ledger.trustedKeys().first(where: { $0.fingerprint == wanted })
        else { throw ShareError.unknownKey(fingerprint: wanted) }
        return key
    }
}
