import Crypto
import Foundation

/// What to put in a bundle: who publishes it, its place in the publisher's sequence, and each item
/// with the version the publisher gives it.
public struct BundleRequest: Sendable {
    public var publisher: SharePredicate.Publisher
    public var sequence: Int
    public var createdAt: Date
    public var expiresAt: Date?
    public var items: [(item: OutgoingItem, version: Int)]
    /// Left nil, the id is derived from the content, so packing the same request twice gives the same bytes.
    public var bundleId: String?

    public init(
        publisher: SharePredicate.Publisher,
        sequence: Int,
        createdAt: Date,
        expiresAt: Date? = nil,
        items: [(item: OutgoingItem, version: Int)],
        bundleId: String? = nil
    ) {
        self.publisher = publisher
        self.sequence = sequence
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.items = items
        self.bundleId = bundleId
    }
}

public struct PackedBundle: Sendable {
    public var data: Data
    public var statement: ShareStatement
    public var envelope: DSSEEnvelope
}

/// Builds a `.fpshare`: hashes the items, signs the statement naming them, writes a reproducible zip.
public enum BundlePacker {
    public static let mimetype = "application/vnd.fineprint.share+zip"
    static let envelopePath = "envelope.dsse.json"
    /// The one file that is not a subject: the envelope signs everything else.
    static let informational: Set<String> = [envelopePath]

    public static func pack(_ request: BundleRequest, signers: [Curve25519.Signing.PrivateKey]) throws -> PackedBundle {
        guard !signers.isEmpty else { throw ShareError.badItem("a bundle needs at least one signing key") }
        guard !request.items.isEmpty else { throw ShareError.badItem("name at least one item to pack (clause:ID …)") }
        var files: [String: Data] = [:]
        var entries: [SharePredicate.Item] = []
        for (item, version) in request.items {
            guard ItemIdentifier.isSafe(item.id) else { throw ShareError.badItem("unsafe item id \"\(item.id)\"") }
            let path = "items/\(item.kind.rawValue)/\(item.id)@\(version).\(item.kind.fileExtension)"
            guard files[path] == nil else {
                throw ShareError.badItem("\(item.kind.rawValue):\(item.id) is named twice")
            }
            files[path] = item.content
            entries.append(
                SharePredicate.Item(
                    path: path,
                    kind: item.kind.rawValue,
                    id: item.id,
                    namespace: request.publisher.id,
                    version: version,
                    sequence: request.sequence,
                    withdrawn: item.withdrawn,
                    schema: item.kind.schema,
                    title: item.title
                )
            )
        }
        let first = SharePublicKey(signers[0].publicKey)
        files["keys/publisher.pub"] = Data(
            PublicKeyFile(
                key: first,
                publisher: request.publisher.id,
                name: request.publisher.name,
                country: request.publisher.country
            )
            .text.utf8
        )
        files["mimetype"] = Data(mimetype.utf8)
        files["README.txt"] = Data(readme(request, fingerprint: first.groupedFingerprint).utf8)
        let statement = makeStatement(request, files: files, entries: entries.sorted { $0.path < $1.path })
        let payload = try CanonicalJSON.encode(statement)
        let envelope = try DSSEEnvelope.sign(payload, payloadType: ShareStatement.payloadType, with: signers)
        files[envelopePath] = try CanonicalJSON.pretty(envelope)
        return PackedBundle(data: try BundleArchive.write(files), statement: statement, envelope: envelope)
    }

    private static func makeStatement(
        _ request: BundleRequest,
        files: [String: Data],
        entries: [SharePredicate.Item]
    ) -> ShareStatement {
        let subjects = files.keys.sorted().map { path in
            ShareStatement.Subject(name: path, digest: ["sha256": Hex.sha256(files[path] ?? Data())])
        }
        let bundleId = request.bundleId ?? derivedId(request, subjects: subjects)
        let predicate = SharePredicate(
            publisher: request.publisher,
            bundleId: bundleId,
            sequence: request.sequence,
            createdAt: Timestamp.string(request.createdAt),
            expiresAt: request.expiresAt.map(Timestamp.string),
            items: entries
        )
        return ShareStatement(
            type: ShareStatement.statementType,
            subject: subjects,
            predicateType: ShareStatement.predicateType,
            predicate: predicate
        )
    }

    /// A UUID-shaped id from the publisher, sequence, time and item digests.
    private static func derivedId(_ request: BundleRequest, subjects: [ShareStatement.Subject]) -> String {
        let seed =
            ([request.publisher.id, "\(request.sequence)", Timestamp.string(request.createdAt)]
            + subjects.map { "\($0.name)=\($0.digest["sha256"] ?? "")" }).joined(separator: "\n")
        var bytes = Array(SHA256.hash(data: Data(seed.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // a name-based UUID's version nibble
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Hex.string(bytes)
        let cuts = [8, 12, 16, 20]
        var parts: [String] = []
        var start = hex.startIndex
        for cut in cuts + [32] {
            let end = hex.index(hex.startIndex, offsetBy: cut)
            parts.append(String(hex[start..<end]))
            start = end
        }
        return parts.joined(separator: "-")
    }

    private static func readme(_ request: BundleRequest, fingerprint: String) -> String {
        let publisher = request.publisher
        return """
            Fineprint share bundle from \(publisher.name) (\(publisher.id), \(publisher.country)), sequence \(request.sequence), made \(Timestamp.string(request.createdAt)).

            Signed by the key \(fingerprint).
            Check it with `fineprint share verify THIS.fpshare` after adding the publisher's key to your trust list;
            compare the fingerprint with the publisher over a second channel first.

            By hand: envelope.dsse.json is a DSSE v1 envelope; its signature covers
            "DSSEv1 <len(type)> <type> <len(payload)> <payload>" with the decoded payload, an in-toto Statement v1
            listing every other file of the bundle with its SHA-256. keys/publisher.pub is informational only,
            never trusted.

            """
    }
}
