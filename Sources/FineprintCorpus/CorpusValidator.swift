import FineprintCore

/// Checks a loaded corpus for broken references, duplicates and gaps. Returns every problem found.
public enum CorpusValidator {
    public static func validate(_ corpus: Corpus) -> [CorpusError] {
        var checks = CorpusChecks(corpus: corpus)
        checks.taxonomy()
        checks.rules()
        checks.killListMoves()
        checks.modelClauses()
        checks.positionSets()
        checks.playbooks()
        checks.lexicons()
        let classes = unknownClasses(corpus).map { CorpusError(file: $0.0, message: $0.1) }
        return checks.problems + classes
    }

    /// `{class}` elements of patterns that no reading lexicon defines (nor `{supplier}`, `{buyer}`).
    static func unknownClasses(_ corpus: Corpus) -> [(String, String)] {
        let known = Set(["supplier", "buyer"] + corpus.reading.flatMap { $0.termClasses.map(\.name) })
        var sources: [(String, String)] = []
        for rule in corpus.rules { sources += rule.cues.map { ("rules (\(rule.provision))", $0.pattern) } }
        for move in corpus.moves {
            sources += move.triggers.compactMap { t in t.pattern.map { ("kill-list.yaml", $0) } }
        }
        var found: [(String, String)] = []
        for (file, pattern) in sources {
            for part in pattern.split(separator: " ") {
                for alt in part.split(separator: "|") where alt.hasPrefix("{") || alt.hasPrefix("?{") {
                    let name = alt.drop { $0 == "?" || $0 == "{" }.dropLast()
                    if !known.contains(String(name)) { found.append((file, "pattern names unknown class {\(name)}")) }
                }
            }
        }
        return found
    }

    /// Checks a playbook (bundled or a user's own) against the corpus.
    public static func validate(playbook: Playbook, in corpus: Corpus) -> [CorpusError] {
        var problems: [CorpusError] = []
        let file = "playbook \(playbook.id)"
        var seen = Set<String>()
        for requirement in playbook.requirements {
            if !seen.insert(requirement.provision).inserted {
                problems.append(CorpusError(file: file, message: "names '\(requirement.provision)' twice"))
            }
            guard let provision = corpus.taxonomy.provision(requirement.provision) else {
                problems.append(CorpusError(file: file, message: "names unknown provision '\(requirement.provision)'"))
                continue
            }
            if requirement.level == .mustBeAbsent && provision.polarity != .hazard {
                problems.append(
                    CorpusError(
                        file: file,
                        message: "'\(provision.id)' is a protection; must_be_absent is for hazards"
                    )
                )
            }
            if requirement.level != .mustBeAbsent && provision.polarity == .hazard {
                problems.append(
                    CorpusError(
                        file: file,
                        message: "'\(provision.id)' is a hazard; use must_be_absent (or leave it out)"
                    )
                )
            }
            if requirement.weight <= 0 {
                problems.append(CorpusError(file: file, message: "'\(provision.id)' weight must be positive"))
            }
            if corpus.clause(closing: provision.id) == nil {
                problems.append(
                    CorpusError(file: file, message: "no model clause provides or counters '\(provision.id)'")
                )
            }
        }
        // Positions are checked only when the corpus has some, so a corpus without positions/ still loads.
        if !corpus.positionSets.isEmpty || playbook.requirements.contains(where: { $0.position != nil }) {
            problems += positionProblems(playbook, in: corpus).map { CorpusError(file: file, message: $0) }
        }
        if playbook.requirements.isEmpty { problems.append(CorpusError(file: file, message: "has no requirements")) }
        return problems
    }
}
