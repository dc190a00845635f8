import FineprintCore

/// Pieces of the HTML report for pages that lay the report out themselves (the web workbench),
/// so the highlighting is computed in one place.
public enum HTMLFragments {
    /// The document text, escaped, with every evidence clause wrapped in `<mark>` (kill-list
    /// evidence with class "trap"), its decisive sentence in `<span class="focus">` inside the mark,
    /// and an anchor `at-<offset>` at each evidence start.
    public static func highlightedText(_ input: ReportInput) -> String {
        HTMLReport.highlighted(input)
    }

    /// The explained score (coverage, hazards, what cost and earned points) as the report shows it
    /// first; empty for an analysis stored before score breakdowns existed.
    public static func explainedScore(_ analysis: Analysis) -> String {
        HTMLReport.explainedScore(analysis)
    }

    /// The verdict the report opens with: the most serious risks, each linking to its evidence
    /// (`#at-<offset>`), and what to ask for first.
    public static func verdict(_ input: ReportInput) -> String {
        Verdict(input).html
    }
}
