import FineprintCore

/// Checks a loaded corpus for broken references, duplicates and gaps. Returns every problem found.
public enum CorpusValidator {
    public static func validate(_ corpus: Corpus) -> [CorpusError] {
        var problems: [CorpusError] = []
        func problem(_ file: String, _ message: String) { problems.append(CorpusError(file: file, message: message)) }
        func duplicates(_ ids: [String]) -> [String] {
            var seen = Set<String>()
            return ids.filter { !seen.insert($0).inserted }
        }

        let taxonomy = corpus.taxonomy
        let dimensionIds = Set(taxonomy.dimensions.map(\.id))
        let provisions = Dictionary(taxonomy.provisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in duplicates(taxonomy.dimensions.map(\.id)) {
            problem("taxonomy.yaml", "dimension '\(id)' is defined twice")
        }
        for id in duplicates(taxonomy.provisions.map(\.id)) {
            problem("taxonomy.yaml", "provision '\(id)' is defined twice")
        }
        for p in taxonomy.provisions {
            if !dimensionIds.contains(p.dimension) {
                problem("taxonomy.yaml", "provision '\(p.id)' names unknown dimension '\(p.dimension)'")
            }
            if p.meaning.isEmpty || p.strong.isEmpty || p.weak.isEmpty {
                problem("taxonomy.yaml", "provision '\(p.id)' needs meaning, strong and weak")
            }
        }
        for d in taxonomy.dimensions where taxonomy.provisions(in: d.id).isEmpty {
            problem("taxonomy.yaml", "dimension '\(d.id)' has no provisions")
        }

        // Rules
        for id in duplicates(corpus.rules.map(\.provision)) {
            problem("rules/", "provision '\(id)' has more than one rule")
        }
        let ruled = Set(corpus.rules.map(\.provision))
        for p in taxonomy.provisions where !ruled.contains(p.id) {
            problem("rules/", "provision '\(p.id)' has no detection rule")
        }
        for rule in corpus.rules {
            guard let provision = provisions[rule.provision] else {
                problem("rules/", "rule for unknown provision '\(rule.provision)'")
                continue
            }
            if rule.cues.isEmpty { problem("rules/", "rule '\(rule.provision)' has no cues") }
            for id in duplicates(rule.cues.compactMap(\.id)) {
                problem("rules/", "rule '\(rule.provision)' repeats cue id '\(id)'")
            }
            for cue in rule.cues where !(cue.weight > 0 && cue.weight <= 1) {
                problem(
                    "rules/",
                    "rule '\(rule.provision)' cue '\(cue.id ?? cue.pattern)' weight \(cue.weight) is not in (0, 1]"
                )
            }
            if !rule.valueStrength.isEmpty && provision.value != .duration {
                problem("rules/", "rule '\(rule.provision)' has value_strength but its value is not a duration")
            }
        }

        // Kill-list moves
        let clauseIds = Set(corpus.clauses.map(\.id))
        let moveIds = Set(corpus.moves.map(\.id))
        for id in duplicates(corpus.moves.map(\.id)) { problem("kill-list.yaml", "move '\(id)' is defined twice") }
        for move in corpus.moves {
            if move.triggers.isEmpty { problem("kill-list.yaml", "move '\(move.id)' has no triggers") }
            if move.reveals.isEmpty { problem("kill-list.yaml", "move '\(move.id)' reveals no provision") }
            for id in move.reveals where provisions[id] == nil {
                problem("kill-list.yaml", "move '\(move.id)' reveals unknown provision '\(id)'")
            }
            if !clauseIds.contains(move.mitigation) {
                problem("kill-list.yaml", "move '\(move.id)' names unknown mitigation clause '\(move.mitigation)'")
            }
            for (t, trigger) in move.triggers.enumerated() {
                if trigger.pattern == nil && trigger.requires.isEmpty {
                    problem("kill-list.yaml", "move '\(move.id)' trigger \(t + 1) has neither pattern nor requires")
                }
                if !(trigger.weight > 0 && trigger.weight <= 1) {
                    problem(
                        "kill-list.yaml",
                        "move '\(move.id)' trigger \(t + 1) weight \(trigger.weight) is not in (0, 1]"
                    )
                }
                for condition in trigger.requires where provisions[condition.provision] == nil {
                    problem(
                        "kill-list.yaml",
                        "move '\(move.id)' trigger \(t + 1) requires unknown provision '\(condition.provision)'"
                    )
                }
            }
        }

        // Model clauses
        for id in duplicates(corpus.clauses.map(\.id)) { problem("clauses/", "clause '\(id)' is defined twice") }
        for clause in corpus.clauses {
            if clause.text.allSatisfy(\.isWhitespace) { problem("clauses/", "clause '\(clause.id)' has no text") }
            if clause.provides.isEmpty && clause.counters.isEmpty {
                problem("clauses/", "clause '\(clause.id)' neither provides nor counters a provision")
            }
            for id in clause.provides {
                if let p = provisions[id] {
                    if p.polarity == .hazard {
                        problem("clauses/", "clause '\(clause.id)' provides hazard '\(id)' (use counters)")
                    }
                } else {
                    problem("clauses/", "clause '\(clause.id)' provides unknown provision '\(id)'")
                }
            }
            for id in clause.counters {
                if let p = provisions[id] {
                    if p.polarity != .hazard {
                        problem("clauses/", "clause '\(clause.id)' counters '\(id)', which is not a hazard")
                    }
                } else {
                    problem("clauses/", "clause '\(clause.id)' counters unknown provision '\(id)'")
                }
            }
            for id in clause.mitigates where !moveIds.contains(id) {
                problem("clauses/", "clause '\(clause.id)' mitigates unknown move '\(id)'")
            }
        }

        // Playbooks
        if corpus.playbooks.isEmpty { problem("playbooks/", "no playbooks") }
        for id in duplicates(corpus.playbooks.map(\.id)) { problem("playbooks/", "playbook '\(id)' is defined twice") }
        for playbook in corpus.playbooks {
            let file = "playbooks/\(playbook.id)"
            problems += validate(playbook: playbook, in: corpus).map { CorpusError(file: file, message: $0.message) }
        }

        // Lexicons
        for id in duplicates(corpus.jurisdictions.map(\.name)) {
            problem("lexicon/jurisdictions.yaml", "'\(id)' is listed twice")
        }
        var aliasOwner: [String: String] = [:]
        for j in corpus.jurisdictions {
            if j.aliases.isEmpty { problem("lexicon/jurisdictions.yaml", "'\(j.name)' has no aliases") }
            for alias in j.aliases {
                if let other = aliasOwner[alias], other != j.name {
                    problem("lexicon/jurisdictions.yaml", "alias '\(alias)' names both '\(other)' and '\(j.name)'")
                }
                aliasOwner[alias] = j.name
            }
        }
        let both = Set(corpus.parties.buyer).intersection(corpus.parties.supplier)
        for word in both.sorted() { problem("lexicon/parties.yaml", "'\(word)' names both parties") }
        for (file, message) in unknownClasses(corpus) { problem(file, message) }
        return problems
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
        if playbook.requirements.isEmpty { problems.append(CorpusError(file: file, message: "has no requirements")) }
        return problems
    }
}
