import FineprintCompare
import FineprintCore
import FineprintStore
import Foundation
import Hummingbird

/// The JSON API: everything the pages show, described by /api/openapi.json.
struct APIRoutes {
    let bench: WebWorkbench

    func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.post("analyses") { request, context in
            let upload = try await UploadForm.parse(request, maxBytes: bench.maxUploadBytes)
            if let desk = bench.jobs {
                return try await JobRoutes.accept(request, context: context, bench: bench, desk: desk, upload: upload) {
                    var response = try JSONResponse.make(JobItem($0), status: .accepted)
                    response.headers[.location] = "/api/jobs/\($0.id)"
                    return response
                }
            }
            let summary = try await bench.analyseUpload(upload)
            var response = try JSONResponse.make(AnalysisItem(summary), status: .created)
            response.headers[.location] = "/api/analyses/\(summary.id)"
            return response
        }
        api.get("analyses") { request, _ in
            let query = FormFields(request.uri.query)
            let limit = min(max(try query.int("limit") ?? 50, 1), 500)
            let offset = max(try query.int("offset") ?? 0, 0)
            let items = try await bench.store.analyses(limit: limit, offset: offset).map(AnalysisItem.init)
            return try JSONResponse.make(
                AnalysisList(
                    total: try await bench.store.analysisCount(),
                    limit: limit,
                    offset: offset,
                    items: items
                )
            )
        }
        api.get("analyses/:id") { _, context in
            let stored = try await bench.storedAnalysis(try context.parameters.require("id", as: Int64.self))
            return try JSONResponse.make(
                AnalysisDetail(summary: AnalysisItem(stored.summary), analysis: stored.analysis)
            )
        }
        api.get("profiles") { _, _ in
            try JSONResponse.make(
                bench.profiles.map { ProfileItem(id: $0.id, name: $0.name, description: $0.description) }
            )
        }
        api.get("knowledge") { request, _ in
            let query = FormFields(request.uri.query)
            let text = query["q"] ?? ""
            let kind = query["kind"]
            let tag = query["tag"]
            let limit = min(max(try query.int("limit") ?? 100, 1), 500)
            // The index is fixed while the server runs, so an answer once encoded stays right.
            let key = [text, kind ?? "", tag ?? "", String(limit)].joined(separator: "\u{0}")
            if let cached = bench.knowledgeAnswers.value(key) { return JSONResponse.make(cached) }
            let hits = try await bench.store.searchKnowledge(
                KnowledgeQuery(text: text, kind: kind, tag: tag, limit: limit)
            )
            let json = try JSONResponse.encoded(
                KnowledgeList(
                    query: text,
                    kind: kind,
                    tag: tag,
                    count: hits.count,
                    items: hits.map {
                        KnowledgeItemJSON(
                            kind: $0.entry.kind,
                            id: $0.entry.id,
                            title: $0.entry.title,
                            summary: $0.entry.summary,
                            tags: $0.entry.tags,
                            snippet: $0.snippet.map(Self.plainSnippet)
                        )
                    }
                )
            )
            bench.knowledgeAnswers.store(json, for: key)
            return JSONResponse.make(json)
        }
        api.get("knowledge/:kind/:id") { _, context in
            let kind = try context.parameters.require("kind")
            let id = try context.parameters.require("id")
            guard let entry = try await bench.store.knowledgeEntry(kind: kind, id: id),
                let detail = bench.catalog.detail(kind: kind, id: id)
            else {
                throw WebError.notFound("knowledge item \(kind)/\(id)")
            }
            return try JSONResponse.make(
                KnowledgeDetail(
                    kind: entry.kind,
                    id: entry.id,
                    title: entry.title,
                    summary: entry.summary,
                    tags: entry.tags,
                    sections: detail.sections.map {
                        KnowledgeDetail.Section(heading: $0.heading, paragraphs: $0.paragraphs, items: $0.items)
                    }
                )
            )
        }
        api.get("compare") { request, _ in
            let query = FormFields(request.uri.query)
            return try JSONResponse.make(try await bench.compare(try query.ids("ids"), profile: query["profile"]))
        }
        api.get("diff") { request, _ in
            let query = FormFields(request.uri.query)
            guard let from = try query.ids("from").first, let to = try query.ids("to").first else {
                throw WebError.badRequest(
                    "Give the older analysis as 'from' and the newer as 'to'.",
                    hint: "For example /api/diff?from=1&to=2."
                )
            }
            return try JSONResponse.make(try await bench.diff(from: from, to: to))
        }
    }

    /// An FTS5 snippet with its match markers turned into «…», for plain-text clients.
    static func plainSnippet(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\u{1}", with: "«").replacingOccurrences(of: "\u{2}", with: "»")
    }
}

// The API's bodies. Keys are camelCase, like the analysis document's (spec: analysis-json.md).

struct AnalysisItem: Codable {
    var id: Int64
    var documentName: String
    var documentSha256: String
    var profile: String
    var score: Int
    var gaps: Int
    var killListMoves: Int
    var createdAt: Date
    var report: String

    init(_ s: AnalysisSummary) {
        id = s.id
        documentName = s.documentName
        documentSha256 = s.documentSha256
        profile = s.profile
        score = s.score
        gaps = s.gaps
        killListMoves = s.moves
        createdAt = s.createdAt
        report = "/analyses/\(s.id)"
    }
}

struct AnalysisList: Codable {
    var total: Int
    var limit: Int
    var offset: Int
    var items: [AnalysisItem]
}

struct AnalysisDetail: Encodable {
    var summary: AnalysisItem
    var analysis: Analysis
}

struct ProfileItem: Codable {
    var id: String
    var name: String
    var description: String
}

struct KnowledgeItemJSON: Codable {
    var kind: String
    var id: String
    var title: String
    var summary: String
    var tags: [String]
    var snippet: String?
}

struct KnowledgeList: Codable {
    var query: String
    var kind: String?
    var tag: String?
    var count: Int
    var items: [KnowledgeItemJSON]
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
}
