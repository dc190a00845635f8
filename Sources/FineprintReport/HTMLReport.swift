import FineprintCore

/// A self-contained HTML report: the document with its evidence highlighted, provisions by
/// dimension, kill-list moves and gaps with their mitigation clauses. No external assets.
enum HTMLReport {
    static func render(_ input: ReportInput) -> String {
        let a = input.analysis
        var h = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Fineprint — \(esc(FileNameDisplay.shortened(a.document.name)))</title>
            <style>\(css)</style></head><body>
            <header><h1\(fullNameTitle(a.document.name))>\(esc(FileNameDisplay.shortened(a.document.name)))</h1>
            <p class="meta">\(a.document.format.rawValue) · \(a.document.characters) characters\(a.document.ocrPages?.ocrSummary.map { " · " + esc($0) } ?? "") · judged against
            <strong>\(esc(input.playbook.name))</strong>\(a.homeJurisdictions.map { " · home jurisdictions: " + esc($0.joined(separator: ", ")) } ?? "")\(a.learnedModel.map { " · judged by " + esc($0.explanation) } ?? "")</p>
            <p class="score" aria-label="overall score">\(a.score)<span>/100</span></p></header>
            <main><section class="summary" aria-label="summary">
            \(ReviewSummary(input)?.html ?? "")\(Verdict(input).html)\(explainedScore(a))
            <h2>Dimensions</h2><table><thead><tr><th>Dimension</th><th>Score</th><th>Gaps</th></tr></thead><tbody>

            """
        for d in a.dimensions {
            h +=
                "<tr><td>\(esc(input.dimensionName(d.id)))</td><td class=\"num\">\(d.score)</td><td>\(d.gaps.map { esc(input.provisionName($0)) }.joined(separator: "; "))</td></tr>\n"
        }
        h += "</tbody></table>\n"
        h += movesHTML(input)
        h += provisionsHTML(input)
        h += gapsHTML(input)
        h += "</section>\n<section class=\"document\" aria-label=\"document text\"><h2>Document</h2><pre>"
        h += highlighted(input)
        h +=
            "</pre></section></main><footer>Fineprint · analysis schema \(a.schema) · \(a.timings.milliseconds) ms</footer></body></html>\n"
        return h
    }

    /// The kill-list moves found, each with its mechanism, where it was seen and the clause that mitigates it.
    static func movesHTML(_ input: ReportInput) -> String {
        let a = input.analysis
        var h = ""
        h += "<h2>Kill-list moves (\(a.killListMoves.count))</h2>\n"
        if a.killListMoves.isEmpty { h += "<p>None found.</p>\n" }
        for m in a.killListMoves {
            let move = input.corpus.move(m.id)
            h += "<article class=\"move\"><h3>\(esc(input.moveName(m.id)))</h3>"
            if let move { h += "<p>\(esc(move.mechanism))</p>" }
            h +=
                "<p>Evidence: "
                + m.evidence.prefix(5).map { "<a href=\"#at-\($0.start)\">\($0.start)–\($0.end)</a>" }.joined(
                    separator: ", "
                ) + "</p>"
            if let clause = input.corpus.clause(m.mitigation) { h += clauseHTML(clause, label: "Mitigation") }
            h += "</article>\n"
        }
        return h
    }

    /// The provisions by dimension: status, strength, value and confidence, each linked to its first evidence.
    static func provisionsHTML(_ input: ReportInput) -> String {
        var h = ""
        h += "<h2>Provisions</h2>\n"
        for (dimension, findings) in input.findingsByDimension {
            h +=
                "<h3>\(esc(dimension.name))</h3><table class=\"provisions\"><thead><tr><th>Provision</th><th>Status</th><th>Strength</th><th>Value</th><th>Conf.</th></tr></thead><tbody>\n"
            for f in findings {
                let link =
                    f.evidence.first.map { "<a href=\"#at-\($0.start)\">\(esc(input.provisionName(f.id)))</a>" }
                    ?? esc(input.provisionName(f.id))
                h +=
                    "<tr class=\"\(f.status.rawValue)\"><td>\(link)</td><td>\(StateWording.status(f.status))\(input.marker(f.id, .status))</td><td class=\"s-\(f.strength?.rawValue ?? "none")\">\(f.strength?.rawValue ?? "—")\(input.marker(f.id, .strength))</td><td>\(esc(f.value ?? "—"))\(input.marker(f.id, .value))</td><td class=\"num\">\(confidenceText(f.confidence))</td></tr>\n"
            }
            h += "</tbody></table>\n"
        }
        return h
    }

    /// The gaps against the profile, each with the model clause that closes it.
    static func gapsHTML(_ input: ReportInput) -> String {
        let a = input.analysis
        var h = ""
        h += "<h2>Gaps and model clauses (\(a.gaps.count))</h2>\n"
        if a.gaps.isEmpty { h += "<p>No gaps against this profile.</p>\n" }
        for g in a.gaps {
            h +=
                "<article class=\"gap\"><h3>\(esc(input.provisionName(g.provision))) <small>\(g.reason.rawValue.replacingUnderscores), \(g.level.rawValue.replacingUnderscores)</small></h3>"
            if let id = g.clause, let clause = input.corpus.clause(id) {
                h += clauseHTML(clause, label: "Model clause")
            } else {
                h += "<p>No model clause in the corpus.</p>"
            }
            h += "</article>\n"
        }
        return h
    }

    /// The score explained: coverage and hazards, what cost and what earned points.
    static func explainedScore(_ a: Analysis) -> String {
        let e = ScoreExplanation(a)
        guard let headline = e.headline else { return "" }
        var h = "<h2>Score explained</h2><p class=\"score-parts\">\(esc(headline))</p>"
        for (title, items) in [("What cost points", e.lost), ("What earned points", e.earned)] where !items.isEmpty {
            h += "<h3>\(title)</h3><table class=\"score-breakdown\"><tbody>"
            let (shown, rest) = ScoreExplanation.summarised(items)
            for c in shown {
                h += "<tr><td class=\"num\">\(ScoreExplanation.points(c.points))</td><td>\(esc(c.reason))</td></tr>"
            }
            if let rest {
                h +=
                    "<tr><td class=\"num\">\(ScoreExplanation.points(rest.points))</td><td>\(rest.count) more</td></tr>"
            }
            h += "</tbody></table>"
        }
        return h + "\n"
    }

    static func clauseHTML(_ clause: ModelClause, label: String) -> String {
        "<details open><summary>\(label): \(esc(clause.title))</summary><blockquote>\(clause.text.paragraphs.map { "<p>\(esc($0))</p>" }.joined())</blockquote></details>"
    }

    /// The text with every evidence clause wrapped in <mark> and its decisive sentence (the focus)
    /// in <span class="focus"> inside it; overlapping spans are cut at their boundaries so the
    /// markup stays well nested.
    static func highlighted(_ input: ReportInput) -> String {
        let scalars = Array(input.text.unicodeScalars)
        let labels = evidenceLabels(input).filter { $0.span.end <= scalars.count }
        var cuts = Set([0, scalars.count])
        for l in labels {
            cuts.insert(l.span.start)
            cuts.insert(l.span.end)
            if let focus = l.focus, focus.start >= l.span.start, focus.end <= l.span.end {
                cuts.insert(focus.start)
                cuts.insert(focus.end)
            }
        }
        let points = cuts.sorted()
        let starts = Set(labels.map(\.span.start))
        var out = ""
        for (i, lower) in points.dropLast().enumerated() {
            let upper = points[i + 1]
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[lower..<upper])
            let covering = labels.filter { $0.span.start <= lower && $0.span.end >= upper }
            let anchor = starts.contains(lower) ? " id=\"at-\(lower)\"" : ""
            if covering.isEmpty {
                out += anchor.isEmpty ? esc(String(piece)) : "<span\(anchor)></span>" + esc(String(piece))
            } else {
                let names = Array(Set(covering.map(\.label))).sorted().joined(separator: "; ")
                let warn = covering.contains { $0.label.hasPrefix("⚠") } ? " class=\"trap\"" : ""
                let inFocus = covering.contains { l in l.focus.map { $0.start <= lower && $0.end >= upper } ?? false }
                let body = inFocus ? "<span class=\"focus\">\(esc(String(piece)))</span>" : esc(String(piece))
                out += "<mark\(anchor)\(warn) title=\"\(esc(names))\">\(body)</mark>"
            }
        }
        return out
    }

    /// Every evidence item of the present provisions and the moves, with what it is evidence for.
    static func evidenceLabels(_ input: ReportInput) -> [(span: TextSpan, focus: TextSpan?, label: String)] {
        var labels: [(span: TextSpan, focus: TextSpan?, label: String)] = []
        for f in input.analysis.provisions where f.status == .present {
            for e in f.evidence { labels.append((e.span, e.focus, input.provisionName(f.id))) }
        }
        for m in input.analysis.killListMoves {
            for e in m.evidence { labels.append((e.span, e.focus, "⚠ " + input.moveName(m.id))) }
        }
        return labels
    }

    static func esc(_ s: String) -> String { Markup.escape(s) }

    /// ` title="…"` with the whole cleaned name when the heading shows it shortened, else nothing.
    static func fullNameTitle(_ name: String) -> String {
        let clean = FileNameDisplay.cleaned(name)
        return clean == FileNameDisplay.shortened(name) ? "" : " title=\"\(esc(clean))\""
    }

    static let css = """
        :root{--ink:#1b1f24;--muted:#5b6470;--line:#d8dde3;--mark:#fff2a8;--trap:#ffd1cc;--ok:#1d7a46;--bad:#b42318}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fafbfc}
        header{padding:1.2rem 2rem;border-bottom:1px solid var(--line);background:#fff;display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
        header h1{font-size:1.3rem;margin:0;flex:1 1 20rem}.meta{color:var(--muted);margin:0;flex:2 1 20rem}
        .score{font-size:2.2rem;font-weight:700;margin:0}.score span{font-size:1rem;color:var(--muted)}
        main{display:grid;grid-template-columns:minmax(22rem,38rem) 1fr;gap:1.5rem;padding:1.5rem 2rem}
        @media (max-width:60rem){main{grid-template-columns:1fr}}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;background:#fff}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
        .num{text-align:right}tr.absent td{color:var(--muted)}.s-strong{color:var(--ok)}.s-weak{color:var(--bad)}
        article{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;margin:.6rem 0}
        article.move{border-left:4px solid var(--bad)}article h3{margin:.2rem 0;font-size:1rem}
        blockquote{margin:.4rem 0;padding:.1rem .8rem;border-left:3px solid var(--line);background:#f6f8fa}
        .document pre{white-space:pre-wrap;word-wrap:break-word;background:#fff;border:1px solid var(--line);padding:1rem;font:13px/1.55 ui-monospace,Menlo,Consolas,monospace;max-height:none}
        .verdict{background:#fff;border:1px solid var(--line);border-left:4px solid var(--bad);border-radius:6px;padding:.2rem 1rem .6rem;margin-bottom:1rem}
        .verdict ol{padding-left:1.3rem}.verdict li{margin:.35rem 0}.verdict .absent{color:var(--muted);font-style:italic}
        mark{background:var(--mark)}mark.trap{background:var(--trap)}mark .focus{background:#ffd84d;font-weight:600}mark.trap .focus{background:#ffab9f}footer{padding:1rem 2rem;color:var(--muted)}
        @media print{main{display:block}.document pre{border:none}details{display:block}}
        """
}
