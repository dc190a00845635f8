import Foundation

/// Why a key, bundle or notice was refused. Each verification failure has its own case, code and
/// message naming what failed and, where there is one, what to do.
public enum ShareError: Error, CustomStringConvertible, Equatable, Sendable {
    case notABundle(String)
    case unsafeEntry(String)
    case payloadType(String)
    case unknownKey(fingerprint: String)
    case badSignature
    case keyRevoked(fingerprint: String, publisher: String, date: Date, reason: String)
    case keyExpired(fingerprint: String, publisher: String, date: Date)
    case threshold(publisher: String, needed: Int, found: Int)
    case statementType(String)
    case predicateType(String)
    case publisherMismatch(bundle: String, key: String)
    case scope(kind: String, publisher: String, scopes: [String])
    case tampered(path: String, expected: String, actual: String)
    case missingFile(String)
    case unlistedFile(String)
    case invalidItem(path: String, reason: String)
    case bundleExpired(String)
    case equivocation(String)
    case olderVersion(kind: String, id: String, offered: Int, held: Int, publisher: String)
    case badKeyFile(String)
    case passphrase(String)
    case badItem(String)
    case badNotice(String)
    case sealed(String)

    /// A stable code for scripts and tests (the research file's names).
    public var code: String {
        switch self {
        case .notABundle, .unsafeEntry: return "E_FORMAT"
        case .payloadType: return "E_PAYLOAD_TYPE"
        case .unknownKey: return "E_UNKNOWN_KEY"
        case .badSignature: return "E_BAD_SIGNATURE"
        case .keyRevoked: return "E_KEY_REVOKED"
        case .keyExpired: return "E_KEY_EXPIRED"
        case .threshold: return "E_THRESHOLD"
        case .statementType: return "E_STATEMENT"
        case .predicateType: return "E_PREDICATE_TYPE"
        case .publisherMismatch: return "E_PUBLISHER_MISMATCH"
        case .scope: return "E_KEY_SCOPE"
        case .tampered: return "E_TAMPERED"
        case .missingFile: return "E_MISSING_ITEM"
        case .unlistedFile: return "E_UNLISTED_FILE"
        case .invalidItem: return "E_ITEM_INVALID"
        case .bundleExpired: return "E_BUNDLE_EXPIRED"
        case .equivocation: return "E_EQUIVOCATION"
        case .olderVersion: return "E_OLDER_VERSION"
        case .badKeyFile: return "E_KEY_FILE"
        case .passphrase: return "E_PASSPHRASE"
        case .badItem: return "E_ITEM"
        case .badNotice: return "E_NOTICE"
        case .sealed: return "E_SEALED"
        }
    }

    public var description: String { "\(code): \(message)" }

    var message: String {
        switch self {
        case .notABundle(let why): return "not a Fineprint share bundle (\(why))"
        case .unsafeEntry(let why): return "unsafe bundle, refused: \(why)"
        case .payloadType(let type):
            return "the envelope carries \"\(type)\", not an in-toto statement (\(ShareStatement.payloadType))"
        case .unknownKey(let fingerprint):
            return
                "signed by \(SharePublicKey.grouped(fingerprint)), a key not in your trust list. Compare this fingerprint with the sender over another channel (phone, diplomatic note) before adding it with `fineprint share trust add`"
        case .badSignature:
            return
                "no signature verifies with a trusted key: the bundle was altered after signing, or signed with another key"
        case .keyRevoked(let fingerprint, let publisher, let date, let reason):
            return
                "the key \(SharePublicKey.grouped(fingerprint)) of \(publisher) was revoked on \(Timestamp.string(date)) (\(reason))"
        case .keyExpired(let fingerprint, let publisher, let date):
            return
                "the key \(SharePublicKey.grouped(fingerprint)) of \(publisher) was trusted until \(Timestamp.string(date)); ask \(publisher) for a rotation notice or re-confirm the fingerprint"
        case .threshold(let publisher, let needed, let found):
            return "\(publisher) requires \(needed) signatures from distinct trusted keys; this bundle has \(found)"
        case .statementType(let type):
            return "the signed payload is a \"\(type)\" statement, not an in-toto Statement v1"
        case .predicateType(let type):
            return "a signed \"\(type)\" statement, not a Fineprint share bundle (\(ShareStatement.predicateType))"
        case .publisherMismatch(let bundle, let key):
            return "the bundle names publisher \"\(bundle)\" but is signed by a key trusted for \"\(key)\""
        case .scope(let kind, let publisher, let scopes):
            return
                "the key of \(publisher) is trusted for \(scopes.joined(separator: ", ")) only, not for \(kind) items"
        case .tampered(let path, let expected, let actual):
            return "\(path) was changed after signing: expected sha256 \(expected), got \(actual)"
        case .missingFile(let path): return "\(path) is listed in the signed statement but missing from the bundle"
        case .unlistedFile(let path): return "\(path) is in the bundle but not in the signed statement"
        case .invalidItem(let path, let reason): return "\(path) is not a valid item: \(reason)"
        case .bundleExpired(let date): return "the bundle expired on \(date)"
        case .equivocation(let what): return "equivocation: \(what)"
        case .olderVersion(let kind, let id, let offered, let held, let publisher):
            return
                "\(kind) \(id) v\(offered) from \(publisher) is older than v\(held) already held (replayed or out of order); nothing imported"
        case .badKeyFile(let why): return "bad key file: \(why)"
        case .passphrase(let why): return why
        case .badItem(let why): return why
        case .badNotice(let why): return "bad key notice: \(why)"
        case .sealed(let why): return "cannot open the sealed bundle: \(why)"
        }
    }
}
