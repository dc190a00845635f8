import FineprintCore

/// A Markdown report: scores, provisions by dimension, moves and gaps with their model clauses.
enum MarkdownReport {
    static func render(_ input: ReportInput) -> String {
        let a = input.analysis
        var md = "# Fineprint analysis: \(escape(FileNameDisplay.cleaned(a.document.name)))\n\n"
        md +=
            "- Format: \(a.document.format.rawValue), \(a.document.characters) characters, sha256 `\(a.document.sha256)`\n"
        if let ocr = a.document.ocrPages?.ocrSummary { md += "- Scanned: \(ocr)\n" }
        md += "- Profile: **\(escape(input.playbook.name))**\n"
        if let home = a.homeJurisdictions {
            md += "- Home jurisdictions (not foreign): \(escape(home.joined(separator: ", ")))\n"
        }
        if let model = a.learnedModel { md += "- Judged by: \(model.explanation)\n" }
        md += "- Score: **\(a.score)/100**\n\n"
        md += ReviewSummary(input)?.markdown ?? ""
        md += Verdict(input).markdown
        md += explainedScore(a)
        md += "| Dimension | Score | Gaps |\n|---|---:|---|\n"
        for d in a.dimensions {
            md +=
                "| \(escape(input.dimensionName(d.id))) | \(d.score) | \(d.gaps.map { escape(input.provisionName($0)) }.joined(separator: ", ")) |\n"
        }
        md += "\n## Kill-list moves\n\n"
        if a.killListMoves.isEmpty { md += "None found.\n" }
        for m in a.killListMoves {
            let move = input.corpus.move(m.id)
            md += "### \(escape(input.moveName(m.id))) (confidence \(confidenceText(m.confidence)))\n\n"
            if let move { md += "\(escape(move.mechanism))\n\n" }
            for e in m.evidence.prefix(3) { md += "> \(escape(e.quote.snippet(400))) *(\(e.start)–\(e.end))*\n\n" }
            if let clause = input.corpus.clause(m.mitigation) {
                md += "**Mitigation — \(escape(clause.title))**:\n\n\(quoteBlock(clause.text))\n"
            }
        }
        md += "\n## Provisions\n"
        for (dimension, findings) in input.findingsByDimension {
            md +=
                "\n### \(escape(dimension.name))\n\n| Provision | Status | Strength | Value | Confidence | Evidence |\n|---|---|---|---|---:|---|\n"
            for f in findings {
                let evidence =
                    f.status == .present
                    ? (f.evidence.first.map { "“\(escape($0.quote.snippet(120)))” (\($0.start)–\($0.end))" } ?? "") : ""
                let (status, strength, value) = (
                    input.marker(f.id, .status), input.marker(f.id, .strength), input.marker(f.id, .value)
                )
                md +=
                    "| \(escape(input.provisionName(f.id))) | \(StateWording.status(f.status))\(status) | \(f.strength?.rawValue ?? "—")\(strength) | \(escape(f.value ?? "—"))\(value) | \(confidenceText(f.confidence)) | \(evidence)\(input.marker(f.id, .evidence)) |\n"
            }
        }
        md += "\n## Gaps and model clauses\n\n"
        if a.gaps.isEmpty { md += "No gaps against this profile.\n" }
        for g in a.gaps {
            md +=
                "### \(escape(input.provisionName(g.provision))) — \(g.reason.rawValue.replacingUnderscores) (\(g.level.rawValue.replacingUnderscores))\n\n"
            if let id = g.clause, let clause = input.corpus.clause(id) {
                md += "**\(escape(clause.title))**:\n\n\(quoteBlock(clause.text))\n"
            } else {
                md += "No model clause in the corpus.\n\n"
            }
        }
        return md
    }

    /// The score explained at the top: coverage and hazards, what cost and what earned points.
    static func explainedScore(_ a: Analysis) -> String {
        let e = ScoreExplanation(a)
        guard let headline = e.headline else { return "" }
        var md = "## Score explained\n\n\(escape(headline.prefix(1).uppercased() + headline.dropFirst())).\n\n"
        for (title, items) in [("What cost points", e.lost), ("What earned points", e.earned)] where !items.isEmpty {
            md += "**\(title)**\n\n"
            let (shown, rest) = ScoreExplanation.summarised(items)
            for c in shown { md += "- \(ScoreExplanation.points(c.points)): \(escape(c.reason))\n" }
            if let rest { md += "- \(ScoreExplanation.points(rest.points)): \(rest.count) more\n" }
            md += "\n"
        }
        return md
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "|*_`[]<>#\\".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    static func quoteBlock(_ text: String) -> String {
        text.paragraphs.map { "> \($0)" }.joined(separator: "\n>\n") + "\n"
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
