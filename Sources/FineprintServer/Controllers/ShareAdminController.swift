import FineprintShare
import FineprintStore
import Foundation
import Hummingbird

/// Admin › Sharing: our own keys (read from the key folder `serve --share-key-dir` names) and the
/// trust list of allies' keys: add one (with how its fingerprint was confirmed), revoke one, set a
/// publisher's signature threshold. Every change is recorded in the audit log.
struct ShareAdminController {
    let bench: WebWorkbench

    /// GET /admin/share
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let ledger = try ledger()
        return try bench.pages.page(
            ShareAdminModel(
                ours: OurKeys.read(bench.shareKeyDirectory),
                trusted: try await ledger.trustedKeys(),
                thresholds: try await ledger.thresholds()
            )
        )
    }

    /// POST /admin/share/trust — fields `key` (the .pub file's text), `publisher`, `verified_via`,
    /// optional `until` (YYYY-MM-DD) and `scopes` (comma-separated).
    @Sendable func addKey(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: TrustKeyForm.self, context: context)
        let file = try PublicKeyFile(text: form.key)
        let until = try form.until.flatMap { $0.isEmpty ? nil : try Self.day($0) }
        let scopes = (form.scopes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let key = try await TrustList(ledger: try ledger()).add(
            file,
            publisher: form.publisher.trimmingCharacters(in: .whitespaces),
            verifiedVia: form.verifiedVia,
            until: until,
            scopes: scopes
        )
        try await bench.record(
            .shareTrust,
            "share_key",
            key.fingerprint,
            detail: "trusted for \(key.publisher), verified via: \(key.verifiedVia)",
            context: context
        )
        return Response.redirect(to: "/admin/share", type: .normal)
    }

    /// POST /admin/share/trust/revoke — fields `fingerprint`, `reason`.
    @Sendable func revokeKey(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: RevokeKeyForm.self, context: context)
        let reason = form.reason.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else {
            throw WebError.badRequest("A revocation needs a reason.", hint: "Say why the key is no longer trusted.")
        }
        let key = try await TrustList(ledger: try ledger()).revoke(fingerprint: form.fingerprint, reason: reason)
        try await bench.record(
            .shareTrust,
            "share_key",
            key.fingerprint,
            detail: "revoked: \(reason)",
            context: context
        )
        return Response.redirect(to: "/admin/share", type: .normal)
    }

    /// POST /admin/share/threshold — fields `publisher`, `threshold` (1…16).
    @Sendable func setThreshold(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: ThresholdForm.self, context: context)
        guard let threshold = Int(form.threshold.trimmingCharacters(in: .whitespaces)) else {
            throw WebError.badRequest("'\(form.threshold.prefix(20))' is not a number.", hint: "Give 1 to 16.")
        }
        let publisher = form.publisher.trimmingCharacters(in: .whitespaces)
        guard !publisher.isEmpty else { throw WebError.badRequest("No publisher given.", hint: "Name the publisher.") }
        try await ledger().setThreshold(publisher: publisher, threshold: threshold)
        try await bench.record(
            .shareTrust,
            "share_publisher",
            publisher,
            detail: "threshold \(threshold)",
            context: context
        )
        return Response.redirect(to: "/admin/share", type: .normal)
    }

    private func ledger() throws -> any ShareLedger {
        guard let ledger = bench.shareLedger else { throw WebError.notFound("sharing (this store keeps no ledger)") }
        return ledger
    }

    static func day(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let day = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) else {
            throw WebError.badRequest("'\(text.prefix(30))' is not a date.", hint: "Write it as YYYY-MM-DD.")
        }
        return day.addingTimeInterval(86_399)
    }
}

struct TrustKeyForm: Decodable {
    var key: String
    var publisher: String
    var verifiedVia: String
    var until: String?
    var scopes: String?

    enum CodingKeys: String, CodingKey {
        case key, publisher, until, scopes
        case verifiedVia = "verified_via"
    }
}

struct RevokeKeyForm: Decodable {
    var fingerprint: String
    var reason: String
}

struct ThresholdForm: Decodable {
    var publisher: String
    var threshold: String
}

/// Our own key as the admin page shows it, with the notices kept beside it.
struct OurKeys {
    var publisher: String
    var name: String
    var fingerprint: String
    var revocationNoticeKept: Bool
    var rotationNotices: [String]
    var retired: Int

    /// nil without a key folder; a folder without a usable key shows as a problem line instead.
    static func read(_ folder: URL?) -> Result<OurKeys, ShareError>? {
        guard let folder else { return nil }
        let directory = KeyDirectory(path: folder.path)
        do {
            let identity = try directory.identity()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let retired =
                (try? FileManager.default.contentsOfDirectory(
                    atPath: folder.appendingPathComponent("retired").path
                )) ?? []
            return .success(
                OurKeys(
                    publisher: identity.publisher.id,
                    name: identity.publisher.name,
                    fingerprint: identity.key.groupedFingerprint,
                    revocationNoticeKept: FileManager.default.fileExists(atPath: directory.revocationNotice.path),
                    rotationNotices: names.filter { $0.contains(".rotation-") && $0.hasSuffix(".json") }.sorted(),
                    retired: retired.filter { $0.hasSuffix(".pub") }.count
                )
            )
        } catch let error as ShareError {
            return .failure(error)
        } catch {
            return .failure(.badKeyFile("\(error)"))
        }
    }
}
