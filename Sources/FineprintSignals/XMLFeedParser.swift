import Foundation

/// Atom (RFC 4287), RSS 2.0 and RSS 1.0 (RDF) into entries. Elements are matched by namespace URI, whatever prefix
/// the feed chose.
enum XMLFeedParser {
    static let atom: Set<String> = ["http://www.w3.org/2005/Atom"]
    static let rss1: Set<String> = ["http://purl.org/rss/1.0/"]
    static let rss2: Set<String> = [""]
    static let dc: Set<String> = ["http://purl.org/dc/elements/1.1/"]
    static let content: Set<String> = ["http://purl.org/rss/1.0/modules/content/"]

    static func parse(_ data: Data, base: URL?, now: Date, limits: FeedLimits) throws -> ParsedFeed {
        let root = try XMLTree.parse(data, limits: limits)
        let items: [XMLNode]
        let map: (XMLNode, inout [String]) -> FeedEntry?
        switch (root.name, root.namespace) {
        case ("feed", let ns) where atom.contains(ns):
            items = root.all("entry", in: atom)
            let feedBase = root.attributes["xml:base"].flatMap { URL(string: $0, relativeTo: base) } ?? base
            map = { atomEntry($0, base: feedBase, now: now, anomalies: &$1) }
        case ("rss", _):
            guard let channel = root.child("channel") else { throw SignalError("an RSS document without a channel") }
            items = channel.all("item", in: rss2)
            let channelBase = channel.value("link", in: rss2).flatMap { URL(string: $0) } ?? base
            map = { rssItem($0, ns: rss2, base: channelBase, now: now, anomalies: &$1) }
        case ("RDF", _):
            items = root.all("item", in: rss1)
            map = { rssItem($0, ns: rss1, base: base, now: now, anomalies: &$1) }
        default:
            throw SignalError("not an Atom or RSS feed (root element \(root.name))")
        }
        return collect(items, limits: limits, map: map)
    }

    /// Maps items up to the cap; repeated native ids in one document are one entry (the latest `updated` kept).
    private static func collect(
        _ items: [XMLNode],
        limits: FeedLimits,
        map: (XMLNode, inout [String]) -> FeedEntry?
    ) -> ParsedFeed {
        var feedAnomalies: [String] = []
        if items.count > limits.maxItems {
            feedAnomalies.append("\(items.count) items; only the first \(limits.maxItems) read")
        }
        var entries: [FeedEntry] = []
        var position: [String: Int] = [:]
        for node in items.prefix(limits.maxItems) {
            var dropped: [String] = []
            guard let entry = map(node, &dropped) else {
                feedAnomalies += dropped
                continue
            }
            if let at = position[entry.nativeId] {
                if (entry.updated ?? .distantPast) > (entries[at].updated ?? .distantPast) { entries[at] = entry }
                feedAnomalies.append("id \(entry.nativeId) appears more than once; the latest kept")
            } else {
                position[entry.nativeId] = entries.count
                entries.append(entry)
            }
        }
        return ParsedFeed(entries: entries, anomalies: feedAnomalies)
    }

    private static func atomEntry(_ e: XMLNode, base: URL?, now: Date, anomalies: inout [String]) -> FeedEntry? {
        var notes: [String] = []
        let links = e.all("link", in: atom)
        let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first
        let link = alternate?.attributes["href"].flatMap { CanonicalURL.canonical($0, base: base) }
        let title = FeedText.plain(e.value("title", in: atom) ?? "", limit: 500)
        let summary = FeedText.plain(e.value("summary", in: atom) ?? e.value("content", in: atom) ?? "")
        guard !title.isEmpty || !summary.isEmpty else {
            anomalies.append("an entry with neither title nor summary dropped")
            return nil
        }
        let id = e.value("id", in: atom) ?? FeedText.derivedId(link: link, title: title)
        if e.value("id", in: atom) == nil { notes.append("no atom:id; id derived from link and title") }
        let dates = FeedDates.readPair(
            published: e.value("published", in: atom),
            updated: e.value("updated", in: atom),
            now: now,
            anomalies: &notes
        )
        let category = e.child("category", in: atom)?.attributes["term"]
        return FeedEntry.read(
            id: id,
            title: title,
            summary: summary,
            link: link,
            dates: dates,
            documentType: category,
            anomalies: notes
        )
    }

    private static func rssItem(
        _ e: XMLNode,
        ns: Set<String>,
        base: URL?,
        now: Date,
        anomalies: inout [String]
    ) -> FeedEntry? {
        var notes: [String] = []
        let rawLink = e.value("link", in: ns) ?? e.attributes["about"] ?? e.attributes["rdf:about"]
        let link = rawLink.flatMap { CanonicalURL.canonical($0, base: base) }
        if rawLink != nil, link == nil { notes.append("link '\(rawLink!.prefix(80))' is not an http(s) address") }
        let title = FeedText.plain(e.value("title", in: ns) ?? "", limit: 500)
        let summary = FeedText.plain(e.value("description", in: ns) ?? e.value("encoded", in: content) ?? "")
        guard !title.isEmpty || !summary.isEmpty else {
            anomalies.append("an item with neither title nor description dropped")
            return nil
        }
        // RSS 1.0 names each item by its rdf:about address.
        let guid =
            e.value("guid", in: ns) ?? e.value("identifier", in: dc) ?? e.attributes["about"]
            ?? e.attributes["rdf:about"]
        if guid == nil { notes.append("no guid; id derived from link and title") }
        let id = guid ?? FeedText.derivedId(link: link, title: title)
        let dateText = e.value("pubDate", in: ns) ?? e.value("date", in: dc)
        let published = FeedDates.read(dateText, field: "published", now: now, anomalies: &notes)
        if dateText == nil { notes.append("no date; the time it was first seen stands in") }
        return FeedEntry.read(
            id: id,
            title: title,
            summary: summary,
            link: link,
            dates: (published, nil),
            documentType: e.value("category", in: ns),
            anomalies: notes
        )
    }
}
