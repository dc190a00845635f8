/// Text made safe for XML 1.0 and for one-line display.
public enum XMLText {
    /// Escapes markup characters and drops the control characters XML 1.0 forbids (everything
    /// below U+0020 but tab, line feed and carriage return, and U+FFFE/U+FFFF), which a contract's
    /// extracted text may hold.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func isAllowed(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// Whitespace runs, line breaks included, as single spaces; forbidden controls dropped.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.contains { !isAllowed($0) } })
            .joined(separator: " ")
    }
}
