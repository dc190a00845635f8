import FineprintCore

extension Analysis {
    /// This analysis with its dimensions, gaps, score, coverage and explained score computed again
    /// from its findings and moves against `playbook`: what a person's corrected reading scores.
    public func rescored(corpus: Corpus, playbook: Playbook) -> Analysis {
        let scored = Scorer(corpus: corpus, playbook: playbook).score(findings: provisions, moves: killListMoves)
        var out = self
        out.profile = playbook.id
        out.dimensions = scored.dimensions
        out.gaps = scored.gaps
        out.score = scored.score
        out.coverage = scored.coverage
        out.scoreBreakdown = scored.breakdown
        return out
    }
}
