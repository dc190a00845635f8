import Foundation

/// A watched source of a supplier's terms (a location `fineprint watch` records, as its store names
/// it) linked to a supplier, so that every component the supplier backs shows the source's changes,
/// or to one component only (terms that cover one product).
public struct WatchLink: Hashable, Codable, Sendable {
    /// The source's location as the watch store records it (an absolute path or an http(s) URL).
    public var source: String
    public var supplier: String?
    public var component: String?
    public var linkedAt: Date

    public init(source: String, supplier: String? = nil, component: String? = nil, linkedAt: Date) {
        self.source = source
        self.supplier = supplier
        self.component = component
        self.linkedAt = linkedAt
    }

    /// Whether two links tie the same source to the same subject (the date aside).
    func sameSubject(as other: WatchLink) -> Bool {
        source == other.source && supplier == other.supplier && component == other.component
    }
}

/// A rights change recorded for a watched source, as a component backed by it shows it.
public struct WatchedTermsChange: Hashable, Codable, Sendable {
    /// Which way the buyer's rights moved, on balance.
    public enum Direction: String, Hashable, Codable, Sendable {
        case better, worse, mixed, unchanged
    }

    public var source: String
    public var sourceName: String
    /// How the component is tied to the source: through its `supplier`, or as the `component` itself.
    public var via: String
    public var recordedAt: Date
    public var headline: String
    public var better: Int
    public var worse: Int
    public var scoreOld: Int
    public var scoreNew: Int
    public var details: [String]
    public var direction: Direction

    public init(
        source: String,
        sourceName: String,
        via: String,
        recordedAt: Date,
        headline: String,
        better: Int,
        worse: Int,
        scoreOld: Int,
        scoreNew: Int,
        details: [String]
    ) {
        self.source = source
        self.sourceName = sourceName
        self.via = via
        self.recordedAt = recordedAt
        self.headline = headline
        self.better = better
        self.worse = worse
        self.scoreOld = scoreOld
        self.scoreNew = scoreNew
        self.details = details
        self.direction = Self.direction(better: better, worse: worse)
    }

    static func direction(better: Int, worse: Int) -> Direction {
        switch (better > 0, worse > 0) {
        case (true, true): .mixed
        case (true, false): .better
        case (false, true): .worse
        case (false, false): .unchanged
        }
    }
}

extension Register {
    /// Adds a link, or refreshes its date when the same source is already tied to the same subject.
    public mutating func linkWatch(_ link: WatchLink) {
        watchLinks.removeAll { $0.sameSubject(as: link) }
        watchLinks.append(link)
    }

    /// Removes the link of a source to a subject; false when there was none.
    public mutating func unlinkWatch(_ link: WatchLink) -> Bool {
        let before = watchLinks.count
        watchLinks.removeAll { $0.sameSubject(as: link) }
        return watchLinks.count < before
    }

    /// The links that apply to a component: its own, and those of the supplier behind it.
    public func watchLinks(of component: RegisterComponent) -> [WatchLink] {
        watchLinks.filter { link in
            link.component == component.id || (link.supplier != nil && link.supplier == component.supplierId)
        }
    }
}
