import FineprintCore

extension CorpusValidator {
    /// What is wrong with one negotiation position on `provision`, judged as the corpus judges its
    /// own: the preferred clause exists and provides or counters the provision, fallbacks and why
    /// are written, every basis names one known source or standard with an article. Used for the
    /// positions an ally's playbook carries, against a corpus of what the bundle carries.
    public static func problems(position: NegotiationPosition, on provision: String, in corpus: Corpus) -> [String] {
        PositionChecks.problems(position, on: provision, in: corpus)
    }
}
