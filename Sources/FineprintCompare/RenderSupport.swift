import FineprintCore
import Foundation

/// Output formats of the comparison and the diff.
public enum CompareFormat: String, Sendable, CaseIterable {
    case text, json, markdown, html, csv

    /// The format's name, but "txt" for text and "md" for Markdown.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json, .html, .csv: rawValue
        }
    }
}

public struct UnsupportedFormat: Error, CustomStringConvertible {
    public var description: String
}

enum Render {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Escapes text for HTML element content and attribute values.
    static func html(_ s: String) -> String { Markup.escape(s) }

    /// Escapes text for a Markdown table cell or inline text.
    static func md(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "*", "_", "`", "[", "]", "<", ">", "#", "\\": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    /// A CSV field, quoted when needed (RFC 4180). Leading =, +, - and @ are prefixed with ' so a
    /// spreadsheet does not run them as formulas.
    static func csv(_ s: String) -> String {
        var v = s
        if let f = v.first, "=+-@".contains(f), Double(v) == nil { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    static func oneLine(_ s: String, max: Int = 160) -> String {
        let flat = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return flat.count <= max ? flat : String(flat.prefix(max - 1)) + "…"
    }

    static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }

    static func ms(_ x: Double) -> String { String(format: "%.1f ms", x) }

    static let css = """
        body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1d2330;background:#fff}
        h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d8dce4;padding-bottom:.2rem}
        .sub{color:#5a6270;margin-top:0}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:14px}
        th,td{border:1px solid #d8dce4;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f5f9}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .strong{background:#d9f2df}.adequate{background:#eef7d9}.weak{background:#fdf0d2}.absent{background:#fbe1e1;color:#7a2a2a}
        .hazard-present{background:#f8c9c9;color:#6b1010;font-weight:600}.hazard-absent{background:#e4f4e8}
        .best{outline:2px solid #2a7a46;outline-offset:-2px}
        .better{color:#1f6b3a}.worse{color:#9b1c1c}.neutral{color:#5a6270}
        .tag{display:inline-block;font-size:12px;border-radius:3px;padding:0 .35rem;margin-right:.25rem;background:#eceff4;color:#3b4252}
        .tag.worse{background:#fbe1e1}.tag.better{background:#d9f2df}
        del{background:#fbe1e1;color:#7a1e1e;text-decoration:line-through}ins{background:#d9f2df;color:#175a2c;text-decoration:none}
        .clause{border-left:3px solid #d8dce4;padding:.2rem .7rem;margin:.6rem 0;white-space:pre-wrap}
        .clause.added{border-color:#2a7a46}.clause.removed{border-color:#9b1c1c}.clause.modified{border-color:#c98a12}
        .meta{font-size:12px;color:#5a6270}
        .headline{font-size:1.1rem;padding:.5rem .8rem;background:#f3f5f9;border-radius:4px}
        footer{margin-top:2rem;font-size:12px;color:#5a6270}
        """

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(html(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        <footer>Produced by fineprint, offline. Findings are the analyzer's reading of the text, not legal advice.</footer>
        </body>
        </html>

        """
    }
}
