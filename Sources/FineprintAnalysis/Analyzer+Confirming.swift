import FineprintCore
import FineprintLearn
import FineprintReading

/// Where a category trained on vendor terms may add a provision the rules missed (`needsRuleSupport`): only where
/// the rules saw it without confirming it (a cue of the provision, not a mere hint, matched with too little weight,
/// as when its party is unconfirmed), on a sentence in a clause where such a cue matched or under a heading of the
/// provision, and never on a sentence the rules read the other way (docs/evaluation.md, ninth session: a
/// words-only classifier otherwise reads "we may use your content to train" as a promise not to).
extension Analyzer {
    func confirmsRules(
        _ decision: ProvisionDecision,
        rule r: Int,
        support: [WeightedHit],
        against: [WeightedHit],
        in doc: PreparedDocument,
        reading: DocumentReading,
        steps: DocumentStepData
    ) -> Bool {
        // The clauses (a title with the clause it opens) where a cue matched.
        let seen = Set(support.filter { $0.cue.weight >= Self.threshold }.map(\.hit.sentence)).map {
            doc.clause(around: $0)
        }
        guard !seen.isEmpty else { return false }
        let undercut = Set(against.map(\.hit.sentence))
        return decision.evidence.contains { e in
            let span = doc.sentences[e.segment].span
            let inSeenClause =
                seen.contains { $0.start <= span.start && span.end <= $0.end }
                || headingMatches(rule: r, sentence: doc.sentences[e.segment], in: doc)
            return inSeenClause && !undercut.contains(e.segment)
                && !rejectsCue(of: r, sentence: e.segment, in: doc, reading: reading, steps: steps)
        }
    }

    /// True when a supporting cue of rule `r` matches the sentence's words but none of its matches passes the
    /// cue's polarity and party checks: the rules read the sentence as denying it, or as the other side's.
    private func rejectsCue(
        of r: Int,
        sentence s: Int,
        in doc: PreparedDocument,
        reading: DocumentReading,
        steps data: DocumentStepData
    ) -> Bool {
        let tokens = doc.sentences[s].tokens
        // Each ClassTest reads `data` through pointers, without retaining it.
        return withExtendedLifetime(data) {
            compiled.entries.indices.contains { e in
                guard case .cue(let rule, let c) = compiled.entries[e].owner, rule == r,
                    corpus.rules[r].cues[c].effect == .supports
                else { return false }
                let matches = compiled.entries[e].pattern.matches(
                    in: doc.tokens,
                    test: data.test(firstStep: compiled.entries[e].firstStep),
                    from: tokens.lowerBound,
                    to: tokens.upperBound
                )
                return !matches.isEmpty
                    && !matches.contains { accept(entry: e, match: $0, sentence: s, in: doc, reading: reading) != nil }
            }
        }
    }
}
