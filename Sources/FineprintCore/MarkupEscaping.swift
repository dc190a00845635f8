/// Escaping shared by every HTML and XML writer (reports, comparison pages, the Atom feed).
public enum Markup {
    /// Escapes text for HTML or XML element content and attribute values. Characters that XML 1.0
    /// does not allow (most control characters, e.g. the form feeds pdftotext leaves) become spaces,
    /// so the output is valid in both.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let v = c.value
                let allowed =
                    v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                if allowed { out.unicodeScalars.append(c) } else { out += " " }
            }
        }
        return out
    }
}
