import Foundation

/// A page without a feed: its items are the links whose absolute address matches the source's `link_pattern`, in
/// the part of the page between `start_after` and `end_before`. A page that yields none is reported ("layout
/// changed?"), not read as empty.
enum HTMLPageParser {
    static func parse(
        _ data: Data,
        selectors: SignalSource.PageSelectors,
        base: URL?,
        limits: FeedLimits
    ) throws
        -> ParsedFeed
    {
        guard data.count <= limits.maxBytes else {
            throw SignalError("the page is \(data.count) bytes; at most \(limits.maxBytes) are read")
        }
        var page = String(decoding: data, as: UTF8.self)
        if let start = selectors.startAfter, let r = page.range(of: start) { page = String(page[r.upperBound...]) }
        if let end = selectors.endBefore, let r = page.range(of: end) { page = String(page[..<r.lowerBound]) }
        let anchor = try NSRegularExpression(
            pattern: #"<a\s[^>]{0,1000}?href\s*=\s*["']([^"']{1,2000})["'][^>]{0,1000}>(.{0,2000}?)</a>"#,
            options: [.caseInsensitive, .dotMatchesLineSeparators]
        )
        let wanted = try NSRegularExpression(pattern: selectors.linkPattern)
        var entries: [FeedEntry] = []
        var seen = Set<String>()
        for m in anchor.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            guard entries.count < limits.maxItems, let hrefRange = Range(m.range(at: 1), in: page),
                let textRange = Range(m.range(at: 2), in: page),
                let link = CanonicalURL.canonical(FeedText.plain(String(page[hrefRange])), base: base),
                wanted.firstMatch(in: link, range: NSRange(link.startIndex..., in: link)) != nil,
                seen.insert(link).inserted
            else { continue }
            let title = FeedText.plain(String(page[textRange]), limit: 500)
            guard !title.isEmpty else { continue }
            entries.append(
                FeedEntry(
                    nativeId: link,
                    title: title,
                    summary: "",
                    url: link,
                    identifiers: SignalIdentifiers.find(in: [link, title]),
                    anomalies: ["a page link carries no date; the time it was first seen stands in"]
                )
            )
        }
        guard !entries.isEmpty else {
            throw SignalError("no link on the page matches \(selectors.linkPattern) (layout changed?)")
        }
        return ParsedFeed(entries: entries)
    }
}
