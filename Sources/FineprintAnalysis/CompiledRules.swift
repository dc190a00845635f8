import FineprintCore

/// Every pattern of the corpus compiled once, with an index from anchor words to patterns so that a
/// sentence is only tried against the patterns whose words it contains.
struct CompiledRules: Sendable {
    /// Who a compiled pattern belongs to.
    enum Owner: Hashable, Sendable {
        case cue(rule: Int, cue: Int)
        case trigger(move: Int, trigger: Int)
    }

    struct Entry: Sendable {
        var owner: Owner
        var pattern: Pattern
        var when: CuePolarity
        var party: Party
        /// Words that, any pattern of them matched anywhere in the pattern's sentence, keep it from counting there.
        var unless: [Pattern] = []
        /// The index of the pattern's first step in `steps`.
        var firstStep = 0
    }

    let entries: [Entry]
    let alternatives: AlternativeTable
    /// Every pattern's steps, one after another, pinned for the step tests.
    let steps: PinnedSteps
    let anchored: [String: [Int]]
    let unanchored: [Int]
    /// Heading patterns per rule index.
    let headings: [[Pattern]]

    struct CompileError: Error, CustomStringConvertible {
        var location: String
        var error: Pattern.SyntaxError
        var description: String { "\(location): \(error.description)" }
    }

    /// Cue `c` of rule `r` compiled with its unless-words, a syntax error located at the cue.
    private static func entry(rule: DetectionRule, r: Int, cue c: Int) throws -> Entry {
        let cue = rule.cues[c]
        do {
            return Entry(
                owner: .cue(rule: r, cue: c),
                pattern: try Pattern(cue.pattern),
                when: cue.when,
                party: cue.party,
                unless: try cue.unless.map { try Pattern($0) }
            )
        } catch let error as Pattern.SyntaxError {
            throw CompileError(location: "rule \(rule.provision), cue \(cue.id ?? String(c + 1))", error: error)
        }
    }

    init(rules: [DetectionRule], moves: [KillListMove]) throws {
        var entries: [Entry] = []
        var headings: [[Pattern]] = []
        for (r, rule) in rules.enumerated() {
            for c in rule.cues.indices { entries.append(try Self.entry(rule: rule, r: r, cue: c)) }
            var compiled: [Pattern] = []
            for heading in rule.headings {
                do { compiled.append(try Pattern(heading)) } catch let error as Pattern.SyntaxError {
                    throw CompileError(location: "rule \(rule.provision), heading", error: error)
                }
            }
            headings.append(compiled)
        }
        for (m, move) in moves.enumerated() {
            for (t, trigger) in move.triggers.enumerated() {
                guard let source = trigger.pattern else { continue }
                let pattern: Pattern
                do { pattern = try Pattern(source) } catch let error as Pattern.SyntaxError {
                    throw CompileError(location: "kill-list move \(move.id), trigger \(t + 1)", error: error)
                }
                entries.append(
                    Entry(
                        owner: .trigger(move: m, trigger: t),
                        pattern: pattern,
                        when: trigger.when,
                        party: trigger.party
                    )
                )
            }
        }
        var table = AlternativeTable()
        steps = PinnedSteps(try Self.steps(of: &entries, table: &table))
        alternatives = table
        var anchored: [String: [Int]] = [:]
        var unanchored: [Int] = []
        for (i, entry) in entries.enumerated() {
            if let words = entry.pattern.anchorWords {
                for word in Set(words) { anchored[word, default: []].append(i) }
            } else {
                unanchored.append(i)
            }
        }
        self.entries = entries
        self.anchored = anchored
        self.unanchored = unanchored
        self.headings = headings
    }

    /// Every entry's steps in one flat table, each entry told where its steps start.
    private static func steps(of entries: inout [Entry], table: inout AlternativeTable) throws -> StepTable {
        var steps = StepTable()
        for i in entries.indices {
            entries[i].firstStep = steps.classMasks.count
            guard let masks = table.classMasks(for: entries[i].pattern) else {
                let reason = "the patterns name more than \(AlternativeTable.maximumClasses) {class} names"
                throw CompileError(
                    location: "patterns",
                    error: Pattern.SyntaxError(pattern: entries[i].pattern.source, reason: reason)
                )
            }
            steps.append(ids: table.ids(for: entries[i].pattern), classMasks: masks)
        }
        return steps
    }
}

/// The steps of all patterns in flat arrays: step `g` accepts the alternatives `ids[idStart[g]..<idStart[g + 1]]`
/// and the classes of `classMasks[g]`. Flat, because the test runs for every token a pattern tries and nested
/// arrays cost a retain each time.
struct StepTable: Sendable {
    private(set) var idStart: [Int] = [0]
    private(set) var ids: [Int] = []
    private(set) var classMasks: [UInt64] = []

    mutating func append(ids stepIds: [[Int]], classMasks masks: [UInt64]) {
        for (alternatives, mask) in zip(stepIds, masks) {
            ids += alternatives
            idStart.append(ids.count)
            classMasks.append(mask)
        }
    }
}
