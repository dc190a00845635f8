import Foundation

/// The formats a standards check is written in.
public enum CheckFormat: String, CaseIterable, Sendable { case text, json, markdown }

/// Writes a `StandardCheckResult` as text (one line per article), JSON or Markdown.
public enum CheckRenderer {
    public static func render(
        _ result: StandardCheckResult,
        as format: CheckFormat,
        verbose: Bool = false
    ) throws -> String {
        switch format {
        case .text: text(result, verbose: verbose)
        case .json: try json(result)
        case .markdown: markdown(result)
        }
    }

    public static func json(_ result: StandardCheckResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(result), as: UTF8.self) + "\n"
    }

    /// A header, then one line per article: number, verdict, title. With `verbose`, the reason and the
    /// evidence (quote and offsets) indented below each line.
    public static func text(_ result: StandardCheckResult, verbose: Bool) -> String {
        let numberWidth = min(12, result.articles.map(\.number.count).max() ?? 0)
        let verdictWidth = ArticleVerdict.allCases.map(\.label.count).max() ?? 0
        var lines = [
            "\(result.document.name) against \(result.standard.shortName) (\(result.standard.version))"
        ]
        for article in result.articles {
            let number = article.number.padding(
                toLength: max(numberWidth, article.number.count),
                withPad: " ",
                startingAt: 0
            )
            let verdict = article.verdict.label.padding(toLength: verdictWidth, withPad: " ", startingAt: 0)
            lines.append("\(number)  \(verdict)  \(article.title)\(article.optional ? " (optional)" : "")")
            guard verbose else { continue }
            lines.append("    " + article.reason)
            for quote in article.evidence {
                lines.append(
                    "    [\(quote.start)–\(quote.end)] \(quote.provision): \u{201C}\(snippet(quote.quote))\u{201D}"
                )
            }
        }
        lines.append("Summary: " + result.summary.sentence)
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ result: StandardCheckResult) -> String {
        var out = "# \(cell(result.document.name)) against \(cell(result.standard.shortName))\n\n"
        out +=
            "\(cell(result.standard.title)), \(cell(result.standard.version)). Source: <\(result.standard.sourceUrl)>"
        out += " (crosswalk reviewed \(result.standard.reviewed)).\n\n"
        out += "**Summary:** \(result.summary.sentence).\n\n"
        out += "| Article | Title | Verdict | Why |\n|---|---|---|---|\n"
        for article in result.articles {
            let title = cell(article.title) + (article.optional ? " *(optional)*" : "")
            out += "| \(cell(article.number)) | \(title) | \(article.verdict.label) | \(cell(article.reason)) |\n"
        }
        let cited = result.articles.filter { !$0.evidence.isEmpty }
        if !cited.isEmpty { out += "\n## Evidence\n" }
        for article in cited {
            out += "\n### \(cell(article.number)) \(cell(article.title))\n\n"
            for quote in article.evidence {
                out +=
                    "- \(quote.provision) (characters \(quote.start)–\(quote.end)): \u{201C}\(cell(snippet(quote.quote)))\u{201D}\n"
            }
        }
        return out
    }

    /// Text for one table cell or list line: no line breaks, pipes and markup characters escaped.
    static func cell(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\n", "\r", "\t": out.append(" ")
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\\(c)"
            default: out.append(c)
            }
        }
        return out
    }

    static func snippet(_ s: String, limit: Int = 240) -> String {
        let flat = s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
