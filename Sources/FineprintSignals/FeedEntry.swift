import Foundation

/// One item of a feed, API answer or page as a parser read it, before it is stored.
public struct FeedEntry: Codable, Sendable, Equatable {
    /// The source's own id for the item: Atom id, RSS guid, Federal Register document number, CELEX/ELI, or for an
    /// item without one, derived from its link and title (never its date).
    public var nativeId: String
    public var title: String
    public var summary: String
    /// The canonical address of the item (see `CanonicalURL`), if it has one.
    public var url: String?
    public var published: Date?
    public var updated: Date?
    /// The source's type for the document (RULE, NOTICE, a category…), if it gives one.
    public var documentType: String?
    /// Hard identifiers found in the item, each with its scheme: `celex:32024R1689`, `eli:…`, `fr:2025-01234`,
    /// `rin:3090-AK12`, `docket:…`.
    public var identifiers: [String]
    /// What looked wrong and how it was handled ("no date", "date in the future ignored"…).
    public var anomalies: [String]

    public init(
        nativeId: String,
        title: String,
        summary: String,
        url: String?,
        published: Date? = nil,
        updated: Date? = nil,
        documentType: String? = nil,
        identifiers: [String] = [],
        anomalies: [String] = []
    ) {
        self.nativeId = nativeId
        self.title = title
        self.summary = summary
        self.url = url
        self.published = published
        self.updated = updated
        self.documentType = documentType
        self.identifiers = identifiers
        self.anomalies = anomalies
    }

    /// An entry as a feed parser reads it: an untitled item is titled by the start of its summary, and the hard
    /// identifiers are looked for in its id, link, title and summary.
    static func read(
        id: String,
        title: String,
        summary: String,
        link: String?,
        dates: (published: Date?, updated: Date?),
        documentType: String?,
        anomalies: [String]
    ) -> FeedEntry {
        FeedEntry(
            nativeId: id,
            title: title.isEmpty ? String(summary.prefix(120)) : title,
            summary: summary,
            url: link,
            published: dates.published,
            updated: dates.updated,
            documentType: documentType,
            identifiers: SignalIdentifiers.find(in: [id, link ?? "", title, summary]),
            anomalies: anomalies
        )
    }

    /// The SHA-256 of what a reader sees of the item: a change is a new revision.
    public var contentSHA256: String {
        let parts = [
            title, summary, url ?? "", published.map(Self.stamp) ?? "", updated.map(Self.stamp) ?? "",
            documentType ?? "", identifiers.joined(separator: " "),
        ]
        return SHA256Hex.of(Data(parts.joined(separator: "\u{1F}").utf8))
    }

    private static func stamp(_ d: Date) -> String { String(Int(d.timeIntervalSince1970)) }
}

/// What a parser made of one snapshot.
public struct ParsedFeed: Sendable, Equatable {
    public var entries: [FeedEntry]
    /// Problems with the document as a whole (entries dropped, a cap reached).
    public var anomalies: [String]

    public init(entries: [FeedEntry], anomalies: [String] = []) {
        self.entries = entries
        self.anomalies = anomalies
    }
}

/// How much a parser accepts: a feed beyond these is refused or cut, never read without bound.
public struct FeedLimits: Sendable, Equatable {
    public var maxBytes: Int
    public var maxItems: Int
    public var maxElements: Int
    public var maxTextLength: Int

    public init(maxBytes: Int = 8 << 20, maxItems: Int = 2000, maxElements: Int = 200_000, maxTextLength: Int = 20_000)
    {
        self.maxBytes = maxBytes
        self.maxItems = maxItems
        self.maxElements = maxElements
        self.maxTextLength = maxTextLength
    }

    public static let standard = FeedLimits()
}
