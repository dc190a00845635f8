import FineprintCore
import FineprintReport
import FineprintStore
import Foundation

/// What the report page shows (view: report.mustache), flattened for the template. Names come from the corpus; the
/// highlighted text is the report library's (HTMLFragments), already escaped.
struct ReportModel: PageModel {
    static let template = "report"
    struct DimensionRow {
        var name: String
        var score: Int
        var gaps: [String]
    }
    struct Clause {
        var id: String
        var title: String
        var paragraphs: [String]
    }
    struct EvidenceLink {
        var start: Int
        var quote: String
    }
    struct Move {
        var id: String
        var name: String
        var severity: String
        var summary: String
        var mechanism: String
        var confidence: String
        var evidence: [EvidenceLink]
        var mitigation: Clause?
        /// The reviewer's decision form (set with the review panel).
        var review: ReviewPanel.MoveForm? = nil
    }
    struct Finding {
        var id: String
        var name: String
        var status: String
        var strength: String
        var strengthClass: String
        var value: String
        var confidence: String
        var anchor: String?
        /// The reviewer's marker on each cell a person changed ("" when unchanged).
        var statusMark = ""
        var strengthMark = ""
        var valueMark = ""
        var evidenceMark = ""
        /// The reviewer's form for this provision (set with the review panel).
        var review: ReviewPanel.FindingForm? = nil
    }
    struct Group {
        var name: String
        var findings: [Finding]
    }
    struct GapView {
        var name: String
        var provision: String
        var reason: String
        var level: String
        var clause: Clause?
    }

    var id: String
    /// The analysis's id under a name the nested sections (findings, moves) do not shadow.
    var analysisId: String
    /// The matter's entry of the document, for the delete link (set by the controller).
    var documentId: String?
    var title: String
    var documentName: String
    var documentNameFull: String?
    var format: String
    var characters: Int
    var sha256: String
    var profile: String
    var profileName: String
    /// The home jurisdictions the analysis counted as not foreign, joined; nil when none were given.
    var homeJurisdictions: String?
    var judgedBy: String?
    var score: Int
    var scoreBand: String
    var createdAt: String
    var dimensions: [DimensionRow]
    var moves: [Move]
    var groups: [Group]
    var gaps: [GapView]
    var highlighted: String
    /// The first screen: most serious risks with links to their evidence, what to ask for first,
    /// and the explained score (the report library's HTML, already escaped).
    var verdict: String
    var profiles: [ProfileOption]
    var milliseconds: Int
    /// The standards this analysis can be checked against (set by the controller; empty: none offered).
    var standards: [StandardLink] = []
    /// The review: state, notes, forms (set by `withReview`).
    var review: ReviewPanel? = nil
    /// Moves the machine found that a reviewer dismissed (not counted in the score).
    var dismissedMoves: [Move] = []

    /// The page with the review panel: every finding's form and marker, every move's decision form.
    func withReview(_ panel: ReviewPanel, machine: Analysis, marks: ReviewMarks?, names: CorpusNames) -> ReportModel {
        var model = self
        model.review = panel
        let mark = { (id: String, cell: ReviewedCell) in marks?.changed(id, cell) == true ? ReviewMarks.marker : "" }
        model.groups = groups.map { group in
            var group = group
            group.findings = group.findings.map { f in
                var f = f
                (f.statusMark, f.strengthMark) = (mark(f.id, .status), mark(f.id, .strength))
                (f.valueMark, f.evidenceMark) = (mark(f.id, .value), mark(f.id, .evidence))
                f.review = panel.findings[f.id]
                return f
            }
            return group
        }
        let forms = Dictionary(panel.moves.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        model.moves = moves.map { m in
            var m = m
            m.review = forms[m.id]
            return m
        }
        model.dismissedMoves = machine.killListMoves.filter { marks?.dismissedMoves[$0.id] != nil }.map {
            var m = Self.move($0, names)
            m.review = forms[$0.id]
            return m
        }
        return model
    }

    init(_ stored: StoredAnalysis, input: ReportInput, profiles: [Playbook]) {
        // The reviewed reading when a person reviewed it (the input carries it), else the machine's.
        let a = input.analysis
        let names = CorpusNames(input.corpus)
        id = stored.summary.publicId
        analysisId = stored.summary.publicId
        title = Format.fileName(a.document.name)
        documentName = Format.fileName(a.document.name)
        documentNameFull = Format.fullFileName(a.document.name)
        format = a.document.format.rawValue
        characters = a.document.characters
        sha256 = a.document.sha256
        profile = a.profile
        profileName = input.playbook.name
        homeJurisdictions = a.homeJurisdictions?.joined(separator: ", ")
        judgedBy = a.learnedModel?.explanation
        score = a.score
        scoreBand = Format.scoreBand(a.score)
        createdAt = Format.date(stored.summary.createdAt)
        dimensions = a.dimensions.map { d in
            DimensionRow(name: names.dimension(d.id), score: d.score, gaps: d.gaps.map(names.provision))
        }
        moves = a.killListMoves.map { Self.move($0, names) }
        groups = Self.groups(a, names)
        gaps = a.gaps.map { g in
            GapView(
                name: names.provision(g.provision),
                provision: g.provision,
                reason: g.reason.rawValue.replacingOccurrences(of: "_", with: " "),
                level: g.level.rawValue.replacingOccurrences(of: "_", with: " "),
                clause: names.clause(g.clause)
            )
        }
        highlighted = HTMLFragments.highlightedText(input)
        verdict = HTMLFragments.verdict(input) + HTMLFragments.explainedScore(a)
        self.profiles = ProfileOption.list(profiles, selected: a.profile)
        milliseconds = a.timings.milliseconds
    }

    static func move(_ m: MoveFinding, _ names: CorpusNames) -> Move {
        let move = names.corpus.move(m.id)
        return Move(
            id: m.id,
            name: move?.name ?? m.id,
            severity: move?.severity.rawValue ?? "",
            summary: move?.summary ?? "",
            mechanism: move?.mechanism ?? "",
            confidence: Format.percent(m.confidence),
            evidence: m.evidence.prefix(5).map { EvidenceLink(start: $0.start, quote: Format.snippet($0.quote)) },
            mitigation: names.clause(m.mitigation)
        )
    }

    /// The findings grouped by dimension, in the taxonomy's order.
    static func groups(_ a: Analysis, _ names: CorpusNames) -> [Group] {
        names.corpus.taxonomy.dimensions.compactMap { d in
            let findings = a.provisions.filter { $0.dimension == d.id }
            guard !findings.isEmpty else { return nil }
            return Group(
                name: d.name,
                findings: findings.map { f in
                    Finding(
                        id: f.id,
                        name: names.provision(f.id),
                        status: f.status.rawValue,
                        strength: f.strength?.rawValue ?? "—",
                        strengthClass: f.strength?.rawValue ?? "none",
                        value: f.value ?? "—",
                        confidence: Format.percent(f.confidence),
                        anchor: f.status == .present ? f.evidence.first.map { "\($0.start)" } : nil
                    )
                }
            )
        }
    }
}

/// The corpus's names for ids, as the pages show them (an unknown id shows as itself).
struct CorpusNames {
    let corpus: Corpus
    init(_ corpus: Corpus) { self.corpus = corpus }

    func provision(_ id: String) -> String { corpus.taxonomy.provision(id)?.name ?? id }
    func dimension(_ id: String) -> String { corpus.taxonomy.dimensionName(id) }
    func move(_ id: String) -> String { corpus.move(id)?.name ?? id }

    func clause(_ id: String?) -> ReportModel.Clause? {
        guard let id, let c = corpus.clause(id) else { return nil }
        return ReportModel.Clause(id: c.id, title: c.title, paragraphs: Format.paragraphs(c.text))
    }
}
