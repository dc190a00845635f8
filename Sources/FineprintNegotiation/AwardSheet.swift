import FineprintCompare
import FineprintCore
import FineprintReport

/// The one page an evaluation committee attaches to its award report: the suppliers ranked with
/// their scores explained and main risks, then per requirement what each offers and whose is best.
public struct AwardSheet: Hashable, Sendable {
    public struct Supplier: Hashable, Sendable {
        public var name: String
        public var rank: Int
        public var score: Int
        /// The score explained in one line, as the report explains it.
        public var explained: String
        /// The risks that cost the most points, in the report's verdict words.
        public var risks: [String]
        /// Set when people reviewed the analysis and changed what it shows.
        public var reviewed: Bool
    }

    public struct Requirement: Hashable, Sendable {
        public var name: String
        public var asked: String
        /// What each supplier's text offers, in supplier order; "✎" follows a cell a person changed.
        public var cells: [String]
        /// Whose text is strongest ("Acme", "tie: A and B", "none: no supplier offers it").
        public var bestOffer: String
        public var quote: String?
    }

    /// Risks shown per supplier: the page has room for three.
    public static let risksShown = 3
    /// Characters of best offer and quote that fit one line of the sheet's table.
    static let lineLength = 125

    public var matter: String
    public var date: String
    public var profileName: String
    /// In the comparison's document order (the requirement table's columns).
    public var suppliers: [Supplier]
    public var requirements: [Requirement]

    public var title: String { "Award comparison: \(matter)" }
    /// Suppliers best first.
    public var ranked: [Supplier] { suppliers.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) } }
    public var anyReviewed: Bool { suppliers.contains(where: \.reviewed) }

    /// The sheet of `comparison`, with each document's report input (the reviewed reading and its
    /// marks where people reviewed it) for the risks and the ✎ marks; `inputs` in document order.
    public init(_ comparison: Comparison, inputs: [ReportInput], matter: String?, date: String) {
        self.matter = matter ?? comparison.profileName
        self.date = date
        profileName = comparison.profileName
        suppliers = comparison.documents.enumerated().map { i, d in
            let input = i < inputs.count ? inputs[i] : nil
            return Supplier(
                name: d.name,
                rank: d.rank,
                score: d.score,
                explained: d.explanation.oneLine(),
                risks: input.map { Verdict($0).risks.prefix(Self.risksShown).map(\.headline) } ?? [],
                reviewed: input?.reviewMarks?.hasChanges == true
            )
        }
        requirements = comparison.provisions.compactMap { row in
            guard let level = row.requirement, let offer = row.bestOffer else { return nil }
            let wording = offer.wording(comparison.documents, hazard: row.polarity == .hazard)
            return Requirement(
                name: row.name,
                asked: Self.asked(level),
                cells: row.cells.enumerated().map { i, cell in
                    let marks = i < inputs.count ? inputs[i].reviewMarks : nil
                    let label = StateWording.provision(
                        cell.status,
                        strength: cell.strength,
                        value: cell.value,
                        hazard: row.polarity == .hazard
                    )
                    return label + (marks?.changed(row.id) == true ? " " + ReviewMarks.marker : "")
                },
                bestOffer: wording,
                // The quote gets what is left of one line of the sheet's table.
                quote: offer.quote(limit: max(40, Self.lineLength - wording.count))
            )
        }
    }

    static func asked(_ level: RequirementLevel) -> String {
        switch level {
        case .required: "required"
        case .preferred: "preferred"
        case .mustBeAbsent: "must not"
        }
    }
}
