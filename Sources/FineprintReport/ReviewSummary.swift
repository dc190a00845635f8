import FineprintCore

/// What every report says about a person's review: the state, the machine's score beside the
/// reviewed one, the legend of the marker on changed cells, and the moves a reviewer dismissed.
struct ReviewSummary {
    let marks: ReviewMarks
    let input: ReportInput

    init?(_ input: ReportInput) {
        guard let marks = input.reviewMarks else { return nil }
        self.marks = marks
        self.input = input
    }

    var headline: String {
        var line = "Review: \(marks.state.label)"
        if marks.hasChanges {
            line +=
                "; the score is the reviewed reading's \(input.analysis.score)/100 (the machine's was \(marks.machineScore))"
        } else if !marks.confirmedProvisions.isEmpty || !marks.confirmedMoves.isEmpty {
            line += "; a reviewer confirmed the machine's reading where marked"
        }
        return line
    }

    var dismissed: [String] {
        marks.dismissedMoves.keys.sorted().map { id in
            let reason = marks.dismissedMoves[id] ?? ""
            return "\(input.moveName(id)) — dismissed by a reviewer\(reason.isEmpty ? "" : ": \(reason)")"
        }
    }

    var text: String {
        var out = "\(headline)\n"
        if marks.hasChanges { out += "\(ReviewMarks.legend)\n" }
        for line in dismissed { out += "  \(line)\n" }
        return out
    }

    var markdown: String {
        var md = "> **\(MarkdownReport.escape(headline)).**"
        if marks.hasChanges { md += " \(MarkdownReport.escape(ReviewMarks.legend))." }
        md += "\n"
        for line in dismissed { md += ">\n> - \(MarkdownReport.escape(line))\n" }
        return md + "\n"
    }

    var html: String {
        var h = "<aside class=\"review-summary\"><p><strong>\(HTMLReport.esc(headline)).</strong>"
        if marks.hasChanges { h += " <span class=\"legend\">\(HTMLReport.esc(ReviewMarks.legend)).</span>" }
        h += "</p>"
        if !dismissed.isEmpty { h += "<ul>" + dismissed.map { "<li>\(HTMLReport.esc($0))</li>" }.joined() + "</ul>" }
        return h + "</aside>\n"
    }
}
