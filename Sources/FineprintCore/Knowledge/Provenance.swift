/// How well a knowledge item's facts are established. Only `primarySource` items are published by default.
public enum Confidence: String, Codable, Sendable, CaseIterable {
    case primarySource = "primary_source"
    case singleSource = "single_source"
    case rumored

    public var isPublishedByDefault: Bool { self == .primarySource }
}

/// Who signed an item off against its sources, and when (ISO date).
public struct Review: Hashable, Codable, Sendable {
    public var by: String
    public var on: String

    public init(by: String, on: String) {
        self.by = by
        self.on = on
    }

    enum CodingKeys: String, CodingKey { case by, on }
}

/// What every factual item in the knowledge base carries: its sources, how sure we are, who checked it, its version.
public protocol KnowledgeItem: Identifiable, Sendable where ID == String {
    var id: String { get }
    var sources: [String] { get }
    var confidence: Confidence { get }
    var reviewed: Review { get }
    var version: Int { get }
}

/// A primary source cited by knowledge items.
public struct KnowledgeSource: Hashable, Codable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case statute
        case regulatorRelease = "regulator_release"
        case companyRelease = "company_release"
        case filing
        case courtDecision = "court_decision"
        case paper
        case governmentRelease = "government_release"
        case treaty
        /// A news or law-firm report: allowed only behind single-source or rumoured items.
        case secondaryReport = "secondary_report"
    }

    public var id: String
    public var url: String
    public var publisher: String
    public var title: String
    public var date: String
    public var kind: Kind
    /// True when the page at `url` (or a stored copy) was read in review.
    public var urlVerified: Bool
    /// When a reviewer last looked the source up (ISO date): the clock a staleness report runs on.
    public var lastChecked: String?

    public init(
        id: String,
        url: String,
        publisher: String,
        title: String,
        date: String,
        kind: Kind,
        urlVerified: Bool,
        lastChecked: String? = nil
    ) {
        self.id = id
        self.url = url
        self.publisher = publisher
        self.title = title
        self.date = date
        self.kind = kind
        self.urlVerified = urlVerified
        self.lastChecked = lastChecked
    }

    enum CodingKeys: String, CodingKey {
        case id, url, publisher, title, date, kind
        case urlVerified = "url_verified"
        case lastChecked = "last_checked"
    }
}

/// A role that may sign off knowledge items (never a named person).
public struct Reviewer: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var role: String

    public init(id: String, name: String, role: String) {
        self.id = id
        self.name = name
        self.role = role
    }
}
