import FineprintCompare
import FineprintCore
import FineprintStore
import Foundation

/// One line of a list of analyses.
struct AnalysisRow {
    var id: Int64
    var documentName: String
    var shortSha: String
    var profile: String
    var score: Int
    var scoreBand: String
    var gaps: Int
    var moves: Int
    var createdAt: String
    /// Preselected in the diff form: the newest as the newer version, the one before as the older.
    var newerDefault = false
    var olderDefault = false

    init(_ s: AnalysisSummary) {
        id = s.id
        documentName = s.documentName
        shortSha = String(s.documentSha256.prefix(12))
        profile = s.profile
        score = s.score
        scoreBand = Format.scoreBand(s.score)
        gaps = s.gaps
        moves = s.moves
        createdAt = Format.date(s.createdAt)
    }
}

struct HomeView {
    var title = "Upload a contract"
    var profiles: [ProfileOption]
    var maxSize: String
    var recent: [AnalysisRow]
    /// A fresh key per page load: submitting the same form again returns the job it made.
    var idempotencyKey = AnalysisJob.newID()
}

struct HistoryView {
    var title = "History of analyses"
    var rows: [AnalysisRow]
    var total: Int
    var page: Int
    var previousPage: Int?
    var nextPage: Int?
    var profiles: [ProfileOption]
}

struct ErrorView {
    var title: String
    var status: Int
    var message: String
    var hint: String
}

/// The knowledge search page: the query, the filters and the results.
struct KnowledgeView {
    struct KindFilter {
        var id: String
        var label: String
        var count: Int
        var selected: Bool
    }
    struct Result {
        var kind: String
        var kindLabel: String
        var id: String
        var title: String
        var summary: String
        var snippet: String?
        var tags: [String]
    }
    var title = "Knowledge base"
    var query: String
    var kinds: [KindFilter]
    var tag: String?
    var results: [Result]
    var count: Int
    var searched: Bool
}

struct KnowledgeEntryView {
    var title: String
    var kind: String
    var kindLabel: String
    var id: String
    var summary: String?
    var sections: [KnowledgeSection]
    var tags: [String]
}

/// A titled block of a knowledge entry's detail page.
struct KnowledgeSection {
    var heading: String
    var paragraphs: [String]
    var items: [String]
    /// Many short items: laid out in columns.
    var compact: Bool

    init(heading: String, paragraphs: [String], items: [String]) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.items = items
        compact = items.count > 6 && items.allSatisfy { $0.count <= 60 }
    }
}

/// The compare page: the Comparison library type flattened for the template.
struct CompareView {
    struct Column {
        var name: String
        var score: Int
        var rank: Int
        var gaps: Int
        var analysisId: Int64
    }
    struct Cell {
        var label: String
        var css: String
        var best: Bool
        var confidence: String
    }
    struct Row {
        var id: String
        var name: String
        var asked: String
        var cells: [Cell]
    }
    struct Section {
        var name: String
        var rows: [Row]
    }
    struct MoveRow {
        var id: String
        var name: String
        var severity: String
        var present: [Bool]
    }
    struct DimensionRow {
        var name: String
        var scores: [Int]
    }

    var title = "Compare suppliers"
    var profileName: String
    var profiles: [ProfileOption]
    var ids: [Int64]
    var columns: [Column]
    var sections: [Section]
    var moves: [MoveRow]
    var dimensions: [DimensionRow]
    var query: String

    init(_ c: Comparison, ids: [Int64], corpus: Corpus, profiles: [Playbook]) {
        profileName = c.profileName
        self.profiles = ProfileOption.list(profiles, selected: c.profile)
        self.ids = ids
        query = ids.map { "ids=\($0)" }.joined(separator: "&") + "&profile=\(c.profile)"
        columns = c.documents.enumerated().map { i, d in
            Column(name: d.name, score: d.score, rank: d.rank, gaps: d.gaps, analysisId: ids[i])
        }
        var sections: [Section] = []
        for row in c.provisions {
            let dimension = corpus.taxonomy.dimensions.first { $0.id == row.dimension }?.name ?? row.dimension
            let cells = row.cells.enumerated().map { i, cell in
                Cell(
                    label: Self.label(cell, row),
                    css: Self.css(cell, row),
                    best: row.best.contains(i),
                    confidence: Format.percent(cell.confidence)
                )
            }
            let view = Row(id: row.id, name: row.name, asked: row.requirement.map(Self.asked) ?? "", cells: cells)
            if sections.last?.name == dimension {
                sections[sections.count - 1].rows.append(view)
            } else {
                sections.append(Section(name: dimension, rows: [view]))
            }
        }
        self.sections = sections
        moves = c.moves.map {
            MoveRow(id: $0.id, name: $0.name, severity: $0.severity?.rawValue ?? "", present: $0.present)
        }
        dimensions = (c.documents.first?.dimensions.map(\.id) ?? []).map { id in
            DimensionRow(
                name: corpus.taxonomy.dimensions.first { $0.id == id }?.name ?? id,
                scores: c.documents.map { d in d.dimensions.first { $0.id == id }?.score ?? 0 }
            )
        }
    }

    /// What a cell says in words (status, strength and value), so colour is never the only signal.
    static func label(_ cell: MatrixCell, _ row: ProvisionRow) -> String {
        if row.polarity == .hazard { return cell.status == .present ? "found" : "—" }
        guard cell.status == .present else { return "absent" }
        return [cell.strength?.rawValue ?? "present", cell.value].compactMap { $0 }.joined(separator: " · ")
    }

    static func css(_ cell: MatrixCell, _ row: ProvisionRow) -> String {
        if row.polarity == .hazard { return cell.status == .present ? "hazard-present" : "hazard-absent" }
        return cell.status == .present ? (cell.strength?.rawValue ?? "adequate") : "absent"
    }

    static func asked(_ level: RequirementLevel) -> String {
        switch level {
        case .required: "required"
        case .preferred: "preferred"
        case .mustBeAbsent: "must be absent"
        }
    }
}

/// The diff page: rights changes first, then the clause-by-clause text changes.
struct DiffView {
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
    var oldId: Int64
    var newId: Int64
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

    init(_ d: VersionDiff, oldId: Int64, newId: Int64, corpus: Corpus) {
        func provisionName(_ id: String) -> String { corpus.taxonomy.provision(id)?.name ?? id }
        oldName = d.old.name
        newName = d.new.name
        self.oldId = oldId
        self.newId = newId
        profile = d.profile
        headline = d.summary.headline
        let r = d.rights
        scoreOld = r.scoreOld
        scoreNew = r.scoreNew
        scoreDelta = r.scoreDelta > 0 ? "+\(r.scoreDelta)" : "\(r.scoreDelta)"
        var rows = r.provisions.map { p in
            RightsRow(
                change: p.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                effect: p.effect.rawValue,
                name: p.name,
                provision: p.provision,
                before: Self.state(p.old),
                after: Self.state(p.new),
                quote: (p.new.evidence ?? p.old.evidence).map { Format.snippet($0.quote, limit: 240) }
            )
        }
        rows += r.movesAdded.map { m in
            RightsRow(
                change: "kill-list move added",
                effect: "worse",
                name: m.name,
                provision: m.id,
                before: "—",
                after: "found",
                quote: m.evidence.map { Format.snippet($0.quote, limit: 240) }
            )
        }
        rows += r.movesRemoved.map { m in
            RightsRow(
                change: "kill-list move removed",
                effect: "better",
                name: m.name,
                provision: m.id,
                before: "found",
                after: "—",
                quote: nil
            )
        }
        rights = rows
        let deltas = r.dimensions.map { x in
            let name = corpus.taxonomy.dimensions.first { $0.id == x.id }?.name ?? x.id
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
        clauses = d.clauses.compactMap { c in
            let ref = c.new ?? c.old
            let label = [ref?.number.map { "Clause \($0)" }, ref?.section].compactMap { $0 }.first ?? "Unnumbered text"
            switch c.status {
            case .modified, .added, .removed:
                return ClauseView(
                    label: label,
                    status: c.status.rawValue,
                    moved: c.moved,
                    text: c.text,
                    segments: (c.segments ?? []).map { seg in
                        Segment(
                            text: seg.op == .equal ? Self.shorten(seg.text) : seg.text,
                            op: seg.op.rawValue,
                            isEqual: seg.op == .equal,
                            isInsert: seg.op == .insert,
                            isDelete: seg.op == .delete
                        )
                    },
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
    }

    /// Long unchanged stretches keep their ends only, so the changes stand out.
    static func shorten(_ text: String, keep: Int = 60) -> String {
        guard text.count > keep * 2 + 10 else { return text }
        return String(text.prefix(keep)) + " … " + String(text.suffix(keep))
    }

    static func state(_ s: FindingState) -> String {
        guard s.status == .present else { return "absent" }
        return [s.strength?.rawValue ?? "present", s.value].compactMap { $0 }.joined(separator: " · ")
    }
}
