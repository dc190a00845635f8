import FineprintCore

/// The verdict as each report format shows it, first after the header.
extension Verdict {
    var text: String {
        guard !risks.isEmpty else { return "VERDICT\n  No gaps or traps against this profile.\n" }
        var out = "VERDICT\n  Most serious risks:\n"
        for (n, risk) in risks.enumerated() {
            out += "    \(n + 1). \(risk.headline)\(Self.pointsNote(risk.points))\n"
            if !risk.why.isEmpty { out += "       \(risk.why)\n" }
            if let e = risk.evidence {
                out += "       “\(e.quote.snippet(100))” [\(e.start)–\(e.end)]\n"
            } else {
                out += "       not found in the document\n"
            }
        }
        if !asks.isEmpty { out += "  Ask for first:\n" }
        for (n, ask) in asks.enumerated() {
            out += "    \(n + 1). \(ask.clause) (\(ask.about))\n"
            if let walkAway = ask.walkAway { out += "       walk away below: \(walkAway)\n" }
        }
        return out
    }

    var markdown: String {
        var md = "## Verdict\n\n"
        guard !risks.isEmpty else { return md + "No gaps or traps against this profile.\n\n" }
        md += "**Most serious risks**\n\n"
        for (n, risk) in risks.enumerated() {
            md += "\(n + 1). **\(MarkdownReport.escape(risk.headline))**\(Self.pointsNote(risk.points)). "
            md += MarkdownReport.escape(risk.why)
            if let e = risk.evidence {
                md += " Evidence (\(e.start)–\(e.end)): “\(MarkdownReport.escape(e.quote.snippet(160)))”\n"
            } else {
                md += " Not found in the document.\n"
            }
        }
        if !asks.isEmpty { md += "\n**Ask for first**\n\n" }
        for (n, ask) in asks.enumerated() {
            md += "\(n + 1). **\(MarkdownReport.escape(ask.clause))** (\(MarkdownReport.escape(ask.about)))"
            md += ask.walkAway.map { ". Walk away below: \(MarkdownReport.escape($0))" } ?? ""
            md += "\n"
        }
        return md + "\n"
    }

    var html: String {
        var h = "<section class=\"verdict\" aria-label=\"verdict\"><h2>Verdict</h2>"
        guard !risks.isEmpty else { return h + "<p>No gaps or traps against this profile.</p></section>\n" }
        h += "<h3>Most serious risks</h3><ol class=\"risks\">"
        for risk in risks {
            let esc = HTMLReport.esc
            h += "<li><strong>\(esc(risk.headline))</strong>\(esc(Self.pointsNote(risk.points)))<br>\(esc(risk.why)) "
            if let e = risk.evidence {
                h += "<a href=\"#at-\(e.start)\">evidence: “\(esc(e.quote.snippet(90)))”</a>"
            } else {
                h += "<span class=\"absent\">not found in the document</span>"
            }
            h += "</li>"
        }
        h += "</ol>"
        if !asks.isEmpty { h += "<h3>Ask for first</h3><ol class=\"asks\">" }
        for ask in asks {
            h += "<li><strong>\(HTMLReport.esc(ask.clause))</strong> (\(HTMLReport.esc(ask.about)))"
            h += ask.walkAway.map { "<br><small>Walk away below: \(HTMLReport.esc($0))</small>" } ?? ""
            h += "</li>"
        }
        if !asks.isEmpty { h += "</ol>" }
        return h + "</section>\n"
    }

    static func pointsNote(_ points: Double?) -> String {
        points.map { " (\(ScoreExplanation.points($0)) points)" } ?? ""
    }
}
