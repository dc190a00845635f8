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
}
