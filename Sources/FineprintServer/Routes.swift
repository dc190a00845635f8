import Hummingbird

/// The route table: every address the server answers, with the controller handler that answers
/// it. A new page or API goes here, its handler in the controller of its feature, and who may
/// call it in `RouteAccess`.
func addRoutes(to router: Router<WebRequestContext>, bench: WebWorkbench) {
    let upload = UploadController(bench: bench)
    let analyses = AnalysesController(bench: bench)
    let compare = CompareController(bench: bench)
    let diff = DiffController(bench: bench)
    let knowledge = KnowledgeController(bench: bench)
    let watch = WatchController(bench: bench)
    let files = StaticController(bench: bench)
    let jobs = JobsController(bench: bench)
    let standards = StandardsController(bench: bench)
    let login = LoginController(bench: bench, accounts: bench.accounts)
    let admin = AdminController(bench: bench, accounts: bench.accounts)
    let negotiation = NegotiationController(bench: bench)
    let deletion = DeleteController(bench: bench)
    let audit = AuditController(bench: bench)
    let review = ReviewController(bench: bench)

    // Pages.
    router.get("/", use: upload.form)
    router.post("/analyses", use: upload.createFromPage)
    router.get("/analyses", use: analyses.history)
    router.get("/analyses/:id", use: analyses.report)
    router.post("/analyses/:id/reanalyse", use: analyses.reanalyse)
    router.get("/analyses/:id/download/:format", use: analyses.download)
    router.get("/analyses/:id/standards/:standard", use: standards.page)
    router.get("/analyses/:id/negotiation.docx", use: negotiation.docx)
    router.get("/jobs/:id", use: jobs.page)
    router.get("/compare", use: compare.page)
    router.get("/diff", use: diff.page)
    router.get("/knowledge", use: knowledge.search)
    router.get("/knowledge/:kind/:id", use: knowledge.entry)
    router.get("/watch", use: watch.page)
    router.get("/watch/feed.atom", use: watch.feed)
    router.get("/documents/:id/delete", use: deletion.confirm)
    router.post("/documents/:id/delete", use: deletion.deleteFromPage)
    router.get("/admin/audit", use: audit.page)
    router.get("/admin/audit.csv", use: audit.csv)
    router.post("/analyses/:id/review/state", use: review.state)
    router.post("/analyses/:id/review/findings/:provision", use: review.finding)
    router.post("/analyses/:id/review/moves/:move", use: review.move)
    router.post("/analyses/:id/review/notes", use: review.note)

    // Accounts (who may call each route: `RouteAccess`).
    router.get("/login", use: login.form)
    router.post("/login", use: login.login)
    router.post("/logout", use: login.logout)
    router.get("/admin/users", use: admin.users)
    router.post("/admin/users/:name/role", use: admin.changeRole)
    router.post("/admin/tokens/:id/revoke", use: admin.revokeToken)

    // The JSON API, described by /api/openapi.json.
    router.post("/api/analyses", use: upload.createFromAPI)
    router.get("/api/analyses", use: analyses.list)
    router.get("/api/analyses/:id", use: analyses.detail)
    router.get("/api/analyses/:id/standards/:standard", use: standards.api)
    router.delete("/api/analyses/:id", use: deletion.deleteAnalysis)
    router.delete("/api/documents/:id", use: deletion.deleteDocument)
    router.get("/api/jobs/:id", use: jobs.detail)
    router.get("/api/profiles", use: analyses.profiles)
    router.get("/api/compare", use: compare.api)
    router.get("/api/diff", use: diff.api)
    router.get("/api/knowledge", use: knowledge.searchAPI)
    router.get("/api/knowledge/:kind/:id", use: knowledge.entryAPI)
    router.get("/api/openapi.json", use: files.openAPI)
    router.get("/api/analyses/:id/review", use: review.get)
    router.put("/api/analyses/:id/review", use: review.put)

    // Files and health.
    router.get("/static/fineprint.css", use: files.stylesheet)
    router.get("/static/upload.js", use: files.uploadScript)
    router.get("/static/review.js", use: files.reviewScript)
    router.get("/health", use: HealthController().health)
    router.get("/metrics", use: MetricsController().metrics)
}
