import FineprintCore
import FineprintReport
import Foundation

/// Renders a comparison as text, JSON, Markdown, HTML or CSV.
public enum ComparisonRenderer {
    public static func render(_ c: Comparison, as format: CompareFormat) throws -> String {
        switch format {
        case .text: text(c)
        case .json: try Render.json(c)
        case .markdown: markdown(c)
        case .html: html(c)
        case .csv: csv(c)
        }
    }

    /// "strong", "weak · 72 hours", "absent"; hazards read "PRESENT (hazard)" (the shared `StateWording`).
    static func cellLabel(_ cell: MatrixCell, _ row: ProvisionRow) -> String {
        StateWording.provision(cell.status, strength: cell.strength, value: cell.value, hazard: row.polarity == .hazard)
    }

    static func cellClass(_ cell: MatrixCell, _ row: ProvisionRow) -> String {
        if row.polarity == .hazard { return cell.status == .present ? "hazard-present" : "hazard-absent" }
        guard cell.status == .present else { return "absent" }
        return cell.strength?.rawValue ?? "adequate"
    }

    public static func text(_ c: Comparison) -> String {
        var out = "Comparison against \(c.profileName) (\(c.profile)), \(c.documents.count) documents\n\n"
        out += "Ranking\n"
        for r in c.ranking {
            let d = c.documents[r.document]
            let moves = d.moves.isEmpty ? "no kill-list moves" : "\(d.moves.count) kill-list move(s)"
            out += "  \(r.rank). \(r.name) — score \(r.score), \(d.gaps) gap(s), \(moves)\n"
            out += "     \(d.explanation.oneLine())\n"
        }
        out +=
            "\nDocuments: "
            + c.documents.enumerated().map { "[\($0.offset + 1)] \($0.element.name)" }.joined(separator: "  ") + "\n"
        let width = max(12, (c.provisions.map(\.id.count).max() ?? 12))
        let colWidth = 22
        func pad(_ s: String, _ n: Int) -> String {
            s.count >= n ? String(s.prefix(n - 1)) + " " : s + String(repeating: " ", count: n - s.count)
        }
        var header = pad("provision", width + 4) + pad("ask", 10)
        for i in c.documents.indices { header += pad("[\(i + 1)]", colWidth) }
        out += "\n" + header + "\n"
        var dimension = ""
        for row in c.provisions {
            if row.dimension != dimension {
                dimension = row.dimension
                out += "  \(dimension)\n"
            }
            var line = pad("  " + row.id, width + 4) + pad(row.requirement.map(askLabel) ?? "", 10)
            for (i, cell) in row.cells.enumerated() {
                line += pad((row.best.contains(i) ? "*" : " ") + cellLabel(cell, row), colWidth)
            }
            out += line.trimmingCharacters(in: .whitespaces) + "\n"
        }
        out += "  (* best of the documents for the buyer)\n"
        out += bestOffersText(c)
        if !c.moves.isEmpty {
            out += "\nKill-list moves\n"
            for m in c.moves {
                var line = pad("  " + m.id, width + 4) + pad(m.severity?.rawValue ?? "", 10)
                for p in m.present { line += pad(StateWording.move(found: p), colWidth) }
                out += line.trimmingCharacters(in: .whitespaces) + "\n"
            }
        }
        out += "\nScores\n"
        var line = pad("  overall", width + 14)
        for d in c.documents { line += pad("\(d.score)", colWidth) }
        out += line.trimmingCharacters(in: .whitespaces) + "\n"
        let dims = c.documents.first?.dimensions.map(\.id) ?? []
        for id in dims {
            var l = pad("  " + id, width + 14)
            for d in c.documents { l += pad(d.scoreText(id), colWidth) }
            out += l.trimmingCharacters(in: .whitespaces) + "\n"
        }
        return out
    }

    /// Per requirement, whose text is strongest and the words that earn it.
    static func bestOffersText(_ c: Comparison) -> String {
        let rows = c.provisions.filter { $0.bestOffer != nil }
        guard !rows.isEmpty else { return "" }
        var out = "\nBest offer per requirement\n"
        for row in rows {
            guard let offer = row.bestOffer else { continue }
            out += "  \(row.name): \(offer.wording(c.documents, hazard: row.polarity == .hazard))"
            out += (offer.quote().map { " — \($0)" } ?? "") + "\n"
        }
        return out
    }

    /// The best offer's cell: who, then the quote.
    static func bestOfferLine(_ row: ProvisionRow, _ c: Comparison) -> String {
        guard let offer = row.bestOffer else { return "" }
        return offer.wording(c.documents, hazard: row.polarity == .hazard) + (offer.quote().map { ": " + $0 } ?? "")
    }

    static func askLabel(_ level: RequirementLevel) -> String {
        switch level {
        case .required: "required"
        case .preferred: "preferred"
        case .mustBeAbsent: "must-not"
        }
    }

    public static func markdown(_ c: Comparison) -> String {
        var out = "# Supplier comparison — \(Render.md(c.profileName))\n\n"
        out += "Profile `\(c.profile)`, \(c.documents.count) documents.\n\n## Ranking\n\n"
        out += "| Rank | Document | Score | Gaps | Kill-list moves |\n|---:|---|---:|---:|---|\n"
        for r in c.ranking {
            let d = c.documents[r.document]
            out +=
                "| \(r.rank) | \(Render.md(d.name)) | \(d.score) | \(d.gaps) | \(Render.md(d.moves.map(\.name).joined(separator: ", "))) |\n"
        }
        out += "\n## Scores explained\n\n"
        for d in c.documents { out += "- **\(Render.md(d.name))**: \(Render.md(d.explanation.oneLine()))\n" }
        out += "\n## Provisions\n\nA **bold** cell is the best of the documents for the buyer.\n\n"
        out +=
            "| Provision | Asked | " + c.documents.map { Render.md($0.name) }.joined(separator: " | ")
            + " | Best offer |\n"
        out += "|---|---|" + String(repeating: "---|", count: c.documents.count) + "---|\n"
        for row in c.provisions {
            var line = "| \(Render.md(row.name)) (`\(row.id)`) | \(row.requirement.map(askLabel) ?? "") |"
            for (i, cell) in row.cells.enumerated() {
                let label = Render.md(cellLabel(cell, row))
                line += " " + (row.best.contains(i) ? "**\(label)**" : label) + " |"
            }
            out += line + " \(Render.md(bestOfferLine(row, c))) |\n"
        }
        if !c.moves.isEmpty {
            out +=
                "\n## Kill-list moves\n\n| Move | Severity | "
                + c.documents.map { Render.md($0.name) }.joined(separator: " | ") + " |\n"
            out += "|---|---|" + String(repeating: "---|", count: c.documents.count) + "\n"
            for m in c.moves {
                out +=
                    "| \(Render.md(m.name)) | \(m.severity?.rawValue ?? "") | "
                    + m.present.map { StateWording.move(found: $0) }.joined(separator: " | ") + " |\n"
            }
        }
        out += "\n## Scores\n\n| | " + c.documents.map { Render.md($0.name) }.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---:|", count: c.documents.count) + "\n"
        out += "| **overall** | " + c.documents.map { "\($0.score)" }.joined(separator: " | ") + " |\n"
        for id in c.documents.first?.dimensions.map(\.id) ?? [] {
            out +=
                "| \(Render.md(id)) | "
                + c.documents.map { d in d.scoreText(id) }.joined(
                    separator: " | "
                ) + " |\n"
        }
        return out
    }

    public static func html(_ c: Comparison) -> String {
        let e = Render.html
        var b =
            "<h1>Supplier comparison</h1>\n<p class=\"sub\">Against \(e(c.profileName)) (\(e(c.profile))), \(c.documents.count) documents</p>\n"
        b +=
            "<h2>Ranking</h2>\n<table><thead><tr><th>Rank</th><th>Document</th><th>Score</th><th>Gaps</th><th>Kill-list moves</th></tr></thead><tbody>\n"
        for r in c.ranking {
            let d = c.documents[r.document]
            b +=
                "<tr><td class=\"num\">\(r.rank)</td><td>\(e(d.name))</td><td class=\"num\">\(d.score)</td><td class=\"num\">\(d.gaps)</td><td>\(e(d.moves.map(\.name).joined(separator: ", ")))</td></tr>\n"
        }
        b += "</tbody></table>\n<h2>Scores explained</h2>\n<ul>\n"
        for d in c.documents { b += "<li><strong>\(e(d.name))</strong>: \(e(d.explanation.oneLine()))</li>\n" }
        b +=
            "</ul>\n<h2>Provisions</h2>\n<p class=\"meta\">Outlined cells are the best of the documents for the buyer.</p>\n"
        b +=
            "<table><thead><tr><th>Provision</th><th>Asked</th>" + c.documents.map { "<th>\(e($0.name))</th>" }.joined()
            + "<th>Best offer</th></tr></thead><tbody>\n"
        var dimension = ""
        for row in c.provisions {
            if row.dimension != dimension {
                dimension = row.dimension
                b += "<tr><th colspan=\"\(c.documents.count + 3)\">\(e(dimension))</th></tr>\n"
            }
            b +=
                "<tr><td>\(e(row.name))<br><span class=\"meta\">\(e(row.id))</span></td><td>\(e(row.requirement.map(askLabel) ?? ""))</td>"
            for (i, cell) in row.cells.enumerated() {
                let cls = cellClass(cell, row) + (row.best.contains(i) ? " best" : "")
                b +=
                    "<td class=\"\(cls)\" title=\"confidence \(Render.percent(cell.confidence))\">\(e(cellLabel(cell, row)))</td>"
            }
            b += "<td>\(e(bestOfferLine(row, c)))</td></tr>\n"
        }
        b += "</tbody></table>\n"
        b += movesHTML(c)
        b += scoresHTML(c)
        return Render.page(title: "Supplier comparison — \(c.profileName)", body: b)
    }

    /// The kill-list moves, a column per document; nothing when none was found.
    static func movesHTML(_ c: Comparison) -> String {
        let e = Render.html
        guard !c.moves.isEmpty else { return "" }
        var b = ""
        b +=
            "<h2>Kill-list moves</h2>\n<table><thead><tr><th>Move</th><th>Severity</th>"
            + c.documents.map { "<th>\(e($0.name))</th>" }.joined() + "</tr></thead><tbody>\n"
        for m in c.moves {
            b +=
                "<tr><td>\(e(m.name))<br><span class=\"meta\">\(e(m.id))</span></td><td>\(e(m.severity?.rawValue ?? ""))</td>"
            b +=
                m.present.map { "<td\($0 ? " class=\"hazard-present\"" : "")>\(StateWording.move(found: $0))</td>" }
                .joined() + "</tr>\n"
        }
        b += "</tbody></table>\n"
        return b
    }

    /// The overall and dimension scores, a column per document.
    static func scoresHTML(_ c: Comparison) -> String {
        let e = Render.html
        var b = ""
        b +=
            "<h2>Scores</h2>\n<table><thead><tr><th></th>" + c.documents.map { "<th>\(e($0.name))</th>" }.joined()
            + "</tr></thead><tbody>\n"
        b +=
            "<tr><th>overall</th>" + c.documents.map { "<td class=\"num\"><strong>\($0.score)</strong></td>" }.joined()
            + "</tr>\n"
        for id in c.documents.first?.dimensions.map(\.id) ?? [] {
            b +=
                "<tr><td>\(e(id))</td>"
                + c.documents.map { d in
                    "<td class=\"num\">\(d.scoreText(id))</td>"
                }.joined() + "</tr>\n"
        }
        b += "</tbody></table>\n"
        return b
    }

    /// The matrix: one row per provision, four columns per document; then one row per kill-list
    /// move and the scores, in the same columns.
    public static func csv(_ c: Comparison) -> String {
        var header = ["row", "provision", "name", "dimension", "polarity", "requirement"]
        for d in c.documents {
            header += ["\(d.name) status", "\(d.name) strength", "\(d.name) value", "\(d.name) confidence"]
        }
        var lines = [header.map(Render.csv).joined(separator: ",")]
        for row in c.provisions {
            var f = [
                "provision", row.id, row.name, row.dimension, row.polarity.rawValue, row.requirement?.rawValue ?? "",
            ]
            for cell in row.cells {
                f += [
                    StateWording.status(cell.status), cell.strength?.rawValue ?? "", cell.value ?? "",
                    String(format: "%.3f", cell.confidence),
                ]
            }
            lines.append(f.map(Render.csv).joined(separator: ","))
        }
        for m in c.moves {
            var f = ["kill_list_move", m.id, m.name, "", "hazard", m.severity?.rawValue ?? ""]
            for (i, p) in m.present.enumerated() {
                let conf = c.documents[i].moves.first { $0.id == m.id }?.confidence
                f += [
                    StateWording.status(p ? .present : .absent), "", "", conf.map { String(format: "%.3f", $0) } ?? "",
                ]
            }
            lines.append(f.map(Render.csv).joined(separator: ","))
        }
        var score = ["score", "", "overall", "", "", ""]
        for d in c.documents { score += ["\(d.score)", "", "rank \(d.rank)", ""] }
        lines.append(score.map(Render.csv).joined(separator: ","))
        for id in c.documents.first?.dimensions.map(\.id) ?? [] {
            var f = ["dimension_score", "", id, id, "", ""]
            for d in c.documents { f += [d.scoreText(id), "", "", ""] }
            lines.append(f.map(Render.csv).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
