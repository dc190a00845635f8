import FineprintCore
import Foundation

extension PatternPage {
    /// The page as Markdown, in the order a negotiator reads it: what the deal is, how it varies, who is in it,
    /// what to write, what to refuse, what has gone wrong before, and what to read.
    public func markdown() -> String {
        var out = "# \(pattern.name)\n\n*\(pattern.summary.trimmed)*\n\n"
        out += pattern.description.trimmed + "\n\n"
        if !pattern.subVariants.isEmpty {
            out += "## Sub-variants\n\n"
            for v in pattern.subVariants { out += "- **\(v.name)**: \(v.description.trimmed)\n" }
            out += "\n"
        }
        out += partnershipsSection()
        if !pattern.exampleClauses.isEmpty {
            out += "## Example clauses\n\nIllustrative wording, not legal advice.\n\n"
            for clause in pattern.exampleClauses {
                out +=
                    "**\(clause.title)**\n\n"
                    + clause.text.trimmed.split(separator: "\n").map { "> " + $0 }.joined(separator: "\n") + "\n\n"
            }
        }
        out += movesSection()
        out += readingSection()
        out += "## Sources\n\n"
        for s in sources { out += "- \(s.title) (\(s.publisher), \(s.date)) <\(s.url)>\n" }
        out +=
            "\nConfidence: \(pattern.confidence.rawValue). Reviewed by \(pattern.reviewed.by) on \(pattern.reviewed.on). Version \(pattern.version)."
        if !includesUnpublished { out += " Items below primary-source confidence are not shown." }
        return out + "\n"
    }

    /// The tracked partnerships: a table of what each one's public terms show, then each in a line.
    private func partnershipsSection() -> String {
        guard !partnerships.isEmpty else { return "" }
        var out = ""
        out += "## Tracked partnerships\n\n"
        out +=
            "What each partnership's public terms show when read by the analyzer. Unknown means the public record does not say.\n\n"
        out +=
            "| Partnership | Date | Moves visible | Protections evident | Pattern moves unknown |\n|---|---|---|---|---|\n"
        for tracked in partnerships {
            let name = tracked.partnership.name + (tracked.isLivePrecedent ? " (live precedent)" : "")
            guard let card = tracked.scorecard else {
                out += "| \(cell(name)) | \(tracked.partnership.date) | not scored | not scored | — |\n"
                continue
            }
            out +=
                "| \(cell(name)) | \(tracked.partnership.date) | \(cell(list(card.visibleMoves.map(\.id)))) | "
                + "\(cell(list(card.evidentProtections.map(\.id)))) | \(tracked.unknownPatternMoves.count) of \(moves.count) |\n"
        }
        out += "\n"
        for tracked in partnerships {
            out +=
                "- **\(tracked.partnership.name)** (\(tracked.partnership.parties.joined(separator: ", ")), \(tracked.partnership.date)): "
            out += tracked.partnership.summary.trimmed.replacingOccurrences(of: "\n", with: " ") + "\n"
        }
        out += "\n"
        return out
    }

    /// The kill-list moves of the pattern: why each matters here and what to write instead.
    private func movesSection() -> String {
        guard !moves.isEmpty else { return "" }
        var out = ""
        out += "## Kill-list moves\n\n"
        for m in moves {
            out += "### \(m.move.name) (\(m.move.severity.rawValue))\n\n"
            out +=
                "\(m.move.summary.trimmed)\n\n**Why here.** \(m.whyHere.trimmed)\n\n**Instead.** \(m.mitigationNote.trimmed)"
            if let clause = m.clause { out += " Model clause: *\(clause.title)* (`\(clause.id)`)." }
            out += "\n\n"
        }
        return out
    }

    /// What to read: precedents, regulatory provisions and scholarly anchors, each where there are any.
    private func readingSection() -> String {
        var out = ""
        if !precedents.isEmpty {
            out += "## Precedents to consider\n\n"
            for p in precedents {
                let reference = p.reference.map { ", \($0)" } ?? ""
                out += "- **\(p.name)** (\(p.forum)\(reference), \(p.date)): \(p.relevance.trimmed)\n"
            }
            out += "\n"
        }
        if !regulations.isEmpty {
            out += "## Regulatory provisions\n\n"
            for r in regulations { out += "- **\(r.instrument), \(r.article)**: \(r.title)\n" }
            out += "\n"
        }
        if !scholarlyAnchors.isEmpty {
            out += "## Scholarly anchors\n\n"
            for s in scholarlyAnchors { out += "- \(s.title) (\(s.publisher), \(s.date)) <\(s.url)>\n" }
            out += "\n"
        }
        return out
    }

    private func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
    private func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
