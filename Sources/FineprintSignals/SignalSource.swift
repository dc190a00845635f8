import FineprintCore
import Foundation

/// One official feed, API or page the harvester follows, as declared in `corpus/signals/sources/<id>.yaml`.
public struct SignalSource: Codable, Sendable, Equatable, Identifiable {
    /// How the bytes a source answers with are read.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case atom
        /// RSS 2.0, and RSS 1.0 (RDF) read by the same parser.
        case rss
        case jsonfeed
        /// The Federal Register's documents search API (JSON).
        case federalRegister = "federal-register"
        /// Regulations.gov's v4 documents search (JSON:API; an api.data.gov key in `key_env`).
        case regulationsGov = "regulations-gov"
        /// TED's notice search (v3, JSON; a POST of `post_body`).
        case ted
        /// The Cellar SPARQL endpoint's JSON results (EU Publications Office).
        case cellarSPARQL = "cellar-sparql"
        /// A page without a feed: items are the links whose address matches `html.link_pattern`.
        case html
    }

    /// For `html` sources: which links of the page are items.
    public struct PageSelectors: Codable, Sendable, Equatable {
        /// A regular expression the link's absolute address must match.
        public var linkPattern: String
        /// Text that marks where the part of the page holding the items starts and ends (optional).
        public var startAfter: String?
        public var endBefore: String?

        enum CodingKeys: String, CodingKey {
            case linkPattern = "link_pattern"
            case startAfter = "start_after"
            case endBefore = "end_before"
        }
    }

    public var id: String
    public var name: String
    public var publisher: String
    public var jurisdiction: String
    public var language: String
    public var kind: Kind
    /// The address without its query.
    public var address: String
    /// Query parameters, in order (repeated names allowed, as the Federal Register's `conditions[type][]`).
    public var query: [QueryParameter]
    /// False while the address comes from others' code and was not opened from here.
    public var addressVerified: Bool
    /// True when the source is the issuing authority's own channel (a candidate for `primary_source`).
    public var primary: Bool
    /// The knowledge source kind a promoted item from here cites (statute, regulator_release…).
    public var sourceKind: KnowledgeSource.Kind
    public var licence: String
    public var attribution: String
    /// Fewest hours between two fetches.
    public var minimumIntervalHours: Double
    /// Days without a new item after which the source is reported stale.
    public var expectedUpdateDays: Double
    /// Regular expressions over title and summary: an item must match one of `include` (when given) and none of `exclude`.
    public var include: [String]
    public var exclude: [String]
    public var html: PageSelectors?
    /// The environment variable holding an API key, never the key.
    public var keyEnvironment: String?
    /// A JSON body to POST instead of a GET (TED's search takes its query this way); nil: GET.
    public var postBody: String?
    /// Nothing is fetched from a source until an operator enables it.
    public var enabled: Bool
    public var notes: String?

    public struct QueryParameter: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
    }

    enum CodingKeys: String, CodingKey {
        case id, name, publisher, jurisdiction, language, kind, address, query, primary, licence, attribution
        case include, exclude, html, enabled, notes
        case addressVerified = "address_verified"
        case sourceKind = "source_kind"
        case minimumIntervalHours = "minimum_interval_hours"
        case expectedUpdateDays = "expected_update_days"
        case keyEnvironment = "key_env"
        case postBody = "post_body"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        publisher = try c.decode(String.self, forKey: .publisher)
        jurisdiction = try c.decode(String.self, forKey: .jurisdiction)
        language = try c.decode(String.self, forKey: .language)
        kind = try c.decode(Kind.self, forKey: .kind)
        address = try c.decode(String.self, forKey: .address)
        query = try c.decodeIfPresent([QueryParameter].self, forKey: .query) ?? []
        addressVerified = try c.decode(Bool.self, forKey: .addressVerified)
        primary = try c.decode(Bool.self, forKey: .primary)
        sourceKind = try c.decode(KnowledgeSource.Kind.self, forKey: .sourceKind)
        licence = try c.decode(String.self, forKey: .licence)
        attribution = try c.decode(String.self, forKey: .attribution)
        minimumIntervalHours = try c.decode(Double.self, forKey: .minimumIntervalHours)
        expectedUpdateDays = try c.decode(Double.self, forKey: .expectedUpdateDays)
        include = try c.decodeIfPresent([String].self, forKey: .include) ?? []
        exclude = try c.decodeIfPresent([String].self, forKey: .exclude) ?? []
        html = try c.decodeIfPresent(PageSelectors.self, forKey: .html)
        keyEnvironment = try c.decodeIfPresent(String.self, forKey: .keyEnvironment)
        postBody = try c.decodeIfPresent(String.self, forKey: .postBody)
        enabled = try c.decode(Bool.self, forKey: .enabled)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
    }

    /// The address with its query, percent-encoded (brackets included, as the Federal Register wants them).
    public var requestURL: URL? {
        guard var components = URLComponents(string: address) else { return nil }
        if !query.isEmpty {
            var allowed = CharacterSet.urlQueryAllowed
            allowed.remove(charactersIn: "[]&=+#")
            components.percentEncodedQuery = query.map { p in
                let name = p.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? p.name
                let value = p.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? p.value
                return "\(name)=\(value)"
            }.joined(separator: "&")
        }
        return components.url
    }

    /// Whether an item with this text passes the source's include and exclude patterns.
    public func admits(_ text: String) -> Bool {
        func matches(_ pattern: String) -> Bool {
            text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
        }
        if !include.isEmpty, !include.contains(where: matches) { return false }
        return !exclude.contains(where: matches)
    }
}
