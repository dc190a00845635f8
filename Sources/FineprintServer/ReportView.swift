import FineprintCore
import FineprintReport
import FineprintStore
import Foundation

/// What the report page shows, flattened for the template. Names come from the corpus; the
/// highlighted text is the report library's (HTMLFragments), already escaped.
struct ReportView {
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

    var id: Int64
    var title: String
    var documentName: String
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
    var profiles: [ProfileOption]
    var milliseconds: Int

    init(_ stored: StoredAnalysis, input: ReportInput, profiles: [Playbook]) {
        let a = stored.analysis
        let corpus = input.corpus
        func provisionName(_ id: String) -> String { corpus.taxonomy.provision(id)?.name ?? id }
        func clause(_ id: String?) -> Clause? {
            guard let id, let c = corpus.clause(id) else { return nil }
            return Clause(id: c.id, title: c.title, paragraphs: Format.paragraphs(c.text))
        }
        id = stored.summary.id
        title = a.document.name
        documentName = a.document.name
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
            DimensionRow(
                name: corpus.taxonomy.dimensions.first { $0.id == d.id }?.name ?? d.id,
                score: d.score,
                gaps: d.gaps.map(provisionName)
            )
        }
        moves = a.killListMoves.map { m in
            let move = corpus.move(m.id)
            return Move(
                id: m.id,
                name: move?.name ?? m.id,
                severity: move?.severity.rawValue ?? "",
                summary: move?.summary ?? "",
                mechanism: move?.mechanism ?? "",
                confidence: Format.percent(m.confidence),
                evidence: m.evidence.prefix(5).map { EvidenceLink(start: $0.start, quote: Format.snippet($0.quote)) },
                mitigation: clause(m.mitigation)
            )
        }
        groups = corpus.taxonomy.dimensions.compactMap { d in
            let findings = a.provisions.filter { $0.dimension == d.id }
            guard !findings.isEmpty else { return nil }
            return Group(
                name: d.name,
                findings: findings.map { f in
                    Finding(
                        id: f.id,
                        name: provisionName(f.id),
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
        gaps = a.gaps.map { g in
            GapView(
                name: provisionName(g.provision),
                provision: g.provision,
                reason: g.reason.rawValue.replacingOccurrences(of: "_", with: " "),
                level: g.level.rawValue.replacingOccurrences(of: "_", with: " "),
                clause: clause(g.clause)
            )
        }
        highlighted = HTMLFragments.highlightedText(input)
        self.profiles = ProfileOption.list(profiles, selected: a.profile)
        milliseconds = a.timings.milliseconds
    }
}

/// One entry of a tier drop-down.
struct ProfileOption {
    var id: String
    var name: String
    var selected: Bool

    static func list(_ playbooks: [Playbook], selected: String?) -> [ProfileOption] {
        playbooks.map { ProfileOption(id: $0.id, name: $0.name, selected: $0.id == selected) }
    }
}

/// Small formatting helpers shared by the views.
enum Format {
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    static func date(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeSeparator: .colon)
                .year().month().day().time(includingFractionalSeconds: false)
        ) + " UTC"
    }

    /// A word for the score, so it is not conveyed by colour alone.
    static func scoreBand(_ score: Int) -> String {
        switch score {
        case 80...: "good"
        case 60..<80: "fair"
        case 40..<60: "poor"
        default: "very poor"
        }
    }

    static func snippet(_ s: String, limit: Int = 160) -> String {
        let flat = s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    /// Paragraphs of a YAML block text: lines joined, blank lines separate.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map {
            $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }
}
