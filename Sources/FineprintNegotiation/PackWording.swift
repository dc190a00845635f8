import FineprintCore

/// The sentences every format of the pack shares, so the DOCX, Markdown and HTML say the same.
enum PackWording {
    /// Score lines shown of each sign on the cover.
    static let scoreLinesShown = 8

    static func title(_ pack: NegotiationPack) -> String { "Negotiation pack: \(pack.documentName)" }

    /// The cover's facts, label and value.
    static func cover(_ pack: NegotiationPack) -> [(String, String)] {
        var lines: [(String, String)] = [("Document", pack.documentName)]
        lines.append(("Supplier", pack.supplier ?? "not named in the text"))
        lines.append(("Date", pack.date))
        lines.append(("Judged against", pack.profileName))
        if let standard = pack.standard { lines.append(("Standard cited first", pack.standardName ?? standard)) }
        var score = "\(pack.score)/100"
        if let coverage = pack.coverage { score += " (protections covered \(coverage)/100, less hazards and traps)" }
        lines.append(("Score", score))
        if let review = pack.review { lines.append(("Review", review)) }
        lines.append(("Issues", counts(pack)))
        if let name = pack.standardName {
            lines.append(("\(name): not met", articleList(pack.unmetArticles)))
            if !pack.partlyMetArticles.isEmpty {
                lines.append(("\(name): partly met", articleList(pack.partlyMetArticles)))
            }
        }
        return lines
    }

    /// "Art. 5 Data governance; Art. 9 Audit", or "none" when the list is empty.
    static func articleList(_ articles: [CitedArticle]) -> String {
        articles.isEmpty ? "none" : articles.map(\.label).joined(separator: "; ")
    }

    static func counts(_ pack: NegotiationPack) -> String {
        let parts: [(NegotiationIssue.Kind, String)] = [
            (.missing, "missing"), (.tooWeak, "too weak"), (.hazardPresent, "to remove"), (.move, "traps"),
        ]
        let counted = parts.compactMap { kind, word in pack.count(kind) > 0 ? "\(pack.count(kind)) \(word)" : nil }
        return "\(pack.issues.count) in all" + (counted.isEmpty ? "" : ": " + counted.joined(separator: ", "))
    }

    /// "−6.2 points: Breach notification deadline is missing", the first few of each sign.
    static func scoreLines(_ items: [ScoreContribution]) -> [String] {
        var lines = items.prefix(scoreLinesShown).map { "\(points($0.points)) points: \($0.reason)" }
        if items.count > scoreLinesShown {
            let rest = items.dropFirst(scoreLinesShown)
            lines.append("\(points(rest.reduce(0) { $0 + $1.points })) points: \(rest.count) more")
        }
        return lines
    }

    static func points(_ x: Double) -> String {
        let tenths = Int((abs(x) * 10).rounded())
        let sign = x < 0 ? "−" : "+"
        return sign + String(tenths / 10) + (tenths % 10 == 0 ? "" : "." + String(tenths % 10))
    }

    /// The issue's heading: "3. Breach notification deadline (too weak)".
    static func heading(_ issue: NegotiationIssue) -> String {
        "\(issue.number). \(issue.title) (\(issue.kind.wording))"
    }

    /// Where the supplier's words are: "clause 12.3", "the text", or that they are missing.
    static func whereFound(_ issue: NegotiationIssue) -> String {
        guard issue.supplierText != nil else { return "Not in the document." }
        return issue.supplierClause.map { "Clause \($0)" } ?? "In the text"
    }

    static func quote(_ issue: NegotiationIssue, limit: Int = 400) -> String? {
        guard let text = issue.supplierText else { return nil }
        return "“" + (text.count > limit ? String(text.prefix(limit - 1)) + "…" : text) + "”"
    }

    static func ask(_ issue: NegotiationIssue) -> String {
        issue.askTitle + (issue.walkAway.map { ". Walk away below: \($0)" } ?? "")
    }
}
