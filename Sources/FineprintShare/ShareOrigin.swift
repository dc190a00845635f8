import FineprintStore
import Foundation

/// Where an ally's item came from, as every page and listing marks it: the publisher whose
/// namespace it lives in, the key that signed it, the version and the day the bundle was signed.
public struct ShareOrigin: Hashable, Sendable {
    public var publisher: String
    /// The signing key's fingerprint (`sha256:…`).
    public var signer: String
    public var version: Int
    public var signedAt: Date?
    public var bundleId: String
    public var importedAt: Date

    public init(_ item: SharedItem) {
        publisher = item.publisher
        signer = item.signer
        version = item.version
        signedAt = item.signedAt
        bundleId = item.bundleId
        importedAt = item.importedAt
    }

    public init(adopted item: AdoptedItem) {
        publisher = item.fromPublisher
        signer = item.signer
        version = item.fromVersion
        signedAt = item.signedAt
        bundleId = item.fromBundle
        importedAt = item.adoptedAt
    }

    public var groupedSigner: String { SharePublicKey.grouped(signer) }

    /// The signing day (the import day when the bundle's date was not kept), as YYYY-MM-DD.
    public var signedDay: String { ShareDay.format(signedAt ?? importedAt) }

    /// One line for a badge: "ee-mkm · v2 · signed by sha256:06e3 … on 2026-12-05".
    public var badge: String {
        "\(publisher) · v\(version) · signed by \(groupedSigner) on \(signedDay)"
    }
}

enum ShareDay {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

}
