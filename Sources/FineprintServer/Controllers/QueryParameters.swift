import FineprintStore
import Foundation
import Hummingbird

// The query strings of the pages and the API, one type per feature with its defaults, so a page
// and its API cannot read the same address differently. Decoded with `decodeQuery(as:context:)`.

/// A knowledge base search: `q`, `kind`, `tag`, `limit`. An empty field (a form's "all kinds") is no filter.
struct KnowledgeSearchParameters: Decodable, Sendable {
    var q: String?
    var kind: String?
    var tag: String?
    var limit: Int?

    static let defaultLimit = 100
    static let maximumLimit = 500
    /// The page lists more than the API's default: a reader scrolls, a script pages.
    static let pageLimit = 200

    /// Refuses a kind the knowledge base does not have (a typo would otherwise find nothing, silently).
    func validated() throws -> Self {
        if let kind = kindFilter, !KnowledgeCatalog.kinds.contains(where: { $0.id == kind }) {
            throw WebError.badRequest(
                "There is no kind of knowledge called '\(kind)'.",
                hint: "Choose one of: " + KnowledgeCatalog.kinds.map(\.id).joined(separator: ", ") + "."
            )
        }
        return self
    }

    /// The API's stricter reading: a script that sends an empty kind has made a mistake, where a
    /// form's empty choice means "all kinds".
    func validatedForAPI() throws -> Self {
        try APIQueryChoice.refuseEmpty(kind, "kind", choices: KnowledgeCatalog.kinds.map(\.id))
        return try validated()
    }

    var text: String { q ?? "" }
    var kindFilter: String? { kind.flatMap { $0.isEmpty ? nil : $0 } }
    var tagFilter: String? { tag.flatMap { $0.isEmpty ? nil : $0 } }
    var isFiltered: Bool { !text.isEmpty || kindFilter != nil || tagFilter != nil }
    var boundedLimit: Int { min(max(limit ?? Self.defaultLimit, 1), Self.maximumLimit) }

    func query(limit: Int) -> KnowledgeQuery {
        KnowledgeQuery(text: text, kind: kindFilter, tag: tagFilter, limit: limit)
    }

    /// The whole query as a cache key (the index is fixed while the server runs).
    func cacheKey(limit: Int) -> String {
        [text, kindFilter ?? "", tagFilter ?? "", String(limit)].joined(separator: "\u{0}")
    }
}

/// The API's reading of an optional choice from a fixed list: absent means no choice, but an empty
/// value is a script's mistake (the OpenAPI document lists the values), where a form's empty option
/// means "any".
enum APIQueryChoice {
    static func refuseEmpty(_ request: Request, _ name: String, choices: [String]) throws {
        try refuseEmpty(request.uri.queryParameters[Substring(name)].map(String.init), name, choices: choices)
    }

    static func refuseEmpty(_ value: String?, _ name: String, choices: [String]) throws {
        guard value?.isEmpty == true else { return }
        throw WebError.badRequest(
            "The query parameter '\(name)' is empty.",
            hint: "Leave \(name) out, or choose one of: " + choices.joined(separator: ", ") + "."
        )
    }
}

/// A page of the API's list of analyses: `limit` (1–500, default 50) and `offset`.
struct AnalysisListParameters: Decodable, Sendable {
    var limit: Int?
    var offset: Int?

    var boundedLimit: Int { min(max(limit ?? 50, 1), 500) }
    var boundedOffset: Int { max(offset ?? 0, 0) }
}

/// A page of the history: `page`, from 1, fifty analyses a page.
struct HistoryParameters: Decodable, Sendable {
    var page: Int?

    static let pageSize = 50
    var pageNumber: Int { min(max(page ?? 1, 1), Int.max / Self.pageSize) }
    var offset: Int { (pageNumber - 1) * Self.pageSize }
}

/// Two versions to diff: the older analysis `from`, the newer `to`.
struct DiffParameters: Decodable, Sendable {
    var from: String?
    var to: String?

    func required() throws -> (from: String, to: String) {
        guard let from, let to else {
            throw WebError.badRequest(
                "A diff needs two analyses: the older (from) and the newer (to).",
                hint:
                    "Choose the two versions in the history, then choose Show changes (API: /api/diff?from=ID&to=ID with the analyses' ids)."
            )
        }
        for id in [from, to] where !PublicID.isWellFormed(id) {
            throw WebError.badRequest(
                "'\(id.prefix(40))' is not an analysis id.",
                hint: "Choose the two versions in the history (an id is 32 hex digits)."
            )
        }
        return (from, to)
    }
}

/// Analyses to compare and the tier to judge them against. `ids` is repeated (`ids=1&ids=2`, as
/// the history's check boxes send it) or a comma list (`ids=1,2`); Hummingbird's form decoder
/// refuses repeated keys, so this one reads the query's parameters itself.
struct CompareParameters: Sendable {
    var ids: [String]
    var profile: String?

    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        ids = try parameters[values: "ids"].flatMap { $0.split(separator: ",") }.map { raw in
            let id = raw.trimmingCharacters(in: .whitespaces)
            guard PublicID.isWellFormed(id) else {
                throw WebError.badRequest(
                    "'\(raw.prefix(40))' is not an analysis id.",
                    hint: "Choose analyses from the history."
                )
            }
            return id
        }
        profile = parameters["profile"].flatMap { $0.isEmpty ? nil : String($0) }
    }
}
