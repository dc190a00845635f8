import FineprintStore
import Hummingbird
import NIOCore

/// The knowledge base: search and one item's detail, as pages and as JSON. Search answers are
/// cached by the whole query, since the index is fixed while the server runs.
struct KnowledgeController {
    let bench: WebWorkbench

    /// GET /knowledge?q=…&kind=…&tag=…
    @Sendable func search(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let search = try request.uri.decodeQuery(as: KnowledgeSearchParameters.self, context: context).validated()
        let limit = KnowledgeSearchParameters.pageLimit
        let key = search.cacheKey(limit: limit)
        if let cached = bench.knowledgePages.value(key) { return HTML(cached) }
        let hits = try await bench.store.searchKnowledge(search.query(limit: limit))
        let counts = try await bench.store.knowledgeCounts()
        let catalog = try bench.catalog
        let html = try bench.pages.render(
            KnowledgeModel(search, hits: hits, counts: counts, badge: { catalog.sharedBadge(kind: $0, id: $1) })
        )
        bench.knowledgePages.store(html, for: key)
        return HTML(html)
    }

    /// GET /knowledge/:kind/:id
    @Sendable func entry(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let kind = try context.parameters.require("kind")
        let id = try context.parameters.require("id")
        guard let model = try bench.catalog.detail(kind: kind, id: id) else {
            throw WebError.notFound("knowledge item \(kind)/\(id)")
        }
        return try bench.pages.page(model)
    }

    /// GET /api/knowledge?q=…&kind=…&tag=…&limit=…
    @Sendable func searchAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        let search = try request.uri.decodeQuery(as: KnowledgeSearchParameters.self, context: context)
            .validatedForAPI()
        let key = search.cacheKey(limit: search.boundedLimit)
        if let cached = bench.knowledgeAnswers.value(key) { return JSONResponse.make(cached) }
        let hits = try await bench.store.searchKnowledge(search.query(limit: search.boundedLimit))
        let json = try JSONResponse.encoded(KnowledgeList(search, hits: hits))
        bench.knowledgeAnswers.store(json, for: key)
        return JSONResponse.make(json)
    }

    /// GET /api/knowledge/:kind/:id
    @Sendable func entryAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        let kind = try context.parameters.require("kind")
        let id = try context.parameters.require("id")
        guard let entry = try await bench.store.knowledgeEntry(kind: kind, id: id),
            let detail = try bench.catalog.detail(kind: kind, id: id)
        else {
            throw WebError.notFound("knowledge item \(kind)/\(id)")
        }
        return try JSONResponse.make(KnowledgeDetail(entry, sections: detail.sections))
    }
}

// The API's bodies.

struct KnowledgeItemJSON: Codable {
    var kind: String
    var id: String
    var title: String
    var summary: String
    var tags: [String]
    var snippet: String?

    init(_ hit: KnowledgeHit) {
        kind = hit.entry.kind
        id = hit.entry.id
        title = hit.entry.title
        summary = hit.entry.summary
        tags = hit.entry.tags
        snippet = hit.snippet.map(Self.plainSnippet)
    }

    /// An FTS5 snippet with its match markers turned into «…», for plain-text clients.
    static func plainSnippet(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\u{1}", with: "«").replacingOccurrences(of: "\u{2}", with: "»")
    }
}

struct KnowledgeList: Codable {
    var query: String
    var kind: String?
    var tag: String?
    var count: Int
    var items: [KnowledgeItemJSON]

    init(_ search: KnowledgeSearchParameters, hits: [KnowledgeHit]) {
        query = search.text
        kind = search.kindFilter
        tag = search.tagFilter
        count = hits.count
        items = hits.map(KnowledgeItemJSON.init)
    }
}

struct KnowledgeDetail: Codable {
    struct Section: Codable {
        var heading: String
        var paragraphs: [String]
        var items: [String]
    }
    var kind: String
    var id: String
    var title: String
    var summary: String
    var tags: [String]
    var sections: [Section]

    init(_ entry: KnowledgeEntry, sections: [KnowledgeSection]) {
        kind = entry.kind
        id = entry.id
        title = entry.title
        summary = entry.summary
        tags = entry.tags
        self.sections = sections.map { Section(heading: $0.heading, paragraphs: $0.paragraphs, items: $0.items) }
    }
}
