import FineprintCore

/// Everything a pattern page shows, with its references resolved: the moves with their model clauses, the
/// partnerships with their scorecards, the precedents, regulations and scholarly anchors. The CLI renders it as
/// Markdown; the web app renders the same value as HTML.
public struct PatternPage: Sendable {
    public struct Move: Sendable {
        public var move: KillListMove
        public var whyHere: String
        public var mitigationNote: String
        /// The model clause that closes the move (kill-list.yaml's `mitigation`).
        public var clause: ModelClause?
    }

    public struct TrackedPartnership: Sendable {
        public var partnership: Partnership
        /// Nil when the caller has no scorecard for it.
        public var scorecard: PartnershipScorecard?
        /// Listed by the pattern as a live precedent (rather than only naming the pattern).
        public var isLivePrecedent: Bool
        /// Of this pattern's kill-list moves, those the public terms neither show nor rule out (the
        /// scorecard's own list spans every pattern the partnership exhibits).
        public var unknownPatternMoves: [String]
    }

    public var pattern: DealPattern
    public var moves: [Move]
    public var partnerships: [TrackedPartnership]
    public var precedents: [Precedent]
    public var regulations: [RegulatoryProvision]
    public var scholarlyAnchors: [KnowledgeSource]
    public var sources: [KnowledgeSource]
    /// True when items below primary_source confidence were kept (they are left out by default).
    public var includesUnpublished: Bool

    /// `scorecard`: how each tracked partnership is scored, e.g. `PartnershipScorer.scorecard(for:)`, or a lookup
    /// in scorecards computed once (the web app scores every partnership at start-up).
    public init(
        pattern: DealPattern,
        knowledge: KnowledgeBase,
        corpus: Corpus,
        scorecard: (Partnership) -> PartnershipScorecard?,
        includeUnpublished: Bool = false
    ) {
        let shown = includeUnpublished ? knowledge : knowledge.published
        self.pattern = pattern
        self.includesUnpublished = includeUnpublished
        moves = pattern.killListMoves.compactMap { entry in
            guard let move = corpus.move(entry.id) else { return nil }
            return Move(
                move: move,
                whyHere: entry.whyHere,
                mitigationNote: entry.mitigation,
                clause: corpus.clause(move.mitigation)
            )
        }
        let live = Set(pattern.livePrecedents)
        let ownMoves = Set(pattern.killListMoves.map(\.id))
        partnerships = shown.partnerships(exhibiting: pattern.id)
            .sorted { (live.contains($0.id) ? 0 : 1, $1.date) < (live.contains($1.id) ? 0 : 1, $0.date) }
            .map { partnership in
                let card = scorecard(partnership)
                return TrackedPartnership(
                    partnership: partnership,
                    scorecard: card,
                    isLivePrecedent: live.contains(partnership.id),
                    unknownPatternMoves: card?.unknownMoves.filter(ownMoves.contains) ?? []
                )
            }
        precedents = pattern.precedents.compactMap { shown.precedent($0) }
        regulations = pattern.regulations.compactMap { shown.regulation($0) }
        scholarlyAnchors = pattern.scholarlyAnchors.compactMap { knowledge.source($0) }
        sources = pattern.sources.compactMap { knowledge.source($0) }
    }
}
