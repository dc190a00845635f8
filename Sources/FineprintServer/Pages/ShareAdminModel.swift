import FineprintShare
import FineprintStore
import Foundation

/// Admin › Sharing (view: admin-share.mustache): our key with its notices, the trust list and the
/// thresholds, with the forms that change them.
struct ShareAdminModel: PageModel {
    static let template = "admin-share"
    let title = "Sharing: keys and trust list"

    struct TrustedRow {
        var publisher: String
        var fingerprint: String
        var rawFingerprint: String
        var verifiedVia: String
        var added: String
        var until: String?
        var scopes: String
        var revoked: String?
        var replacedBy: String?
    }

    struct ThresholdRow {
        var publisher: String
        var threshold: Int
    }

    /// Our key as `OurKeys.read` found it (the template reads its fields by name).
    var ourKey: OurKeys?
    var keyProblem: String?
    var noKeyFolder: Bool
    var trusted: [TrustedRow]
    var thresholds: [ThresholdRow]

    init(ours: Result<OurKeys, ShareError>?, trusted: [TrustedKey], thresholds: [String: Int]) {
        noKeyFolder = ours == nil
        switch ours {
        case .success(let key)?: ourKey = key
        case .failure(let error)?: keyProblem = error.description
        case nil: break
        }
        self.trusted = trusted.map(Self.row)
        self.thresholds = thresholds.sorted { $0.key < $1.key }.map {
            ThresholdRow(publisher: $0.key, threshold: $0.value)
        }
    }

    private static func row(_ key: TrustedKey) -> TrustedRow {
        TrustedRow(
            publisher: key.publisher,
            fingerprint: SharePublicKey.grouped(key.fingerprint),
            rawFingerprint: key.fingerprint,
            verifiedVia: key.verifiedVia,
            added: Format.date(key.addedAt),
            until: key.validUntil.map { Format.date($0) },
            scopes: key.scopes.isEmpty ? "every kind" : key.scopes.joined(separator: ", "),
            revoked: key.revokedAt.map { "revoked \(Format.date($0)): \(key.revocationReason ?? "")" },
            replacedBy: key.replacedBy.map { SharePublicKey.grouped($0) }
        )
    }
}
