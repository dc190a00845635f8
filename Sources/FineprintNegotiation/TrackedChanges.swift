import FineprintCompare
import FineprintCore

/// The supplier's clause marked against our wording with the project's word diff, tidied so a
/// reader sees edits rather than confetti.
enum TrackedChanges {
    /// Equal runs shorter than this between two edits are folded into the edit.
    static let shortestKept = 3
    /// Below this share of the supplier's words kept, the clause is shown as replaced whole.
    static let keptShareForEdits = 0.3

    static func marked(from supplier: String, to ours: String) -> [TrackedChange] {
        let segments = WordChanges.between(supplier, ours)
        let supplierWords = max(1, wordCount(supplier))
        let kept = segments.filter { $0.op == .equal }.reduce(0) { $0 + wordCount($1.text) }
        if Double(kept) / Double(supplierWords) < keptShareForEdits {
            return [TrackedChange(op: .delete, text: supplier), TrackedChange(op: .insert, text: ours)]
        }
        return grouped(segments)
    }

    /// Runs in order; a short equal run between edits joins both the deletion and the insertion,
    /// and each edit is one deletion followed by one insertion.
    static func grouped(_ segments: [DiffSegment]) -> [TrackedChange] {
        var out: [TrackedChange] = []
        var deleted: [String] = []
        var inserted: [String] = []
        func flush() {
            if !deleted.isEmpty { out.append(TrackedChange(op: .delete, text: deleted.joined(separator: " "))) }
            if !inserted.isEmpty { out.append(TrackedChange(op: .insert, text: inserted.joined(separator: " "))) }
            deleted = []
            inserted = []
        }
        for (i, s) in segments.enumerated() {
            switch s.op {
            case .delete: deleted.append(s.text)
            case .insert: inserted.append(s.text)
            case .equal:
                let between = !(deleted.isEmpty && inserted.isEmpty) && i + 1 < segments.count
                if between && wordCount(s.text) < shortestKept {
                    deleted.append(s.text)
                    inserted.append(s.text)
                } else {
                    flush()
                    out.append(TrackedChange(op: .keep, text: s.text))
                }
            }
        }
        flush()
        return out
    }

    static func wordCount(_ s: String) -> Int { s.split(whereSeparator: \.isWhitespace).count }
}
