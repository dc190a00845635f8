import FineprintCompare
import FineprintCore

/// The diff page (view: diff.mustache): rights changes first, then the clause-by-clause text changes.
struct DiffModel: PageModel {
    static let template = "diff"
    struct RightsRow {
        var change: String
        var effect: String
        var name: String
        var provision: String
        var before: String
        var after: String
        var quote: String?
    }
    struct Segment {
        var text: String
        var op: String
        var isEqual: Bool
        var isInsert: Bool
        var isDelete: Bool
    }
    struct ClauseView {
        var label: String
        var status: String
        var moved: Bool
        var text: String
        var segments: [Segment]
        /// The status as a CSS class: its first word.
        var css: String
        var isModified: Bool
        var isAdded: Bool
        var isRemoved: Bool
    }

    var title = "What changed"
    var oldName: String
    var newName: String
    var oldId: String
    var newId: String
    var profile: String
    var headline: String
    var scoreOld: Int
    var scoreNew: Int
    var scoreDelta: String
    var rights: [RightsRow]
    var dimensions: String?
    var gapsOpened: [String]
    var gapsClosed: [String]
    var counts: String
    var cosmetic: String?
    var clauses: [ClauseView]
    /// The legend of the reviewer's marker, when a person changed a state shown (`marked`).
    var reviewLegend: String? = nil

    init(_ d: VersionDiff, oldId: String, newId: String, corpus: Corpus) {
        func provisionName(_ id: String) -> String { corpus.taxonomy.provision(id)?.name ?? id }
        oldName = Format.fileName(d.old.name)
        newName = Format.fileName(d.new.name)
        self.oldId = oldId
        self.newId = newId
        profile = d.profile
        headline = d.summary.headline
        let r = d.rights
        scoreOld = r.scoreOld
        scoreNew = r.scoreNew
        scoreDelta = r.scoreDelta > 0 ? "+\(r.scoreDelta)" : "\(r.scoreDelta)"
        rights = Self.rightsRows(r)
        let deltas = r.dimensions.map { x in
            let name = corpus.taxonomy.dimensionName(x.id)
            return "\(name) \(x.old) → \(x.new) (\(x.delta > 0 ? "+" : "")\(x.delta))"
        }
        dimensions = deltas.isEmpty ? nil : deltas.joined(separator: "; ")
        gapsOpened = r.gapsOpened.map(provisionName)
        gapsClosed = r.gapsClosed.map(provisionName)
        let s = d.summary
        counts =
            "\(s.unchanged) unchanged, \(s.cosmetic) cosmetic only, \(s.modified) modified, \(s.moved) moved, "
            + "\(s.added) added, \(s.removed) removed, \(s.renumbered) renumbered"
        var kinds: [String: Int] = [:]
        for c in d.clauses where c.status == .cosmetic { for k in c.cosmetic { kinds[k.rawValue, default: 0] += 1 } }
        let cosmeticList = kinds.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        cosmetic = cosmeticList.isEmpty ? nil : cosmeticList
        clauses = d.clauses.compactMap(Self.clauseView)
    }

    /// Provisions that changed, then kill-list moves added and removed.
    static func rightsRows(_ r: RightsChanges) -> [RightsRow] {
        var rows = r.provisions.map { p in
            RightsRow(
                change: p.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                effect: p.effect.rawValue,
                name: p.name,
                provision: p.provision,
                before: state(p.old),
                after: state(p.new),
                quote: (p.new.evidence ?? p.old.evidence).map { Format.snippet($0.quote, limit: 240) }
            )
        }
        rows += r.movesAdded.map { m in
            RightsRow(
                change: "kill-list move added",
                effect: "worse",
                name: m.name,
                provision: m.id,
                before: StateWording.move(found: false),
                after: StateWording.move(found: true),
                quote: m.evidence.map { Format.snippet($0.quote, limit: 240) }
            )
        }
        rows += r.movesRemoved.map { m in
            RightsRow(
                change: "kill-list move removed",
                effect: "better",
                name: m.name,
                provision: m.id,
                before: StateWording.move(found: true),
                after: StateWording.move(found: false),
                quote: nil
            )
        }
        return rows
    }

    /// A clause's change as shown; nil for an unchanged clause that did not move.
    static func clauseView(_ c: ClauseChange) -> ClauseView? {
        let ref = c.new ?? c.old
        let label = [ref?.number.map { "Clause \($0)" }, ref?.section].compactMap { $0 }.first ?? "Unnumbered text"
        switch c.status {
        case .modified, .added, .removed:
            return ClauseView(
                label: label,
                status: c.status.rawValue,
                moved: c.moved,
                text: c.text,
                segments: (c.segments ?? []).map(segment),
                css: c.status.rawValue,
                isModified: c.status == .modified,
                isAdded: c.status == .added,
                isRemoved: c.status == .removed
            )
        case .cosmetic:
            // Marked, not hidden: a reader can check that nothing of substance hides in it.
            let kinds = c.cosmetic.map(\.rawValue).joined(separator: ", ")
            return ClauseView(
                label: label,
                status: "cosmetic only (\(kinds))",
                moved: c.moved,
                text: Format.snippet(c.text, limit: 200),
                segments: [],
                css: "cosmetic",
                isModified: false,
                isAdded: false,
                isRemoved: false
            )
        case .unchanged:
            guard c.moved else { return nil }
            return ClauseView(
                label: label,
                status: "moved",
                moved: true,
                text: Format.snippet(c.text, limit: 300),
                segments: [],
                css: "moved",
                isModified: false,
                isAdded: false,
                isRemoved: false
            )
        }
    }

    static func segment(_ seg: DiffSegment) -> Segment {
        Segment(
            text: seg.op == .equal ? shorten(seg.text) : seg.text,
            op: seg.op.rawValue,
            isEqual: seg.op == .equal,
            isInsert: seg.op == .insert,
            isDelete: seg.op == .delete
        )
    }

    /// Long unchanged stretches keep their ends only, so the changes stand out.
    static func shorten(_ text: String, keep: Int = 60) -> String {
        guard text.count > keep * 2 + 10 else { return text }
        return String(text.prefix(keep)) + " … " + String(text.suffix(keep))
    }

    static func state(_ s: FindingState) -> String {
        StateWording.provision(s.status, strength: s.strength, value: s.value)
    }
}
