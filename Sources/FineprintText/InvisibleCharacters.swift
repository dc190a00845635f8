/// Characters that format a text without being part of it: a soft hyphen (a possible line break inside a word),
/// a zero-width space, a word joiner and a byte-order mark. Left in, they cut words in two ("Germ\u{AD}any").
public enum InvisibleCharacters {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{AD}", "\u{200B}", "\u{2060}", "\u{FEFF}": return true
        default: return false
        }
    }

    /// The text without them (the same text when it has none).
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: contains) else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.lazy.filter { !contains($0) })
        return String(view)
    }
}
