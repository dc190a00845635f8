import FineprintCompare
import FineprintCore

/// The compare page (view: compare.mustache): the Comparison library type flattened for the template.
struct CompareModel: PageModel {
    static let template = "compare"
    struct Column {
        var name: String
        var score: Int
        var rank: Int
        var gaps: Int
        var analysisId: String
        /// The score explained in one line, as the report explains it.
        var explained: String
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
        /// Whose text is strongest for a requirement, with its quote; "" where the playbook does not ask.
        var bestOffer: String
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
    var ids: [String]
    var columns: [Column]
    var sections: [Section]
    var moves: [MoveRow]
    var dimensions: [DimensionRow]
    var query: String
    /// The legend of the reviewer's marker, when a person changed a cell shown (`marked`).
    var reviewLegend: String? = nil

    init(_ c: Comparison, ids: [String], corpus: Corpus, profiles: [Playbook]) {
        profileName = c.profileName
        self.profiles = ProfileOption.list(profiles, selected: c.profile)
        self.ids = ids
        query = ids.map { "ids=\($0)" }.joined(separator: "&") + "&profile=\(c.profile)"
        columns = c.documents.enumerated().map { i, d in
            Column(
                name: Format.fileName(d.name),
                score: d.score,
                rank: d.rank,
                gaps: d.gaps,
                analysisId: ids[i],
                explained: d.explanation.oneLine()
            )
        }
        var sections: [Section] = []
        for row in c.provisions {
            let dimension = corpus.taxonomy.dimensionName(row.dimension)
            let cells = row.cells.enumerated().map { i, cell in
                Cell(
                    label: Self.label(cell, row),
                    css: Self.css(cell, row),
                    best: row.best.contains(i),
                    confidence: Format.percent(cell.confidence)
                )
            }
            let view = Row(
                id: row.id,
                name: row.name,
                asked: row.requirement.map(Self.asked) ?? "",
                cells: cells,
                bestOffer: Self.bestOffer(row, c)
            )
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
                name: corpus.taxonomy.dimensionName(id),
                scores: c.documents.map { d in d.dimensions.first { $0.id == id }?.score ?? 0 }
            )
        }
    }

    /// "Acme: “…quote…”", "tie: A and B", "none: no supplier offers it", with file names as shown.
    static func bestOffer(_ row: ProvisionRow, _ c: Comparison) -> String {
        guard let offer = row.bestOffer else { return "" }
        var documents = c.documents
        for i in documents.indices { documents[i].name = Format.fileName(documents[i].name) }
        return offer.wording(documents, hazard: row.polarity == .hazard) + (offer.quote().map { ": " + $0 } ?? "")
    }

    /// What a cell says in words (status, strength and value), so colour is never the only signal.
    static func label(_ cell: MatrixCell, _ row: ProvisionRow) -> String {
        StateWording.provision(cell.status, strength: cell.strength, value: cell.value, hazard: row.polarity == .hazard)
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
