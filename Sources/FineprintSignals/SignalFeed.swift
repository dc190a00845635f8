import FineprintCore
import Foundation

/// Fineprint's own Atom feed of published signals: only items promoted with `primary_source` confidence, `tag:`
/// ids, and a fixed `updated` for an empty feed so that caches hold.
public enum SignalFeed {
    public static func published(_ items: [SignalItem]) -> [SignalItem] {
        items.filter { $0.state == .published && $0.publication?.confidence == Confidence.primarySource.rawValue }
            .sorted { ($0.publication?.at ?? .distantPast) > ($1.publication?.at ?? .distantPast) }
    }

    /// The newest publication time, for `Last-Modified`; the epoch when nothing is published.
    public static func lastModified(_ items: [SignalItem]) -> Date {
        published(items).first?.publication?.at ?? Date(timeIntervalSince1970: 0)
    }

    public static func atom(_ items: [SignalItem], selfURL: String, authority: String = "fineprint.local") -> String {
        let chosen = published(items)
        let updated = stamp(lastModified(items))
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>tag:\(authority),2026:signals</id>
              <title>Fineprint: published regulatory signals</title>
              <updated>\(updated)</updated>
              <link rel="self" href="\(Markup.escape(selfURL))"/>

            """
        for item in chosen { out += entry(item, authority: authority) }
        out += "</feed>\n"
        return out
    }

    private static func entry(_ item: SignalItem, authority: String) -> String {
        let e = item.entry
        let link = e.url.map { "    <link rel=\"alternate\" href=\"\(Markup.escape($0))\"/>\n" } ?? ""
        let knowledge = item.publication.map { "knowledge item \($0.knowledgeItem) version \($0.version)" } ?? ""
        return """
              <entry>
                <id>tag:\(authority),2026:signal:\(item.id)</id>
                <title>\(Markup.escape(e.title))</title>
                <updated>\(stamp(item.publication?.at ?? item.lastChanged))</updated>
            \(link)    <category term="\(Markup.escape(item.source))"/>
                <summary>\(Markup.escape(e.summary.isEmpty ? knowledge : e.summary + " (" + knowledge + ")"))</summary>
              </entry>

            """
    }

    static func stamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
