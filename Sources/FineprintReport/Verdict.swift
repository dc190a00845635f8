import FineprintCore

/// The first screen of every report: the most serious risks in plain words, each with its
/// evidence, and what to ask for first (from the playbook's negotiation positions).
public struct Verdict: Sendable {
    /// Risks shown: at most five, the ones that cost the most points.
    public static let risksShown = 5
    /// Asks shown: the first three distinct clauses behind those risks.
    public static let asksShown = 3

    public struct Risk: Sendable {
        /// What is wrong, in the taxonomy's or kill-list's names ("missing: Right to audit").
        public var headline: String
        /// Why it matters, in plain words.
        public var why: String
        public var points: Double?
        /// The quote that shows it, or nil when the provision is not in the text.
        public var evidence: Evidence?
    }

    public struct Ask: Sendable {
        /// The model clause asked for, by title.
        public var clause: String
        /// What it is about (a provision or trap name).
        public var about: String
        /// The least we can sign, when the position sets one.
        public var walkAway: String?
    }

    public var risks: [Risk]
    public var asks: [Ask]

    public init(_ input: ReportInput) {
        let ranked = Self.ranked(input)
        risks = ranked.prefix(Self.risksShown).map(\.risk)
        var seen = Set<String>()
        asks = ranked.compactMap(\.ask).filter { seen.insert($0.clause).inserted }.prefix(Self.asksShown).map { $0 }
    }

    /// Every point lost, most costly first, as a risk and its ask; an analysis stored before score
    /// breakdowns falls back to its gaps and moves in order.
    static func ranked(_ input: ReportInput) -> [(risk: Risk, ask: Ask?)] {
        let a = input.analysis
        guard let breakdown = a.scoreBreakdown else {
            return a.killListMoves.map { move(input, $0, points: nil) }
                + a.gaps.map { gap(input, $0, reason: nil, points: nil) }
        }
        return breakdown.filter { $0.points < 0 }.sorted { $0.points < $1.points }.compactMap { c in
            if let id = c.move, let found = a.move(id) { return move(input, found, points: c.points) }
            if let id = c.provision, let found = a.gaps.first(where: { $0.provision == id }) {
                return gap(input, found, reason: c.reason, points: c.points)
            }
            return nil
        }
    }

    static func move(_ input: ReportInput, _ found: MoveFinding, points: Double?) -> (risk: Risk, ask: Ask?) {
        let definition = input.corpus.move(found.id)
        let name = definition?.name ?? found.id.replacingUnderscores
        let risk = Risk(
            headline: "trap: " + name,
            why: definition?.summary ?? "",
            points: points,
            evidence: found.evidence.first
        )
        let walkAway = definition?.reveals.lazy.compactMap { input.corpus.position(for: $0, in: input.playbook) }
            .first?.walkAway
        let ask = input.corpus.clause(found.mitigation).map { Ask(clause: $0.title, about: name, walkAway: walkAway) }
        return (risk, ask)
    }

    static func gap(_ input: ReportInput, _ gap: Gap, reason: String?, points: Double?) -> (risk: Risk, ask: Ask?) {
        let name = input.provisionName(gap.provision)
        let position = input.corpus.position(for: gap.provision, in: input.playbook)
        let risk = Risk(
            headline: reason ?? "\(gap.reason.rawValue.replacingUnderscores): \(name)",
            why: position?.why ?? input.corpus.taxonomy.provision(gap.provision)?.meaning ?? "",
            points: points,
            evidence: gap.reason == .missing ? nil : input.analysis.finding(gap.provision)?.evidence.first
        )
        let clause = input.corpus.clause(position?.preferred ?? gap.clause ?? "")
        return (risk, clause.map { Ask(clause: $0.title, about: name, walkAway: position?.walkAway) })
    }
}
