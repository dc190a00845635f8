import Crypto
import FineprintCore
import Foundation

/// The Atom 1.0 feed (RFC 4287) of the changes a watch store has seen, newest first.
///
/// Every new version of a source gets an entry. Changes in rights are headlined in the title;
/// versions that changed only cosmetically are still listed, titled "cosmetic changes only" and
/// categorised `cosmetic`, so that a reader can filter them out; wording changes with no change in
/// rights are categorised `wording`.
public enum AtomFeed {
    public static func render(
        _ index: WatchIndex,
        title: String = "fineprint: changes in watched terms",
        feedId: String,
        now: Date = Date(),
        limit: Int = 200
    ) -> String {
        var entries: [(source: WatchSource, version: WatchVersion, change: WatchChange)] = []
        for s in index.sources {
            for v in s.versions { if let c = v.change { entries.append((s, v, c)) } }
        }
        entries.sort { $0.version.retrieved > $1.version.retrieved }
        entries = Array(entries.prefix(limit))
        let updated = entries.first?.version.retrieved ?? now
        var x = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>\(esc(uuidURN(feedId)))</id>
              <title>\(esc(title))</title>
              <updated>\(date(updated))</updated>
              <author><name>fineprint</name></author>
              <generator>fineprint</generator>

            """
        for e in entries { x += entry(source: e.source, version: e.version, change: e.change) }
        x += "</feed>\n"
        return x
    }

    /// One version's entry: its title and category by what changed, the headline as summary, the details as content.
    static func entry(source: WatchSource, version: WatchVersion, change c: WatchChange) -> String {
        let category = c.rightsChanged ? "rights" : c.cosmeticOnly ? "cosmetic" : "wording"
        let entryTitle = title(of: c, source: source)
        let text = content(of: c, source: source, version: version)
        var x = "  <entry>\n"
        x += "    <id>\(esc(uuidURN(source.id + "/" + version.sha256)))</id>\n"
        x += "    <title type=\"text\">\(esc(entryTitle))</title>\n"
        x += "    <updated>\(date(version.retrieved))</updated>\n"
        if let link = linkTarget(source.location) {
            x += "    <link rel=\"alternate\" href=\"\(esc(link))\"/>\n"
        }
        x += "    <category term=\"\(category)\"/>\n"
        x += "    <summary type=\"text\">\(esc(c.headline))</summary>\n"
        x += "    <content type=\"text\">\(esc(text))</content>\n"
        x += "  </entry>\n"
        return x
    }

    /// An entry's title: the headline where rights changed, otherwise what kind of change it was.
    static func title(of c: WatchChange, source: WatchSource) -> String {
        if c.rightsChanged { return "\(source.name): \(c.headline)" }
        if c.cosmeticOnly { return "\(source.name): cosmetic changes only" }
        return "\(source.name): wording changed, no change in rights found"
    }

    /// An entry's content: the headline, the score change, the details, and where the version came from.
    static func content(of c: WatchChange, source: WatchSource, version: WatchVersion) -> String {
        var body = [c.headline]
        if c.rightsChanged {
            body.append(
                "Score \(c.scoreOld) → \(c.scoreNew); \(c.worse) change(s) against the buyer, \(c.better) in its favour."
            )
        }
        body += c.details.map { "• " + $0 }
        body.append("Clauses: \(c.clauses).")
        body.append("Source: \(source.location)")
        body.append("Version \(version.sha256) (previous \(c.previous)).")
        if let d = c.diff { body.append("Full diff: \(d) in the store.") }
        return body.joined(separator: "\n")
    }

    static func linkTarget(_ location: String) -> String? {
        if location.hasPrefix("http://") || location.hasPrefix("https://") { return location }
        if location.hasPrefix("/") { return URL(fileURLWithPath: location).absoluteString }
        return nil
    }

    /// RFC 3339 date-time in UTC.
    static func date(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: d)
    }

    /// A stable urn:uuid from any string (name-based, from its SHA-256).
    static func uuidURN(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: custom
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let p = Array(hex)
        return "urn:uuid:" + String(p[0..<8]) + "-" + String(p[8..<12]) + "-" + String(p[12..<16]) + "-"
            + String(p[16..<20]) + "-" + String(p[20..<32])
    }

    /// Escapes XML text and attribute values (characters XML 1.0 does not allow become spaces).
    static func esc(_ s: String) -> String { Markup.escape(s) }
}
