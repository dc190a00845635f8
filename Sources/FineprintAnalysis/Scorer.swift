import FineprintCore

/// Scores findings against a playbook (docs/scoring.md): per dimension and overall, 0…100, with the
/// gaps and every point explained. Each requirement is worth its share of 100 points; a protection
/// earns its share by strength, a hazard keeps its share while absent. A kill-list move costs the
/// playbook's penalty for its severity, less what the requirements it reveals have already lost (a
/// move and the missing requirement it breaks count once, at the larger cost), as a percentage of
/// the score still standing.
struct Scorer {
    let corpus: Corpus
    let playbook: Playbook

    struct Result {
        var dimensions: [DimensionScore]
        var gaps: [Gap]
        var score: Int
        var coverage: Int
        var breakdown: [ScoreContribution]
    }

    /// Credit a present protection earns by strength.
    static func credit(_ strength: Strength?) -> Double {
        switch strength {
        case .strong: 1
        case .adequate: 0.75
        case .weak: 0.35
        case nil: 0.75
        }
    }

    static func levelFactor(_ level: RequirementLevel) -> Double {
        level == .preferred ? 0.5 : 1
    }

    /// One requirement judged: the share of credit it keeps (0…1) and the gap it leaves, if any.
    struct Judgement {
        var requirement: Requirement
        var provision: Provision
        var weight: Double
        var credit: Double
        var gap: GapReason?
    }

    func judge(_ requirement: Requirement, _ finding: ProvisionFinding, _ provision: Provision) -> Judgement {
        let weight = requirement.weight * Self.levelFactor(requirement.level)
        var judgement = Judgement(requirement: requirement, provision: provision, weight: weight, credit: 0)
        switch requirement.level {
        case .mustBeAbsent:
            if finding.status == .present {
                // A hazard softened by its wording (e.g. changes only with notice) costs less.
                judgement.credit = finding.strength == .weak || finding.strength == nil ? 0 : 0.3
                judgement.gap = .hazardPresent
            } else {
                judgement.credit = 1
            }
        case .required, .preferred:
            if finding.status == .absent {
                judgement.gap = .missing
            } else {
                judgement.credit = Self.credit(finding.strength)
                let minimum = requirement.minimumStrength ?? (requirement.level == .required ? .adequate : .weak)
                if let s = finding.strength, s < minimum { judgement.gap = .tooWeak }
            }
        }
        return judgement
    }

    func score(findings: [ProvisionFinding], moves: [MoveFinding]) -> Result {
        let byId = Dictionary(findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let judgements = playbook.requirements.compactMap { requirement -> Judgement? in
            guard let finding = byId[requirement.provision],
                let provision = corpus.taxonomy.provision(requirement.provision)
            else { return nil }
            return judge(requirement, finding, provision)
        }
        let total = judgements.reduce(0) { $0 + $1.weight }
        let pointsPerWeight = total > 0 ? 100 / total : 0
        var breakdown = judgements.flatMap { contributions($0, pointsPerWeight: pointsPerWeight) }
        let base = 100 + breakdown.filter { $0.points < 0 }.reduce(0) { $0 + $1.points }
        breakdown += moveContributions(moves, judgements: judgements, pointsPerWeight: pointsPerWeight, base: base)
        let lost = breakdown.filter { $0.points < 0 }.reduce(0) { $0 + $1.points }
        let overall = total > 0 ? 100 + lost : 100
        return Result(
            dimensions: dimensionScores(judgements),
            gaps: gaps(judgements),
            score: Int(min(max(overall, 0), 100).rounded()),
            coverage: coverage(judgements),
            breakdown: Self.ordered(breakdown)
        )
    }

    /// Earned and lost points of one requirement (a fully met one earns only, a missing one loses only).
    func contributions(_ j: Judgement, pointsPerWeight: Double) -> [ScoreContribution] {
        let share = j.weight * pointsPerWeight
        let kind: ScoreContributionKind = j.requirement.level == .mustBeAbsent ? .hazard : .protection
        var out: [ScoreContribution] = []
        let earned = Self.oneDecimal(share * j.credit)
        let lost = Self.oneDecimal(share) - earned
        let name = j.provision.name
        if earned > 0 {
            let reason = kind == .hazard ? "\(name): not in the text" : "\(name)\(strengthNote(j, earned: true))"
            out.append(ScoreContribution(points: earned, reason: reason, kind: kind, provision: j.provision.id))
        }
        if lost > 0 {
            out.append(
                ScoreContribution(points: -lost, reason: lossReason(j), kind: kind, provision: j.provision.id)
            )
        }
        return out
    }

    func lossReason(_ j: Judgement) -> String {
        let name = j.provision.name
        switch j.gap {
        case .missing: return "missing: \(name)"
        case .hazardPresent: return "hazard present: \(name)"
        case .tooWeak, nil: return "\(name)\(strengthNote(j, earned: false))"
        }
    }

    func strengthNote(_ j: Judgement, earned: Bool) -> String {
        let strength = j.credit >= 1 ? "strong" : j.credit >= 0.75 ? "adequate" : "weak"
        if earned { return " (\(strength))" }
        if j.gap == .tooWeak, let minimum = j.requirement.minimumStrength {
            return ": only \(strength), the profile needs \(minimum.rawValue)"
        }
        return ": \(strength), not strong"
    }

    /// What each move found costs: its penalty, less what the requirements it reveals have already
    /// lost, taken as a percentage of the score still standing. A trap takes a share of what the
    /// contract is still worth, so a document with many traps sinks towards 0 without piling up there.
    func moveContributions(
        _ moves: [MoveFinding],
        judgements: [Judgement],
        pointsPerWeight: Double,
        base: Double
    ) -> [ScoreContribution] {
        var lostByProvision: [String: Double] = [:]
        for j in judgements { lostByProvision[j.provision.id] = j.weight * (1 - j.credit) * pointsPerWeight }
        var standing = base
        var out: [ScoreContribution] = []
        // The most severe moves are charged first, so a shared requirement's loss offsets the larger penalty.
        let ordered = moves.compactMap { corpus.move($0.id) }.sorted {
            (playbook.movePenalty[$0.severity] ?? 0) > (playbook.movePenalty[$1.severity] ?? 0)
        }
        for move in ordered {
            let penalty = playbook.movePenalty[move.severity] ?? 0
            let revealed = move.reveals.filter { lostByProvision[$0] != nil }
            let already = revealed.reduce(0) { $0 + (lostByProvision[$1] ?? 0) }
            let percent = max(0, penalty - already)
            // The charge is booked against the revealed requirements, so a second move on them pays less.
            if let first = revealed.first { lostByProvision[first, default: 0] += percent }
            let cost = Self.oneDecimal(standing * percent / 100)
            guard cost > 0 else { continue }
            standing -= cost
            out.append(ScoreContribution(points: -cost, reason: move.name, kind: .move, move: move.id))
        }
        return out
    }

    func coverage(_ judgements: [Judgement]) -> Int {
        let protections = judgements.filter { $0.requirement.level != .mustBeAbsent }
        let possible = protections.reduce(0) { $0 + $1.weight }
        guard possible > 0 else { return 100 }
        return Int((protections.reduce(0) { $0 + $1.weight * $1.credit } / possible * 100).rounded())
    }

    func gaps(_ judgements: [Judgement]) -> [Gap] {
        judgements.compactMap { j in
            j.gap.map {
                Gap(
                    provision: j.provision.id,
                    level: j.requirement.level,
                    reason: $0,
                    clause: corpus.clause(closing: j.provision.id)?.id
                )
            }
        }
    }

    func dimensionScores(_ judgements: [Judgement]) -> [DimensionScore] {
        corpus.taxonomy.dimensions.map { dimension in
            let inDimension = judgements.filter { $0.provision.dimension == dimension.id }
            let possible = inDimension.reduce(0) { $0 + $1.weight }
            let earned = inDimension.reduce(0) { $0 + $1.weight * $1.credit }
            let score = possible > 0 ? Int((earned / possible * 100).rounded()) : 100
            return DimensionScore(
                id: dimension.id,
                score: score,
                gaps: inDimension.filter { $0.gap != nil }.map(\.provision.id)
            )
        }
    }

    /// Losses first (largest first), then what was earned (largest first); ties in playbook order.
    static func ordered(_ items: [ScoreContribution]) -> [ScoreContribution] {
        items.enumerated().sorted { a, b in
            let (x, y) = (a.element.points, b.element.points)
            if (x < 0) != (y < 0) { return x < 0 }
            if abs(x) != abs(y) { return abs(x) > abs(y) }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func oneDecimal(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
