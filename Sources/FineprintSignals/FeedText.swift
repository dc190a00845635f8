import Foundation

/// Text as a reviewer reads it: markup removed, the common entities decoded, spaces collapsed, length bounded.
enum FeedText {
    static func plain(_ s: String, limit: Int = 2000) -> String {
        var t = s.replacingOccurrences(of: "<[^>]{0,2000}>", with: " ", options: .regularExpression)
        for (entity, char) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
            ("&amp;", "&"),
        ] {
            t = t.replacingOccurrences(of: entity, with: char)
        }
        t = t.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return t.count > limit ? String(t.prefix(limit)) + "…" : t
    }

    /// An id for an item that has none: its link and title, never its date (dates change, the item does not).
    static func derivedId(link: String?, title: String) -> String {
        "derived:" + String(SHA256Hex.of(Data(((link ?? "") + "\u{1F}" + title).utf8)).prefix(24))
    }
}
