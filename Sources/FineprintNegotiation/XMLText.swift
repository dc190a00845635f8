import FineprintCore

/// Text made safe for XML 1.0 and for one-line display.
public enum XMLText {
    /// Escapes markup characters and drops the control characters XML 1.0 forbids, which a
    /// contract's extracted text may hold (the pack drops them where pages show a space).
    public static func escape(_ s: String) -> String {
        Markup.escape(s, replacingForbiddenWith: "")
    }

    /// Whitespace runs, line breaks included, as single spaces; forbidden controls dropped.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.contains { !Markup.isAllowedInXML($0) } })
            .joined(separator: " ")
    }
}
