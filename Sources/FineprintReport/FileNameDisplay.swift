/// How a file name a user uploaded is shown: the store keeps it whole, pages and reports show it
/// without control characters or bidirectional controls (which can make "gpj.exe" read as
/// "exe.jpg"), and pages shorten it so that a 5,000-character name cannot widen every page.
public enum FileNameDisplay {
    /// Characters a shortened name keeps, counting the ellipsis.
    public static let maxCharacters = 80

    /// The name without C0/C1 controls, line and paragraph separators, and the bidirectional
    /// embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C).
    public static func cleaned(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where !isHidden(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// The cleaned name, at most `limit` characters: the start and the end (where the extension is)
    /// with an ellipsis between.
    public static func shortened(_ name: String, limit: Int = maxCharacters) -> String {
        let clean = cleaned(name)
        guard clean.count > limit, limit >= 2 else { return clean }
        let tail = min(16, (limit - 1) / 3)
        let head = limit - 1 - tail
        return String(clean.prefix(head)) + "…" + String(clean.suffix(tail))
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
