import FineprintCore
import FineprintStore
import Foundation

/// An item we adopted, with the newer version its publisher has sent since, if any.
public struct AdoptedEntry: Sendable {
    public var item: AdoptedItem
    public var newer: NewerVersion?

    public var origin: ShareOrigin { ShareOrigin(adopted: item) }

    /// "adopted from ee-mkm/clause:audit v2 (bundle …), signed … on …; adopted by … on …".
    public var provenance: String {
        let by = item.adoptedBy.map { " by \($0)" } ?? ""
        return
            "adopted from \(item.fromPublisher)/\(item.kind):\(item.fromId) v\(item.fromVersion) (bundle \(item.fromBundle)), signed by \(origin.groupedSigner) on \(origin.signedDay); adopted\(by) on \(ShareDay.format(item.adoptedAt))"
    }
}

/// A version of an adopted item newer than the one we copied, and what changed in it.
public struct NewerVersion: Hashable, Sendable {
    public var version: Int
    public var withdrawn: Bool
    public var signedAt: Date?
    /// The fields whose values differ from the version we adopted (for a YAML item: "the file").
    public var changedFields: [String]

    /// "v3 available (signed 2026-12-05): changed text, notes" or "v3 withdraws it".
    public var summary: String {
        let day = signedAt.map { " (signed \(ShareDay.format($0)))" } ?? ""
        if withdrawn { return "v\(version) withdraws it\(day)" }
        let changes = changedFields.isEmpty ? "no field changed" : "changed " + changedFields.joined(separator: ", ")
        return "newer version v\(version) available\(day): \(changes)"
    }

    /// The newest version of the adopted item's origin when it is newer than the one adopted.
    static func find(for adopted: AdoptedItem, in items: [SharedItem]) -> NewerVersion? {
        let versions = items.filter {
            $0.publisher == adopted.fromPublisher && $0.kind == adopted.kind && $0.id == adopted.fromId
        }
        guard let newest = versions.max(by: { $0.version < $1.version }), newest.version > adopted.fromVersion else {
            return nil
        }
        let base = versions.first { $0.version == adopted.fromVersion }?.content ?? adopted.content
        return NewerVersion(
            version: newest.version,
            withdrawn: newest.withdrawn,
            signedAt: newest.signedAt,
            changedFields: newest.withdrawn ? [] : ContentChanges.fields(from: base, to: newest.content)
        )
    }
}

/// Which top-level fields differ between two versions of an item (the id is ignored: an adopted
/// item may have been renamed).
enum ContentChanges {
    static func fields(from old: Data, to new: Data) -> [String] {
        guard let before = object(old), let after = object(new) else {
            return old == new ? [] : ["the file"]
        }
        let names = Set(before.keys).union(after.keys).subtracting(["id"])
        return names.sorted().filter { name in
            !equal(before[name], after[name])
        }
    }

    private static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    private static func equal(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            // Canonical bytes compare nested values whatever their order.
            let left = try? JSONSerialization.data(withJSONObject: ["v": a], options: [.sortedKeys])
            let right = try? JSONSerialization.data(withJSONObject: ["v": b], options: [.sortedKeys])
            return left != nil && left == right
        default: return false
        }
    }
}
