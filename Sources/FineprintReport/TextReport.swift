import FineprintCore

/// A readable terminal summary.
enum TextReport {
    static func render(_ input: ReportInput) -> String {
        let a = input.analysis
        var out = ""
        out +=
            "\(FileNameDisplay.cleaned(a.document.name)) — \(a.document.format.rawValue), \(a.document.characters) characters\n"
        if let ocr = a.document.ocrPages?.ocrSummary { out += "Scanned: \(ocr)\n" }
        out += "Score against \(input.playbook.name): \(a.score)/100\n"
        if let home = a.homeJurisdictions {
            out += "Home jurisdictions (not foreign): \(home.joined(separator: ", "))\n"
        }
        if let model = a.learnedModel { out += "Judged by: \(model.explanation)\n" }
        out += ReviewSummary(input)?.text ?? ""
        out += "\n" + Verdict(input).text + "\nSCORE EXPLAINED\n"
        out += explainedScore(a)
        out +=
            "Dimensions: " + a.dimensions.map { "\(input.dimensionName($0.id)) \($0.score)" }.joined(separator: " · ")
            + "\n"
        for (dimension, findings) in input.findingsByDimension {
            out += "\n\(dimension.name.uppercased())\n"
            for f in findings {
                let status = pad(StateWording.status(f.status) + input.marker(f.id, .status), 7)
                let strength = (f.strength?.rawValue ?? "-") + input.marker(f.id, .strength)
                var line =
                    "  \(status)  \(pad(input.provisionName(f.id), 42)) \(pad(strength, 8)) \(confidenceText(f.confidence))"
                if let v = f.value { line += "  \(v)\(input.marker(f.id, .value))" }
                out += line + "\n"
                if f.status == .present, let e = f.evidence.first {
                    out += "           “\(e.quote.snippet(110))” [\(e.start)–\(e.end)]\n"
                }
            }
        }
        out += "\nKILL-LIST MOVES (\(a.killListMoves.count))\n"
        if a.killListMoves.isEmpty { out += "  none found\n" }
        for m in a.killListMoves {
            out += "  ✗ \(input.moveName(m.id)) \(confidenceText(m.confidence))\n"
            if let e = m.evidence.first { out += "      “\(e.quote.snippet(110))” [\(e.start)–\(e.end)]\n" }
            out += "      mitigation: \(input.clauseTitle(m.mitigation))\n"
        }
        out += "\nGAPS AGAINST \(input.playbook.name.uppercased()) (\(a.gaps.count))\n"
        if a.gaps.isEmpty { out += "  none\n" }
        for g in a.gaps {
            out +=
                "  \(pad(g.level.rawValue.replacingUnderscores, 15)) \(pad(input.provisionName(g.provision), 42)) \(pad(g.reason.rawValue.replacingUnderscores, 15)) → \(g.clause.map(input.clauseTitle) ?? "no model clause")\n"
        }
        out += "\n(\(a.timings.milliseconds) ms)\n"
        return out
    }

    /// The score explained: coverage and hazards, then what cost and what earned points.
    static func explainedScore(_ a: Analysis) -> String {
        let e = ScoreExplanation(a)
        guard let headline = e.headline else { return "" }
        var out = "  \(headline)\n"
        for (title, items) in [("What cost points", e.lost), ("What earned points", e.earned)] where !items.isEmpty {
            out += "  \(title):\n"
            let (shown, rest) = ScoreExplanation.summarised(items)
            for c in shown { out += "    \(pad(ScoreExplanation.points(c.points), 6)) \(c.reason)\n" }
            if let rest { out += "    \(pad(ScoreExplanation.points(rest.points), 6)) \(rest.count) more\n" }
        }
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}

/// A confidence as the reports print it: two decimals, "1.00" at the top.
func confidenceText(_ confidence: Double) -> String {
    let scaled = Int((confidence * 100).rounded())
    return scaled >= 100 ? "1.00" : "0." + (scaled < 10 ? "0" : "") + String(scaled)
}
