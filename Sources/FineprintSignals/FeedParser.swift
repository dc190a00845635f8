import Foundation

/// The one entry point from a snapshot's bytes to entries, by the source's kind, with its include and exclude
/// patterns applied. The same for a fetched answer and a hand-carried file.
public enum FeedParser {
    public static func parse(
        _ data: Data,
        source: SignalSource,
        now: Date,
        limits: FeedLimits = .standard
    ) throws -> ParsedFeed {
        guard !data.isEmpty else { throw SignalError("the document is empty") }
        let base = URL(string: source.address)
        var feed: ParsedFeed
        switch source.kind {
        case .atom, .rss:
            feed = try XMLFeedParser.parse(data, base: base, now: now, limits: limits)
        case .jsonfeed:
            feed = try JSONFeedParsers.jsonFeed(data, base: base, now: now, limits: limits)
        case .federalRegister:
            feed = try JSONFeedParsers.federalRegister(data, now: now, limits: limits)
        case .regulationsGov:
            feed = try APIAdapterParsers.regulationsGov(data, now: now, limits: limits)
        case .ted:
            feed = try APIAdapterParsers.ted(data, language: source.language, now: now, limits: limits)
        case .cellarSPARQL:
            feed = try APIAdapterParsers.cellarSPARQL(data, now: now, limits: limits)
        case .html:
            guard let selectors = source.html else { throw SignalError("source \(source.id) has no html selectors") }
            feed = try HTMLPageParser.parse(data, selectors: selectors, base: base, limits: limits)
        }
        let before = feed.entries.count
        feed.entries.removeAll { !source.admits($0.title + " " + $0.summary) }
        if feed.entries.count < before {
            feed.anomalies.append("\(before - feed.entries.count) item(s) left out by the source's include/exclude")
        }
        return feed
    }
}
