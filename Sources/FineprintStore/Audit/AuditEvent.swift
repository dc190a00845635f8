import Crypto
import Foundation

/// What an audit row records someone did.
public enum AuditAction: String, CaseIterable, Codable, Sendable {
    case login, logout, upload, view, download, review, delete, backup, restore, settings
    case loginFailed = "login_failed"
    case roleChange = "role_change"
    case tokenCreate = "token_create"
    case tokenUse = "token_use"
    case tokenRevoke = "token_revoke"
    case retentionDelete = "retention_delete"
    case shareImport = "share_import"
    /// A change to the dependency register (a metrics snapshot, a watched source linked).
    case registerChange = "register_change"
    case matterCreate = "matter_create"
    case memberAdd = "member_add"
    case memberRemove = "member_remove"
    case memberRole = "member_role"
    case retentionChange = "retention_change"
    case shareAdopt = "share_adopt"
    case shareTrust = "share_trust"
}

/// An event to append: everything but its place in the chain, which the log assigns.
public struct NewAuditEvent: Hashable, Sendable {
    public var time: Date
    /// The user name, nil when nobody is signed in (or the server has no accounts).
    public var actor: String?
    public var action: AuditAction
    /// What was acted on: "document", "analysis", "job", "database"…
    public var targetKind: String
    public var targetID: String
    /// The client's address as the server saw it (nil for the command line and the retention service).
    public var address: String?
    public var detail: String

    public init(
        time: Date = Date(),
        actor: String?,
        action: AuditAction,
        targetKind: String,
        targetID: String,
        address: String? = nil,
        detail: String = ""
    ) {
        self.time = time
        self.actor = actor
        self.action = action
        self.targetKind = targetKind
        self.targetID = targetID
        self.address = address
        self.detail = detail
    }
}

/// A row of the audit log: the event, its sequence number, and the hash chaining it to the row before.
public struct AuditEvent: Hashable, Codable, Sendable {
    /// 1 for the first row, then one more for each row (a gap means a row was removed).
    public var sequence: Int64
    /// Milliseconds since 1970, the precision both databases keep exactly (the hash covers it).
    public var timeMilliseconds: Int64
    public var actor: String?
    public var action: String
    public var targetKind: String
    public var targetID: String
    public var address: String?
    public var detail: String
    /// The previous row's hash (64 zeros for the first row).
    public var previousHash: String
    /// SHA-256 of `canonicalBytes`, in lowercase hex.
    public var hash: String

    public var time: Date { Date(timeIntervalSince1970: Double(timeMilliseconds) / 1000) }

    public static let genesisHash = String(repeating: "0", count: 64)

    /// Every field but the hash, each as a length-prefixed UTF-8 string (an absent value is "-"
    /// without a length, so nil and "" differ), so no two different rows encode alike.
    public var canonicalBytes: Data {
        let fields: [String?] = [
            String(sequence), String(timeMilliseconds), actor, action, targetKind, targetID, address, detail,
            previousHash,
        ]
        var text = "fineprint-audit-v1\n"
        for field in fields {
            if let field { text += "\(field.utf8.count):\(field)\n" } else { text += "-\n" }
        }
        return Data(text.utf8)
    }

    /// The hash this row's fields give.
    public var computedHash: String {
        SHA256.hash(data: canonicalBytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// Which rows to list; nil fields do not filter.
public struct AuditFilter: Hashable, Sendable {
    public var since: Date?
    public var actor: String?
    public var action: AuditAction?
    public var limit: Int

    public init(since: Date? = nil, actor: String? = nil, action: AuditAction? = nil, limit: Int = 1000) {
        self.since = since
        self.actor = actor
        self.action = action
        self.limit = limit
    }

    func admits(_ event: AuditEvent) -> Bool {
        if let since, event.time < since { return false }
        if let actor, event.actor != actor { return false }
        if let action, event.action != action.rawValue { return false }
        return true
    }
}

/// What walking the chain found.
public enum AuditVerification: Hashable, Sendable {
    case intact(rows: Int)
    /// The first row that does not follow from the one before, and why.
    case broken(sequence: Int64, reason: String)

    /// Walks rows in sequence order; a row's stored hash must be its fields' hash, its previous hash
    /// the row before's hash, and its sequence one more than the row before's.
    public static func check(_ rows: some Sequence<AuditEvent>) -> AuditVerification {
        var previous: AuditEvent?
        var count = 0
        for row in rows {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            if row.sequence != expectedSequence {
                return .broken(
                    sequence: row.sequence,
                    reason: "expected row \(expectedSequence) here: a row is missing"
                )
            }
            if row.previousHash != (previous?.hash ?? AuditEvent.genesisHash) {
                return .broken(sequence: row.sequence, reason: "its previous hash is not the hash of the row before")
            }
            if row.hash != row.computedHash {
                return .broken(
                    sequence: row.sequence,
                    reason: "its fields do not give its stored hash (it was altered)"
                )
            }
            previous = row
            count += 1
        }
        return .intact(rows: count)
    }
}

// In an extension, so that the memberwise initialiser the database readers use stays synthesised.
extension AuditEvent {
    /// The row that follows `previous` (nil: the first row), with its hash computed.
    public init(_ event: NewAuditEvent, after previous: (sequence: Int64, hash: String)?) {
        sequence = (previous?.sequence ?? 0) + 1
        timeMilliseconds = Int64((event.time.timeIntervalSince1970 * 1000).rounded(.down))
        actor = event.actor
        action = event.action.rawValue
        targetKind = event.targetKind
        targetID = event.targetID
        address = event.address
        detail = event.detail
        previousHash = previous?.hash ?? Self.genesisHash
        hash = ""
        hash = computedHash
    }
}
