import FineprintCore

/// Scores findings against a playbook: per dimension and overall, 0…100, with the gaps.
struct Scorer {
    let corpus: Corpus
    let playbook: Playbook

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

    func score(
        findings: [ProvisionFinding],
        moves: [MoveFinding]
    ) -> (dimensions: [DimensionScore], gaps: [Gap], score: Int) {
        let byId = Dictionary(findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var earned: [String: Double] = [:]
        var possible: [String: Double] = [:]
        var gaps: [Gap] = []
        for requirement in playbook.requirements {
            guard let finding = byId[requirement.provision],
                let provision = corpus.taxonomy.provision(requirement.provision)
            else { continue }
            let weight = requirement.weight * Self.levelFactor(requirement.level)
            var credit = 0.0
            var reason: GapReason?
            switch requirement.level {
            case .mustBeAbsent:
                if finding.status == .present {
                    // A hazard softened by its wording (e.g. changes only with notice) costs less.
                    credit = finding.strength == .weak || finding.strength == nil ? 0 : 0.3
                    reason = .hazardPresent
                } else {
                    credit = 1
                }
            case .required, .preferred:
                if finding.status == .absent {
                    reason = .missing
                } else {
                    credit = Self.credit(finding.strength)
                    let minimum = requirement.minimumStrength ?? (requirement.level == .required ? .adequate : .weak)
                    if let s = finding.strength, s < minimum { reason = .tooWeak }
                }
            }
            earned[provision.dimension, default: 0] += credit * weight
            possible[provision.dimension, default: 0] += weight
            if let reason {
                gaps.append(
                    Gap(
                        provision: provision.id,
                        level: requirement.level,
                        reason: reason,
                        clause: corpus.clause(closing: provision.id)?.id
                    )
                )
            }
        }
        let dimensions = corpus.taxonomy.dimensions.map { dimension in
            let total = possible[dimension.id] ?? 0
            let score = total > 0 ? Int(((earned[dimension.id] ?? 0) / total * 100).rounded()) : 100
            let dimensionGaps = gaps.filter { corpus.taxonomy.provision($0.provision)?.dimension == dimension.id }.map(
                \.provision
            )
            return DimensionScore(id: dimension.id, score: score, gaps: dimensionGaps)
        }
        let total = possible.values.reduce(0, +)
        var overall = total > 0 ? earned.values.reduce(0, +) / total * 100 : 100
        for move in moves {
            if let severity = corpus.move(move.id)?.severity { overall -= playbook.movePenalty[severity] ?? 0 }
        }
        return (dimensions, gaps, Int(min(max(overall, 0), 100).rounded()))
    }
}
