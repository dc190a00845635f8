import FineprintCore

/// Checks of negotiation positions, shared by the position sets and the playbooks that use them.
enum PositionChecks {
    /// Standard ids read like `mcc-ai-high-risk`: lower-case words joined by hyphens or digits.
    static func isStandardId(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// What is wrong with one position on `provision` (empty when nothing is).
    static func problems(_ position: NegotiationPosition, on provision: String, in corpus: Corpus) -> [String] {
        var found: [String] = []
        if let clause = corpus.clause(position.preferred) {
            if !(clause.provides + clause.counters).contains(provision) {
                found.append(
                    "position on '\(provision)' prefers clause '\(clause.id)', which does not provide or counter it"
                )
            }
        } else {
            found.append("position on '\(provision)' prefers unknown clause '\(position.preferred)'")
        }
        if position.fallbacks.isEmpty || position.fallbacks.contains(where: isBlank) {
            found.append("position on '\(provision)' needs at least one fallback wording, none blank")
        }
        if isBlank(position.why) { found.append("position on '\(provision)' does not say why it matters") }
        if position.restsOn.isEmpty { found.append("position on '\(provision)' rests on nothing (rests_on)") }
        for basis in position.restsOn { found += problems(basis, on: provision, in: corpus) }
        if let walkAway = position.walkAway, isBlank(walkAway) {
            found.append("position on '\(provision)' has a blank walk_away")
        }
        return found
    }

    static func problems(_ basis: PositionBasis, on provision: String, in corpus: Corpus) -> [String] {
        var found: [String] = []
        switch (basis.source, basis.standard) {
        case (let source?, nil):
            if !corpus.sources.isEmpty && corpus.source(source) == nil {
                found.append("position on '\(provision)' rests on unknown source '\(source)' (knowledge/sources.yaml)")
            }
        case (nil, let standard?):
            if !isStandardId(standard) {
                found.append("position on '\(provision)' names standard '\(standard)', not a standard id")
            } else if !corpus.positionSets.isEmpty && corpus.standard(standard) == nil {
                found.append(
                    "position on '\(provision)' cites standard '\(standard)' that no position set names (standards:)"
                )
            }
        default:
            found.append("position on '\(provision)': each rests_on entry names exactly one source or standard")
        }
        if isBlank(basis.article) { found.append("position on '\(provision)' cites a basis without an article") }
        return found
    }

    static func isBlank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }
}

extension CorpusChecks {
    /// Position sets: unique ids, one position per known provision, each position sound.
    mutating func positionSets() {
        for id in duplicates(corpus.positionSets.map(\.id)) {
            problem("positions/", "position set '\(id)' is defined twice")
        }
        for set in corpus.positionSets {
            let file = "positions/\(set.id)"
            for id in duplicates(set.positions.compactMap(\.provision)) {
                problem(file, "has two positions on '\(id)'")
            }
            for position in set.positions {
                guard let provision = position.provision, provisions[provision] != nil else {
                    problem(file, "position on unknown provision '\(position.provision ?? "")'")
                    continue
                }
                for message in PositionChecks.problems(position, on: provision, in: corpus) {
                    problem(file, message)
                }
            }
        }
    }
}

extension CorpusValidator {
    /// A playbook's positions: its set exists, every requirement has a sound position, and every
    /// required or must-be-absent one says where we walk away.
    static func positionProblems(_ playbook: Playbook, in corpus: Corpus) -> [String] {
        var found: [String] = []
        let setId = playbook.positions ?? PositionSet.defaultId
        if playbook.positions != nil && corpus.positionSet(setId) == nil {
            return ["names unknown position set '\(setId)' (positions/)"]
        }
        for requirement in playbook.requirements where corpus.taxonomy.provision(requirement.provision) != nil {
            guard let position = corpus.position(for: requirement.provision, in: playbook) else {
                found.append("'\(requirement.provision)' has no negotiation position")
                continue
            }
            if let own = requirement.position {
                found += PositionChecks.problems(own, on: requirement.provision, in: corpus)
            }
            if requirement.level != .preferred && (position.walkAway ?? "").allSatisfy(\.isWhitespace) {
                found.append(
                    "'\(requirement.provision)' is \(requirement.level.rawValue) but its position has no walk_away"
                )
            }
        }
        return found
    }
}
