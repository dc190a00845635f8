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
        let scope = try await bench.scope(context)
        let total = try await scope.store.analysisCount(in: scope.filter)
        let summaries = try await scope.store.analyses(
            in: scope.filter,
            limit: HistoryParameters.pageSize,
            offset: paging.offset
        )
        let profiles = ProfileOption.list(bench.profiles, selected: WebWorkbench.defaultProfile)
        return try bench.pages.page(HistoryModel(summaries, total: total, paging: paging, profiles: profiles))
    }

    /// GET /analyses/:id — the report page (cached while nobody has reviewed the analysis: a stored
    /// analysis never changes, its review does; the scoped lookup runs first, so a cached page is
    /// only shown to those who may see it).
    @Sendable func report(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let scope = try await bench.scope(context)
        let stored = try await scope.analysis(try context.parameters.require("id"))
        let id = stored.summary.id
        if let cached = bench.reportPages.value(id) {
            // A review begun since (here, on another server or from the command line) makes it stale.
            if try await bench.isUnreviewed(id) {
                try await bench.record(.view, "analysis", stored.summary.publicId, context: context)
                return HTML(cached)
            }
            bench.reportPages.remove(id)
        }
        let input = try await bench.reportInput(stored)
        let review = try await bench.review(of: stored)
        let names = CorpusNames(bench.corpus)
        var model = ReportModel(stored, input: input, profiles: bench.profiles)
        model.standards = StandardLink.list(bench.standards, analysisId: stored.summary.publicId)
        model.documentId = try await scope.store.documents(ofMatter: stored.summary.matterId)
            .first { $0.sha256 == stored.summary.documentSha256 }?.id
        let panel = ReviewPanel(review: review, machine: stored.analysis, marks: input.reviewMarks, names: names)
        model = model.withReview(panel, machine: stored.analysis, marks: input.reviewMarks, names: names)
        let html = try bench.pages.render(model)
        try await bench.record(.view, "analysis", stored.summary.publicId, context: context)
        if review.isEmpty { bench.reportPages.store(html, for: id) }
        return HTML(html)
    }

    /// The re-score form's body.
    struct ReanalyseForm: Decodable {
        var profile: String?
    }

    /// POST /analyses/:id/reanalyse — the same document against another tier, as a new analysis.
    @Sendable func reanalyse(_ request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try await bench.scope(context)
        let stored = try await scope.analysis(try context.parameters.require("id"))
        try scope.require(.analyst, in: stored.summary.matterId)
        let form = try await request.decode(as: ReanalyseForm.self, context: context)
        let summary = try await bench.reanalyse(stored, profile: form.profile.flatMap { $0.isEmpty ? nil : $0 })
        return Response.redirect(to: "/analyses/\(summary.publicId)", type: .normal)
    }

    /// GET /analyses/:id/download/:format — the report rendered by the report library exactly as
    /// `fineprint analyze` writes it.
    @Sendable func download(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await bench.scope(context).analysis(try context.parameters.require("id"))
        let name = try context.parameters.require("format")
        guard let format = ReportDownload.formats[name] else {
            throw WebError.notFound("download format '\(name)' (use json, md, html or txt)")
        }
        let body = try ReportRenderer.render(try await bench.reportInput(stored), as: format)
        try await bench.record(.download, "analysis", stored.summary.publicId, detail: name, context: context)
        return ReportDownload(stored: stored, format: format, body: body).response
    }

    /// GET /api/analyses — a page of analyses, newest first.
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let paging = try request.uri.decodeQuery(as: AnalysisListParameters.self, context: context)
        let scope = try await bench.scope(context)
        let items = try await scope.store.analyses(
            in: scope.filter,
            limit: paging.boundedLimit,
            offset: paging.boundedOffset
        )
        let list = AnalysisList(
            total: try await scope.store.analysisCount(in: scope.filter),
            limit: paging.boundedLimit,
            offset: paging.boundedOffset,
            items: items.map(AnalysisItem.init)
        )
        return try JSONResponse.make(list)
    }

    /// GET /api/analyses/:id — one analysis in the analysis document's schema.
    @Sendable func detail(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await bench.scope(context).analysis(try context.parameters.require("id"))
        try await bench.record(.view, "analysis", stored.summary.publicId, context: context)
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

    /// The document's name (letters, digits and -_. only), the tier and the analysis's id (its first 8 digits).
    var filename: String {
        let base = (stored.analysis.document.name as NSString).deletingPathExtension
            .filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        let id = stored.summary.publicId.prefix(8)
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
    var id: String
    var matter: String
    var documentName: String
    var documentSha256: String
    var profile: String
    var score: Int
    var gaps: Int
    var killListMoves: Int
    var createdAt: Date
    var report: String

    init(_ s: AnalysisSummary) {
        id = s.publicId
        matter = s.matterId
        documentName = s.documentName
        documentSha256 = s.documentSha256
        profile = s.profile
        score = s.score
        gaps = s.gaps
        killListMoves = s.moves
        createdAt = s.createdAt
        report = "/analyses/\(s.publicId)"
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
