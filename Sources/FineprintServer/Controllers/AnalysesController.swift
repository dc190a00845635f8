import FineprintCore
import FineprintReport
import FineprintStore
import Foundation
import Hummingbird

/// Stored analyses: the history, a report, re-scoring against another tier, downloads, and the
/// same through the API.
struct AnalysesController {
    let bench: WebWorkbench

    /// GET /analyses — one page of the history.
    @Sendable func history(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let paging = try request.uri.decodeQuery(as: HistoryParameters.self, context: context)
        let total = try await bench.store.analysisCount()
        let summaries = try await bench.store.analyses(limit: HistoryParameters.pageSize, offset: paging.offset)
        let profiles = ProfileOption.list(bench.profiles, selected: WebWorkbench.defaultProfile)
        return try bench.pages.page(HistoryModel(summaries, total: total, paging: paging, profiles: profiles))
    }

    /// GET /analyses/:id — the report page (cached while nobody has reviewed the analysis: a stored
    /// analysis never changes, its review does).
    @Sendable func report(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let id = try context.parameters.require("id", as: Int64.self)
        if let cached = bench.reportPages.value(id) {
            // Another server or `fineprint documents delete` may have deleted it since it was cached.
            guard try await bench.isStillStored(id) else {
                bench.reportPages.remove(id)
                throw WebError.notFound("analysis number \(id)")
            }
            // A review begun since (here, on another server or from the command line) makes it stale.
            if try await bench.isUnreviewed(id) {
                try await bench.record(.view, "analysis", String(id), context: context)
                return HTML(cached)
            }
            bench.reportPages.remove(id)
        }
        let stored = try await bench.storedAnalysis(id)
        let input = try await bench.reportInput(stored)
        let review = try await bench.review(of: stored)
        let names = CorpusNames(bench.corpus)
        var model = ReportModel(stored, input: input, profiles: bench.profiles)
        model.standards = StandardLink.list(bench.standards, analysisId: id)
        let panel = ReviewPanel(review: review, machine: stored.analysis, marks: input.reviewMarks, names: names)
        model = model.withReview(panel, machine: stored.analysis, marks: input.reviewMarks, names: names)
        let html = try bench.pages.render(model)
        try await bench.record(.view, "analysis", String(id), context: context)
        if review.isEmpty { bench.reportPages.store(html, for: id) }
        return HTML(html)
    }

    /// The re-score form's body.
    struct ReanalyseForm: Decodable {
        var profile: String?
    }

    /// POST /analyses/:id/reanalyse — the same document against another tier, as a new analysis.
    @Sendable func reanalyse(_ request: Request, context: WebRequestContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await request.decode(as: ReanalyseForm.self, context: context)
        let summary = try await bench.reanalyse(id, profile: form.profile.flatMap { $0.isEmpty ? nil : $0 })
        return Response.redirect(to: "/analyses/\(summary.id)", type: .normal)
    }

    /// GET /analyses/:id/download/:format — the report rendered by the report library exactly as
    /// `fineprint analyze` writes it.
    @Sendable func download(_ request: Request, context: WebRequestContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        let name = try context.parameters.require("format")
        guard let format = ReportDownload.formats[name] else {
            throw WebError.notFound("download format '\(name)' (use json, md, html or txt)")
        }
        let stored = try await bench.storedAnalysis(id)
        let body = try ReportRenderer.render(try await bench.reportInput(stored), as: format)
        try await bench.record(.download, "analysis", String(id), detail: name, context: context)
        return ReportDownload(stored: stored, format: format, body: body).response
    }

    /// GET /api/analyses — a page of analyses, newest first.
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let paging = try request.uri.decodeQuery(as: AnalysisListParameters.self, context: context)
        let items = try await bench.store.analyses(limit: paging.boundedLimit, offset: paging.boundedOffset)
        let list = AnalysisList(
            total: try await bench.store.analysisCount(),
            limit: paging.boundedLimit,
            offset: paging.boundedOffset,
            items: items.map(AnalysisItem.init)
        )
        return try JSONResponse.make(list)
    }

    /// GET /api/analyses/:id — one analysis in the analysis document's schema.
    @Sendable func detail(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await bench.storedAnalysis(try context.parameters.require("id", as: Int64.self))
        try await bench.record(.view, "analysis", String(stored.summary.id), context: context)
        return try JSONResponse.make(AnalysisDetail(summary: AnalysisItem(stored.summary), analysis: stored.analysis))
    }

    /// GET /api/profiles — the tiers and playbooks an upload may be judged against.
    @Sendable func profiles(_ request: Request, context: WebRequestContext) async throws -> Response {
        try JSONResponse.make(bench.profiles.map { ProfileItem(id: $0.id, name: $0.name, description: $0.description) })
    }
}

/// A report as a downloaded file.
struct ReportDownload {
    static let formats: [String: ReportFormat] = [
        "json": .json, "md": .markdown, "markdown": .markdown, "html": .html, "txt": .text,
    ]
    static let types: [ReportFormat: String] = [
        .json: "application/json", .markdown: "text/markdown", .html: "text/html", .text: "text/plain",
    ]

    var stored: StoredAnalysis
    var format: ReportFormat
    var body: String

    /// The document's name (letters, digits and -_. only), the tier and the analysis number.
    var filename: String {
        let base = (stored.analysis.document.name as NSString).deletingPathExtension
            .filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        let id = stored.summary.id
        return "\(base.isEmpty ? "report" : base)-\(stored.analysis.profile)-\(id).\(format.fileExtension)"
    }

    var response: Response {
        Response(
            status: .ok,
            headers: [
                .contentType: (Self.types[format] ?? "text/plain") + "; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(filename)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
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
