import FineprintCore

/// The formats of `fineprint negotiate`.
public enum PackFormat: String, CaseIterable, Sendable {
    case docx, md, html

    public var contentType: String {
        switch self {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .md: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }
}

/// The pack in Markdown: the changes as ~~deleted~~ and **inserted** words.
public enum PackMarkdown {
    public static func render(_ pack: NegotiationPack) -> String {
        var md = "# \(escape(PackWording.title(pack)))\n\n"
        for (label, value) in PackWording.cover(pack) { md += "- **\(label)**: \(escape(value))\n" }
        for (title, items) in [("What cost points", pack.scoreLosses), ("What earned points", pack.scoreGains)]
        where !items.isEmpty {
            md += "\n## \(title)\n\n" + PackWording.scoreLines(items).map { "- \(escape($0))\n" }.joined()
        }
        md += "\n## Issues\n\n"
        if pack.issues.isEmpty { md += "Nothing to negotiate against this profile.\n" }
        if !pack.issues.isEmpty {
            md += "| Issue | What the supplier's text says | Why it matters | What we ask | Fallback | Source |\n"
            md += "|---|---|---|---|---|---|\n"
        }
        for issue in pack.issues {
            let said = PackWording.whereFound(issue) + (PackWording.quote(issue, limit: 200).map { " " + $0 } ?? "")
            let cells = [
                PackWording.heading(issue), said, issue.why, PackWording.ask(issue), issue.fallbacks.first ?? "—",
                issue.basis.map(\.text).joined(separator: "; "),
            ]
            md += "| " + cells.map(escape).joined(separator: " | ") + " |\n"
        }
        for issue in pack.issues {
            md += "\n### \(escape(PackWording.heading(issue)))\n\n"
            if let quote = PackWording.quote(issue, limit: 2000) {
                md += "**The supplier's clause** (\(escape(PackWording.whereFound(issue)))):\n\n> \(escape(quote))\n\n"
            }
            md += "**Our proposed wording — \(escape(issue.askTitle))** (deleted ~~struck~~, inserted **bold**):\n\n> "
            md += issue.changes.map { change in
                switch change.op {
                case .keep: escape(change.text)
                case .delete: "~~\(escape(change.text))~~"
                case .insert: "**\(escape(change.text))**"
                }
            }.joined(separator: " ")
            md += "\n\n"
            for fallback in issue.fallbacks { md += "- Fallback: \(escape(fallback))\n" }
            if let walkAway = issue.walkAway { md += "- Walk-away line: \(escape(walkAway))\n" }
            md += "- Why it matters: \(escape(issue.why))\n"
            for line in issue.basis { md += "- Rests on: \(escape(line.text))\(line.url.map { " <\($0)>" } ?? "")\n" }
        }
        return md
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "|*_`[]<>#\\~".contains(c) { out.append("\\") }
            out.append(c.isNewline ? " " : c)
        }
        return out
    }
}

/// The pack as one self-contained HTML page: the changes as <del> and <ins>.
public enum PackHTML {
    public static func render(_ pack: NegotiationPack) -> String {
        var h =
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(esc(PackWording.title(pack)))</title>"
        h += "<style>\(css)</style></head><body><h1>\(esc(PackWording.title(pack)))</h1><dl>"
        for (label, value) in PackWording.cover(pack) { h += "<dt>\(esc(label))</dt><dd>\(esc(value))</dd>" }
        h += "</dl>"
        for (title, items) in [("What cost points", pack.scoreLosses), ("What earned points", pack.scoreGains)]
        where !items.isEmpty {
            h +=
                "<h2>\(title)</h2><ul>" + PackWording.scoreLines(items).map { "<li>\(esc($0))</li>" }.joined() + "</ul>"
        }
        h += "<h2>Issues</h2>"
        if pack.issues.isEmpty { h += "<p>Nothing to negotiate against this profile.</p>" }
        if !pack.issues.isEmpty {
            h += "<table><thead><tr><th>Issue</th><th>What the supplier's text says</th><th>Why it matters</th>"
            h += "<th>What we ask</th><th>Fallback</th><th>Source</th></tr></thead><tbody>"
        }
        for issue in pack.issues {
            let quote = PackWording.quote(issue, limit: 300).map { "<br><q>\(esc($0))</q>" } ?? ""
            h += "<tr><td><a href=\"#issue-\(issue.number)\">\(esc(PackWording.heading(issue)))</a></td>"
            h += "<td>\(esc(PackWording.whereFound(issue)))\(quote)</td><td>\(esc(issue.why))</td>"
            h += "<td>\(esc(PackWording.ask(issue)))</td><td>\(esc(issue.fallbacks.first ?? "—"))</td>"
            h += "<td>\(issue.basis.map(link).joined(separator: "<br>"))</td></tr>"
        }
        if !pack.issues.isEmpty { h += "</tbody></table>" }
        for issue in pack.issues { h += section(issue) }
        return h + "</body></html>\n"
    }

    static func section(_ issue: NegotiationIssue) -> String {
        var h =
            "<section id=\"issue-\(issue.number)\"><h3>\(esc(PackWording.heading(issue)))</h3><div class=\"beside\">"
        h +=
            "<div><h4>The supplier's clause</h4><p>\(esc(issue.supplierText.map { PackWording.whereFound(issue) + ": " + $0 } ?? "Not in the document."))</p></div>"
        h += "<div><h4>Our proposed wording: \(esc(issue.askTitle))</h4><p>"
        h += issue.changes.map { change in
            switch change.op {
            case .keep: esc(change.text)
            case .delete: "<del>\(esc(change.text))</del>"
            case .insert: "<ins>\(esc(change.text))</ins>"
            }
        }.joined(separator: " ")
        h += "</p></div></div><ul>"
        for fallback in issue.fallbacks { h += "<li>Fallback: \(esc(fallback))</li>" }
        if let walkAway = issue.walkAway { h += "<li>Walk-away line: \(esc(walkAway))</li>" }
        h += "<li>Why it matters: \(esc(issue.why))</li>"
        return h + issue.basis.map { "<li>Rests on: \(link($0))</li>" }.joined() + "</ul></section>"
    }

    static func link(_ line: BasisLine) -> String {
        guard let url = line.url, url.hasPrefix("https://") || url.hasPrefix("http://") else { return esc(line.text) }
        return "<a href=\"\(esc(url))\">\(esc(line.text))</a>"
    }

    static func esc(_ s: String) -> String { Markup.escape(s) }

    static let css = """
        body{font:15px/1.5 system-ui,sans-serif;color:#1b1f24;max-width:70rem;margin:1.5rem auto;padding:0 1rem}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #d8dde3;padding:.3rem .5rem;vertical-align:top;text-align:left;font-size:.9em}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
        .beside{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.beside div{border:1px solid #d8dde3;padding:.2rem .8rem}
        del{background:#ffd1cc;color:#7a1a12}ins{background:#d3f5dc;color:#0f5229;text-decoration:underline}
        """
}
