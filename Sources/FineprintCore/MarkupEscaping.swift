/// Escaping shared by every HTML and XML writer (reports, comparison pages, the Atom feed).
public enum Markup {
    /// Escapes text for HTML or XML element content and attribute values. Characters that XML 1.0
    /// does not allow (most control characters, e.g. the form feeds pdftotext leaves) become
    /// `replacement` (a space unless said otherwise), so the output is valid in both.
    public static func escape(_ s: String, replacingForbiddenWith replacement: String = " ") -> String {
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
                if isAllowedInXML(c) { out.unicodeScalars.append(c) } else { out += replacement }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character: tab, line feed, carriage return, and everything from
    /// U+0020 but the surrogates and U+FFFE/U+FFFF.
    public static func isAllowedInXML(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || v >= 0x10000
    }
}
