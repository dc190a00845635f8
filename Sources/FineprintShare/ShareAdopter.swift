import FineprintCore
import FineprintStore
import Foundation

/// Copies an ally's item into our own namespace, keeping where it came from. Adopting never
/// replaces anything of ours: an id we already use (in the corpus or adopted before) is refused
/// with a clear error, and the operator chooses another id.
public struct ShareAdopter: Sendable {
    public var ledger: any ShareLedger
    /// Our own ids by kind (the corpus's clauses, playbooks, moves, knowledge items…).
    public var ourIDs: [ShareKind: Set<String>]
    public var now: Date
    public var auditLog: (any AuditLog)?
    public var operatorName: String?
    /// The client's address, for an adoption made through the web app.
    public var address: String?

    public init(
        ledger: any ShareLedger,
        ourIDs: [ShareKind: Set<String>],
        now: Date = Date(),
        auditLog: (any AuditLog)? = nil,
        operatorName: String? = nil,
        address: String? = nil
    ) {
        self.ledger = ledger
        self.ourIDs = ourIDs
        self.now = now
        self.auditLog = auditLog
        self.operatorName = operatorName
        self.address = address
    }

    /// Kinds that can be adopted: drafting and knowledge, not another government's results.
    public static let adoptableKinds: Set<ShareKind> = [.clause, .playbook, .move, .knowledge, .standard]

    /// Adopts the newest version of `reference` (`PUBLISHER/KIND:ID`, as `share items` lists it),
    /// under `newID` or the ally's id; records it in the audit log.
    @discardableResult
    public func adopt(_ reference: String, as newID: String? = nil) async throws -> AdoptedItem {
        let (publisher, kind, id) = try Self.parse(reference)
        let versions = try await ledger.sharedItems(publisher: publisher).filter {
            $0.kind == kind.rawValue && $0.id == id
        }
        guard let newest = versions.max(by: { $0.version < $1.version }) else {
            throw ShareError.badItem("no item \(reference) was imported from \(publisher)")
        }
        guard !newest.withdrawn else {
            throw ShareError.badItem("\(reference) v\(newest.version) is withdrawn by its publisher; nothing to adopt")
        }
        let ourID = newID ?? id
        guard ItemIdentifier.isSafe(ourID) else { throw ShareError.badItem("\"\(ourID)\" is not a usable id") }
        if ourIDs[kind, default: []].contains(ourID) {
            throw ShareError.badItem(
                "we already have a \(kind.rawValue) \"\(ourID)\" (our own or adopted before) and never replace it; adopt under another id (--as NEW_ID)"
            )
        }
        let adopted = AdoptedItem(
            kind: kind.rawValue,
            id: ourID,
            title: newest.title,
            content: try Self.renamed(newest.content, kind: kind, to: ourID, from: id),
            fromPublisher: publisher,
            fromId: id,
            fromVersion: newest.version,
            fromBundle: newest.bundleId,
            fromSha256: newest.sha256,
            signer: newest.signer,
            signedAt: newest.signedAt,
            adoptedAt: now,
            adoptedBy: operatorName
        )
        try await ledger.recordAdoption(adopted)
        try await record(adopted)
        return adopted
    }

    /// `PUBLISHER/KIND:ID` into its parts, with a clear error for anything else.
    public static func parse(_ reference: String) throws -> (publisher: String, kind: ShareKind, id: String) {
        let usage = "\"\(reference)\" is not PUBLISHER/KIND:ID (as `fineprint share items` lists them)"
        guard let slash = reference.firstIndex(of: "/") else { throw ShareError.badItem(usage) }
        let publisher = String(reference[..<slash])
        let rest = reference[reference.index(after: slash)...].split(separator: ":", maxSplits: 1).map(String.init)
        guard !publisher.isEmpty, rest.count == 2, let kind = ShareKind(rawValue: rest[0]), !rest[1].isEmpty else {
            throw ShareError.badItem(usage)
        }
        guard adoptableKinds.contains(kind) else {
            throw ShareError.badItem(
                "\(kind.rawValue) items are an ally's results, shown beside ours but not adopted; adoptable kinds: "
                    + adoptableKinds.map(\.rawValue).sorted().joined(separator: ", ")
            )
        }
        return (publisher, kind, rest[1])
    }

    /// The item's bytes with our id in place of the ally's (JSON items); unchanged when the id is kept.
    static func renamed(_ content: Data, kind: ShareKind, to newID: String, from oldID: String) throws -> Data {
        guard newID != oldID, kind != .standard else { return content }
        guard var object = try JSONSerialization.jsonObject(with: content) as? [String: Any] else {
            throw ShareError.badItem("the item's content is not a JSON object")
        }
        object["id"] = newID
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private func record(_ item: AdoptedItem) async throws {
        try await auditLog?.append(
            NewAuditEvent(
                time: now,
                actor: operatorName,
                action: .shareAdopt,
                targetKind: item.kind,
                targetID: item.id,
                address: address,
                detail:
                    "adopted \(item.fromPublisher)/\(item.kind):\(item.fromId) v\(item.fromVersion) from bundle \(item.fromBundle), sha256 \(item.fromSha256), signed by \(item.signer)"
            )
        )
    }
}

extension ShareAdopter {
    /// Our own ids by kind, from the corpus and its knowledge base, with the items adopted before
    /// (the ledger refuses those too; listing them here gives the same clear message).
    /// `standards`: the file names (without extension) of our crosswalks.
    public static func ourIDs(
        corpus: Corpus,
        knowledge: KnowledgeBase,
        standards: [String] = [],
        adopted: [AdoptedItem]
    ) -> [ShareKind: Set<String>] {
        let knowledgeIDs =
            knowledge.patterns.map(\.id) + knowledge.partnerships.map(\.id) + knowledge.precedents.map(\.id)
            + knowledge.regulations.map(\.id) + knowledge.sources.map(\.id)
        var ids: [ShareKind: Set<String>] = [
            .clause: Set(corpus.clauses.map(\.id)),
            .playbook: Set(corpus.playbooks.map(\.id)),
            .move: Set(corpus.moves.map(\.id)),
            .knowledge: Set(knowledgeIDs),
            .standard: Set(standards),
        ]
        for item in adopted { if let kind = ShareKind(rawValue: item.kind) { ids[kind, default: []].insert(item.id) } }
        return ids
    }
}
