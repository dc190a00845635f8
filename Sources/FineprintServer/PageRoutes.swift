import FineprintCompare
import FineprintCore
import FineprintReport
import FineprintStore
import Foundation
import Hummingbird

/// The HTML pages: upload, report, history, knowledge base, compare and diff.
struct PageRoutes {
    let bench: WebWorkbench
    static let pageSize = 50

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try await home() }
        router.post("/analyses") { request, context in
            let upload = try await UploadForm.parse(request, maxBytes: bench.maxUploadBytes)
            if let desk = bench.jobs {
                return try await JobRoutes.accept(request, context: context, bench: bench, desk: desk, upload: upload) {
                    Response.redirect(to: "/jobs/\($0.id)", type: .normal)
                }
            }
            let summary = try await bench.analyseUpload(upload)
            return Response.redirect(to: "/analyses/\(summary.id)", type: .normal)
        }
        router.get("/analyses") { request, _ in try await history(FormFields(request.uri.query)) }
        router.get("/analyses/:id") { _, context in
            try await report(context.parameters.require("id", as: Int64.self))
        }
        router.post("/analyses/:id/reanalyse") { request, context in
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            let summary = try await bench.reanalyse(
                try context.parameters.require("id", as: Int64.self),
                profile: form["profile"]
            )
            return Response.redirect(to: "/analyses/\(summary.id)", type: .normal)
        }
        router.get("/analyses/:id/download/:format") { _, context in
            try await download(
                context.parameters.require("id", as: Int64.self),
                format: context.parameters.require("format")
            )
        }
        router.get("/knowledge") { request, _ in try await knowledge(FormFields(request.uri.query)) }
        router.get("/knowledge/:kind/:id") { _, context in
            let kind = try context.parameters.require("kind")
            let id = try context.parameters.require("id")
            guard let view = bench.catalog.detail(kind: kind, id: id) else {
                throw WebError.notFound("knowledge item \(kind)/\(id)")
            }
            return HTMLResponse.make(bench.pages.render("knowledge-entry", view))
        }
        router.get("/compare") { request, _ in
            let query = FormFields(request.uri.query)
            let ids = try query.ids("ids")
            let comparison = try await bench.compare(ids, profile: query["profile"])
            return HTMLResponse.make(
                bench.pages.render(
                    "compare",
                    CompareView(
                        comparison,
                        ids: ids,
                        corpus: bench.corpus,
                        profiles: bench.profiles
                    )
                )
            )
        }
        router.get("/watch") { _, _ in
            HTMLResponse.make(bench.pages.render("watch", try WatchView.load(bench.watchFolder)))
        }
        router.get("/watch/feed.atom") { _, _ in try WatchView.feed(bench.watchFolder) }
        router.get("/diff") { request, _ in
            let query = FormFields(request.uri.query)
            guard let from = try query.ids("from").first, let to = try query.ids("to").first else {
                throw WebError.badRequest(
                    "A diff needs two analyses: the older (from) and the newer (to).",
                    hint: "Choose the two versions in the history, then choose Show changes."
                )
            }
            let diff = try await bench.diff(from: from, to: to)
            return HTMLResponse.make(
                bench.pages.render("diff", DiffView(diff, oldId: from, newId: to, corpus: bench.corpus))
            )
        }
    }

    func home() async throws -> Response {
        let recent = try await bench.store.analyses(limit: 5, offset: 0).map(AnalysisRow.init)
        let view = HomeView(
            profiles: ProfileOption.list(bench.profiles, selected: WebWorkbench.defaultProfile),
            maxSize: WebError.megabytes(bench.maxUploadBytes),
            recent: recent
        )
        return HTMLResponse.make(bench.pages.render("upload", view))
    }

    func history(_ query: FormFields) async throws -> Response {
        let page = max(1, try query.int("page") ?? 1)
        let total = try await bench.store.analysisCount()
        var rows = try await bench.store.analyses(limit: Self.pageSize, offset: (page - 1) * Self.pageSize).map(
            AnalysisRow.init
        )
        if rows.count >= 2 {
            rows[0].newerDefault = true
            rows[1].olderDefault = true
        }
        let view = HistoryView(
            rows: rows,
            total: total,
            page: page,
            previousPage: page > 1 ? page - 1 : nil,
            nextPage: page * Self.pageSize < total ? page + 1 : nil,
            profiles: ProfileOption.list(bench.profiles, selected: WebWorkbench.defaultProfile)
        )
        return HTMLResponse.make(bench.pages.render("history", view))
    }

    func report(_ id: Int64) async throws -> Response {
        if let cached = bench.reportPages.value(id) { return HTMLResponse.make(cached) }
        let stored = try await bench.storedAnalysis(id)
        let input = try await bench.reportInput(stored)
        let html = ByteBuffer(
            string: bench.pages.render("report", ReportView(stored, input: input, profiles: bench.profiles))
        )
        bench.reportPages.store(html, for: id)
        return HTMLResponse.make(html)
    }

    /// The report as a file, rendered by the report library exactly as `fineprint analyze` writes it.
    func download(_ id: Int64, format name: String) async throws -> Response {
        let formats: [String: ReportFormat] = [
            "json": .json, "md": .markdown, "markdown": .markdown, "html": .html, "txt": .text,
        ]
        guard let format = formats[name] else {
            throw WebError.notFound("download format '\(name)' (use json, md, html or txt)")
        }
        let stored = try await bench.storedAnalysis(id)
        let body = try ReportRenderer.render(try await bench.reportInput(stored), as: format)
        let types: [ReportFormat: String] = [
            .json: "application/json", .markdown: "text/markdown", .html: "text/html", .text: "text/plain",
        ]
        let base = (stored.analysis.document.name as NSString).deletingPathExtension
            .filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        let filename = "\(base.isEmpty ? "report" : base)-\(stored.analysis.profile)-\(id).\(format.fileExtension)"
        return Response(
            status: .ok,
            headers: [
                .contentType: (types[format] ?? "text/plain") + "; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(filename)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }

    func knowledge(_ query: FormFields) async throws -> Response {
        let text = query["q"] ?? ""
        let kind = query["kind"]
        let tag = query["tag"]
        let key = [text, kind ?? "", tag ?? ""].joined(separator: "\u{0}")
        if let cached = bench.knowledgePages.value(key) { return HTMLResponse.make(cached) }
        let hits = try await bench.store.searchKnowledge(KnowledgeQuery(text: text, kind: kind, tag: tag, limit: 200))
        let counts = try await bench.store.knowledgeCounts()
        let kinds = KnowledgeCatalog.kinds.map {
            KnowledgeView.KindFilter(id: $0.id, label: $0.label, count: counts[$0.id] ?? 0, selected: $0.id == kind)
        }
        let results = hits.map { hit in
            KnowledgeView.Result(
                kind: hit.entry.kind,
                kindLabel: KnowledgeCatalog.label(hit.entry.kind),
                id: hit.entry.id,
                title: hit.entry.title,
                summary: Format.snippet(hit.entry.summary, limit: 280),
                snippet: hit.snippet.map(Self.markedSnippet),
                tags: hit.entry.tags
            )
        }
        let view = KnowledgeView(
            query: text,
            kinds: kinds,
            tag: tag,
            results: results,
            count: results.count,
            searched: !text.isEmpty || kind != nil || tag != nil
        )
        let html = ByteBuffer(string: bench.pages.render("knowledge", view))
        bench.knowledgePages.store(html, for: key)
        return HTMLResponse.make(html)
    }

    /// An FTS5 snippet (matches between \u{1} and \u{2}) as escaped HTML with <mark>. The pieces are
    /// escaped one by one, since the escaper turns control characters into spaces.
    static func markedSnippet(_ raw: String) -> String {
        var html = ""
        for (index, piece) in raw.split(separator: "\u{1}", omittingEmptySubsequences: false).enumerated() {
            guard index > 0, let end = piece.firstIndex(of: "\u{2}") else {
                html += Markup.escape(String(piece))
                continue
            }
            html +=
                "<mark>" + Markup.escape(String(piece[..<end])) + "</mark>"
                + Markup.escape(String(piece[piece.index(after: end)...]))
        }
        return html
    }
}
