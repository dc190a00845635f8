import FineprintCore
import FineprintShare
import Foundation

/// What each kind of item shows on its page.
extension AlliedItemModel {
    mutating func show(_ c: ModelClause) {
        summary = "Model clause"
        section("Text", c.text.components(separatedBy: "\n\n"))
        section("Supplies", c.provides)
        section("Counters", c.counters)
        section("Mitigates kill-list moves", c.mitigates)
        section("Notes", [c.notes ?? ""])
    }

    mutating func show(_ m: KillListMove) {
        summary = m.summary
        section("How it works", [m.mechanism])
        section("Severity", [m.severity.rawValue])
        section("Reveals", m.reveals)
        section("Mitigating clause", [m.mitigation])
    }

    mutating func show(_ item: SharedKnowledgeItem) {
        summary = item.summary
        for field in item.fields { section(field.name, [field.text]) }
    }

    /// `name`: a provision's name in our taxonomy (its id when we lack it).
    mutating func show(_ p: Playbook, carried: CarriedPositions?, name: (String) -> String) {
        summary = p.description
        for r in p.requirements {
            var lines = [
                "\(r.level.rawValue), weight \(r.weight)"
                    + (r.minimumStrength.map { ", at least \($0.rawValue)" } ?? "")
            ]
            if let position = r.position { lines += Self.lines(position, carried: carried) }
            section(name(r.provision), lines)
        }
        if let note = SharedPlaybook(playbook: p, carried: carried).missingPositionsNote { notes.append(note) }
    }

    static func lines(_ position: NegotiationPosition, carried: CarriedPositions?) -> [String] {
        let clause = carried?.clauses.first { $0.id == position.preferred }
        var lines = ["Why it matters: \(position.why)"]
        lines.append(
            "Preferred: " + (clause.map { "\($0.title) — \($0.text)" } ?? "clause \(position.preferred)")
        )
        lines += position.fallbacks.enumerated().map { "Fallback \($0.offset + 1): \($0.element)" }
        if let walkAway = position.walkAway { lines.append("Walk away below: \(walkAway)") }
        lines += position.restsOn.map { basis in
            let named =
                basis.source.flatMap { id in carried?.sources.first { $0.id == id }?.title ?? id }
                ?? basis.standard.flatMap { id in carried?.standards.first { $0.id == id }?.name ?? id } ?? ""
            return "Rests on: \(named), \(basis.article)" + (basis.point.map { ": \($0)" } ?? "")
        }
        return lines
    }

    mutating func show(_ analysis: SharedAnalysis) {
        let a = analysis.analysis
        summary = "Reviewed analysis of \(a.document.name) against \(a.profile): score \(a.score)/100"
        section("Gaps", a.gaps.map { "\($0.provision) (\($0.reason.rawValue))" })
        section("Kill-list moves", a.killListMoves.map(\.id))
        section("Document text", [analysis.documentText == nil ? "not included by the publisher" : "included"])
    }

    /// Their figures with ours beside them, from our results on the same data set and split.
    mutating func show(_ evaluation: SharedEvaluation, ours: [SharedEvaluation]) {
        let dataset = "\(evaluation.dataset) \(evaluation.split)".trimmingCharacters(in: .whitespaces)
        summary = "Evaluation results on \(dataset)" + (evaluation.documents.map { ", \($0) documents" } ?? "")
        let same = ours.first { $0.dataset == evaluation.dataset && $0.split == evaluation.split }
        comparedWith =
            same == nil
            ? "We hold no results of ours on \(dataset) (start the server with --our-evaluation FILE)." : nil
        figures = evaluation.beside(ours: same).map { row in
            FigureRow(
                name: row.name,
                theirs: String(format: "%.3f", row.theirs),
                ours: row.ours.map { String(format: "%.3f", $0) } ?? "—"
            )
        }
    }
}
