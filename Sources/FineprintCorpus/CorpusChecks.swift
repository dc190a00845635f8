import FineprintCore

/// The checks `CorpusValidator.validate` runs, one part of the corpus each, collecting every problem in order.
struct CorpusChecks {
    let corpus: Corpus
    /// The taxonomy's provisions by id.
    let provisions: [String: Provision]
    private(set) var problems: [CorpusError] = []

    init(corpus: Corpus) {
        self.corpus = corpus
        provisions = Dictionary(corpus.taxonomy.provisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func problem(_ file: String, _ message: String) {
        problems.append(CorpusError(file: file, message: message))
    }

    /// The ids that occur more than once (each repeat listed).
    func duplicates(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { !seen.insert($0).inserted }
    }

    /// Dimensions and provisions: unique, complete, each provision in a known dimension.
    mutating func taxonomy() {
        let taxonomy = corpus.taxonomy
        let dimensionIds = Set(taxonomy.dimensions.map(\.id))
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
    }

    /// One rule per provision, with unique cues of weight in (0, 1].
    mutating func rules() {
        for id in duplicates(corpus.rules.map(\.provision)) {
            problem("rules/", "provision '\(id)' has more than one rule")
        }
        let ruled = Set(corpus.rules.map(\.provision))
        for p in corpus.taxonomy.provisions where !ruled.contains(p.id) {
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
            // `unless` is matched word by word: a class of defined terms there could never match.
            for cue in rule.cues where cue.unless.contains(where: { $0.contains("{") }) {
                problem("rules/", "rule '\(rule.provision)' cue '\(cue.id ?? cue.pattern)' names a class in unless")
            }
            if !rule.valueStrength.isEmpty && provision.value != .duration {
                problem("rules/", "rule '\(rule.provision)' has value_strength but its value is not a duration")
            }
        }
    }

    /// Kill-list moves: triggers, revealed provisions and mitigation clauses that exist.
    mutating func killListMoves() {
        let clauseIds = Set(corpus.clauses.map(\.id))
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
    }

    /// Model clauses: text, and provisions provided or countered with the right polarity.
    mutating func modelClauses() {
        let moveIds = Set(corpus.moves.map(\.id))
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
    }

    /// Playbooks: at least one, unique, each valid against the corpus.
    mutating func playbooks() {
        if corpus.playbooks.isEmpty { problem("playbooks/", "no playbooks") }
        for id in duplicates(corpus.playbooks.map(\.id)) { problem("playbooks/", "playbook '\(id)' is defined twice") }
        for playbook in corpus.playbooks {
            let file = "playbooks/\(playbook.id)"
            problems += CorpusValidator.validate(playbook: playbook, in: corpus).map {
                CorpusError(file: file, message: $0.message)
            }
        }
    }

    /// Lexicons: jurisdictions with unique names and aliases; no word naming both parties.
    mutating func lexicons() {
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
        for lexicon in corpus.reading {
            for termClass in lexicon.termClasses where termClass.owner == nil && !termClass.ownedHeads.isEmpty {
                problem(
                    "lexicon/reading/\(lexicon.language).yaml",
                    "class '\(termClass.name)' has owned_heads but no owner: they would never apply"
                )
            }
            for termClass in lexicon.termClasses {
                if let madeBy = termClass.madeBy, let issue = Self.madeByIssue(madeBy) {
                    problem("lexicon/reading/\(lexicon.language).yaml", "class '\(termClass.name)' made_by: \(issue)")
                }
            }
            for pair in lexicon.numberEndings ?? [] where pair.count != 2 || pair[1].isEmpty || pair[0] == pair[1] {
                problem(
                    "lexicon/reading/\(lexicon.language).yaml",
                    "number_endings \(pair) is not a pair of a singular ending and a different, non-empty plural one"
                )
            }
            grammar(of: lexicon)
            valueWords(of: lexicon)
        }
    }

    /// A reading lexicon's value words: present, naming only the period units the analyzer compares, each with
    /// words, and codes of three capital letters for currencies.
    private mutating func valueWords(of lexicon: ReadingLexicon) {
        let file = "lexicon/reading/\(lexicon.language).yaml"
        guard let v = lexicon.valueWords else {
            problem(file, "has no value_words: no period, fee or sum could be read in this language")
            return
        }
        for name in ValueWords.unitNames where (v.durationUnits[name] ?? []).isEmpty {
            problem(file, "value_words duration_units has no words for '\(name)'")
        }
        for name in v.durationUnits.keys.sorted() where !ValueWords.unitNames.contains(name) {
            problem(file, "value_words duration_units '\(name)' is not one of \(ValueWords.unitNames)")
        }
        for (word, code) in v.currencyWords.sorted(by: { $0.key < $1.key })
        where code.count != 3 || code != code.uppercased() || word.contains(" ") {
            problem(file, "value_words currency '\(word)': '\(code)' is not a three-letter code for one word")
        }
        if v.arbitrationStems.isEmpty { problem(file, "value_words has no arbitration_stems") }
    }

    /// What is wrong with a class's `made_by`, if anything: it needs verbs and an actor (a word or a party), and
    /// single lower-case words, as the reading compares them with the tokens of a definition.
    static func madeByIssue(_ madeBy: MadeBy) -> String? {
        if madeBy.verbs.isEmpty { return "no verbs" }
        if madeBy.actors.isEmpty && madeBy.party == nil { return "no actor words and no party" }
        let bad = (madeBy.actors + madeBy.verbs).filter { $0.contains(" ") || $0 != $0.lowercased() || $0.isEmpty }
        return bad.isEmpty ? nil : "not single lower-case words: \(bad.joined(separator: ", "))"
    }

    /// A reading lexicon's clause grammar: present, with negators and subject verbs (without them no rule could
    /// tell a promise from its refusal, or who makes it), and two-word phrases where phrases are expected.
    private mutating func grammar(of lexicon: ReadingLexicon) {
        let file = "lexicon/reading/\(lexicon.language).yaml"
        guard let g = lexicon.clauseGrammar else {
            problem(file, "has no clause_grammar: negation and the acting party could not be read in this language")
            return
        }
        if g.negators.isEmpty { problem(file, "clause_grammar has no negators") }
        if g.subjectVerbs.isEmpty { problem(file, "clause_grammar has no subject_verbs") }
        for phrase in g.voidNegations + g.conditionalNegations where phrase.split(separator: " ").count != 2 {
            problem(file, "clause_grammar phrase '\(phrase)' is not two words")
        }
        let words = [
            g.negators, g.clauseBreakers, g.limitNegators, g.limitWords, g.limitVerbs, g.conditionWords,
            g.subjectVerbs, g.objectMarkers, g.articles, g.partyNouns, g.bothSides, g.grantVerbs, g.recipientMarkers,
            g.infinitiveMarkers, g.imperativeVerbs, g.nounFollowers, g.dutyNouns, g.readerWords,
        ].joined()
        for word in Set(words).sorted() where word != word.lowercased() || word.contains(" ") {
            problem(file, "clause_grammar word '\(word)' is not one lower-case word")
        }
    }
}
