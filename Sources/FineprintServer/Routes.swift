import Hummingbird

/// The route table: every address the server answers, with the controller handler that answers
/// it, one function per area. A new page or API goes here, its handler in the controller of its
/// feature, and who may call it in `RouteAccess`.
func addRoutes(to router: Router<WebRequestContext>, bench: WebWorkbench) {
    let controllers = Controllers(bench: bench)
    addPageRoutes(to: router, controllers)
    addWorkflowPageRoutes(to: router, controllers)
    addAdminRoutes(to: router, controllers)
    addAPIRoutes(to: router, controllers)
    addFileRoutes(to: router, controllers)
}

/// One controller per feature, made once and shared by the pages and the API.
private struct Controllers {
    let upload: UploadController
    let analyses: AnalysesController
    let compare: CompareController
    let diff: DiffController
    let knowledge: KnowledgeController
    let watch: WatchController
    let files: StaticController
    let jobs: JobsController
    let standards: StandardsController
    let login: LoginController
    let admin: AdminController
    let negotiation: NegotiationController
    let deletion: DeleteController
    let audit: AuditController
    let register: RegisterController
    let registerAPI: RegisterAPIController
    let registerEdit: RegisterEditController
    let matters: MattersController
    let signals: SignalsController
    let allies: AlliesController
    let alliedItem: AlliedItemController
    let shareAdmin: ShareAdminController
    let review: ReviewController

    init(bench: WebWorkbench) {
        upload = UploadController(bench: bench)
        analyses = AnalysesController(bench: bench)
        compare = CompareController(bench: bench)
        diff = DiffController(bench: bench)
        knowledge = KnowledgeController(bench: bench)
        watch = WatchController(bench: bench)
        files = StaticController(bench: bench)
        jobs = JobsController(bench: bench)
        standards = StandardsController(bench: bench)
        login = LoginController(bench: bench, accounts: bench.accounts)
        admin = AdminController(bench: bench, accounts: bench.accounts)
        negotiation = NegotiationController(bench: bench)
        deletion = DeleteController(bench: bench)
        audit = AuditController(bench: bench)
        register = RegisterController(bench: bench)
        registerAPI = RegisterAPIController(bench: bench)
        registerEdit = RegisterEditController(bench: bench)
        matters = MattersController(bench: bench)
        signals = SignalsController(bench: bench)
        allies = AlliesController(bench: bench)
        alliedItem = AlliedItemController(bench: bench)
        shareAdmin = ShareAdminController(bench: bench)
        review = ReviewController(bench: bench)
    }
}

/// The pages of an analysis and what is read beside it: uploads, reports, review, compare, knowledge,
/// watch, matters.
private func addPageRoutes(to router: Router<WebRequestContext>, _ c: Controllers) {
    router.get("/", use: c.upload.form)
    router.post("/analyses", use: c.upload.createFromPage)
    router.get("/analyses", use: c.analyses.history)
    router.get("/analyses/:id", use: c.analyses.report)
    router.post("/analyses/:id/reanalyse", use: c.analyses.reanalyse)
    router.get("/analyses/:id/download/:format", use: c.analyses.download)
    router.get("/analyses/:id/standards/:standard", use: c.standards.page)
    router.get("/analyses/:id/negotiation.docx", use: c.negotiation.docx)
    router.post("/analyses/:id/review/state", use: c.review.state)
    router.post("/analyses/:id/review/findings/:provision", use: c.review.finding)
    router.post("/analyses/:id/review/moves/:move", use: c.review.move)
    router.post("/analyses/:id/review/notes", use: c.review.note)
    router.get("/jobs/:id", use: c.jobs.page)
    router.get("/compare", use: c.compare.page)
    router.get("/compare/award.docx", use: c.compare.award)
    router.get("/compare/award.pdf", use: c.compare.award)
    router.get("/diff", use: c.diff.page)
    router.get("/knowledge", use: c.knowledge.search)
    router.get("/knowledge/:kind/:id", use: c.knowledge.entry)
    router.get("/watch", use: c.watch.page)
    router.get("/watch/feed.atom", use: c.watch.feed)
    router.get("/documents/:id/delete", use: c.deletion.confirm)
    router.post("/documents/:id/delete", use: c.deletion.deleteFromPage)
    router.get("/matters", use: c.matters.list)
    router.post("/matters", use: c.matters.createFromPage)
    router.get("/matters/:id", use: c.matters.page)
    router.post("/matters/:id/members", use: c.matters.setMember)
    router.post("/matters/:id/members/:name/remove", use: c.matters.removeMember)
    router.post("/matters/:id/retention", use: c.matters.setRetention)
}

/// The pages of the standing work beside single analyses: the dependency register, the signals queue
/// and allies' items.
private func addWorkflowPageRoutes(to router: Router<WebRequestContext>, _ c: Controllers) {
    router.get("/register", use: c.register.dashboard)
    router.post("/register/snapshot", use: c.register.snapshot)
    router.get("/register/systems/:id", use: c.register.system)
    router.get("/register/components/:key", use: c.register.component)
    router.get("/register/suppliers/:id", use: c.register.supplier)
    router.post("/register/tiers", use: c.registerEdit.setTier)
    router.post("/register/drills", use: c.registerEdit.recordDrill)
    router.post("/register/assurance", use: c.registerEdit.recordAssurance)
    router.post("/register/incidents", use: c.registerEdit.recordIncident)
    router.post("/register/suppliers/:id", use: c.registerEdit.editSupplier)
    router.get("/signals", use: c.signals.page)
    router.get("/signals/feed.atom", use: c.signals.feed)
    router.get("/signals/:id", use: c.signals.signalPage)
    router.post("/signals/:id/:action", use: c.signals.decideFromPage)
    router.get("/allies", use: c.allies.page)
    router.post("/allies/adopt", use: c.allies.adopt)
    router.get("/allies/import", use: c.allies.importForm)
    router.post("/allies/import", use: c.allies.preview)
    router.post("/allies/import/confirm", use: c.allies.confirm)
    router.get("/allies/items/:publisher/:kind/:id", use: c.alliedItem.page)
}

/// Signing in and out, and the administrator's pages: accounts, the audit log, sharing trust.
private func addAdminRoutes(to router: Router<WebRequestContext>, _ c: Controllers) {
    router.get("/login", use: c.login.form)
    router.post("/login", use: c.login.login)
    router.post("/logout", use: c.login.logout)
    router.get("/admin/users", use: c.admin.users)
    router.post("/admin/users/:name/role", use: c.admin.changeRole)
    router.post("/admin/tokens/:id/revoke", use: c.admin.revokeToken)
    router.get("/admin/audit", use: c.audit.page)
    router.get("/admin/audit.csv", use: c.audit.csv)
    router.get("/admin/share", use: c.shareAdmin.page)
    router.post("/admin/share/trust", use: c.shareAdmin.addKey)
    router.post("/admin/share/trust/revoke", use: c.shareAdmin.revokeKey)
    router.post("/admin/share/threshold", use: c.shareAdmin.setThreshold)
}

/// The JSON API, described by /api/openapi.json.
private func addAPIRoutes(to router: Router<WebRequestContext>, _ c: Controllers) {
    router.post("/api/analyses", use: c.upload.createFromAPI)
    router.get("/api/analyses", use: c.analyses.list)
    router.get("/api/analyses/:id", use: c.analyses.detail)
    router.get("/api/analyses/:id/standards/:standard", use: c.standards.api)
    router.get("/api/analyses/:id/review", use: c.review.get)
    router.put("/api/analyses/:id/review", use: c.review.put)
    router.delete("/api/analyses/:id", use: c.deletion.deleteAnalysis)
    router.delete("/api/documents/:id", use: c.deletion.deleteDocument)
    router.get("/api/jobs/:id", use: c.jobs.detail)
    router.get("/api/profiles", use: c.analyses.profiles)
    router.get("/api/matters", use: c.matters.listAPI)
    router.post("/api/matters", use: c.matters.createFromAPI)
    router.get("/api/matters/:id", use: c.matters.detailAPI)
    router.get("/api/compare", use: c.compare.api)
    router.get("/api/diff", use: c.diff.api)
    router.get("/api/knowledge", use: c.knowledge.searchAPI)
    router.get("/api/knowledge/:kind/:id", use: c.knowledge.entryAPI)
    router.get("/api/register/metrics", use: c.registerAPI.metrics)
    router.get("/api/register/violations", use: c.registerAPI.violations)
    router.get("/api/register/systems", use: c.registerAPI.systems)
    router.get("/api/register/systems/:id", use: c.registerAPI.system)
    router.get("/api/register/components", use: c.registerAPI.components)
    router.get("/api/register/components/:key", use: c.registerAPI.component)
    router.get("/api/register/suppliers", use: c.registerAPI.suppliers)
    router.get("/api/register/suppliers/:id", use: c.registerAPI.supplier)
    router.get("/api/signals", use: c.signals.list)
    router.get("/api/signals/:id", use: c.signals.detail)
    router.post("/api/signals/:id/decision", use: c.signals.decideFromAPI)
    router.get("/api/openapi.json", use: c.files.openAPI)
}

/// Static files, health and metrics.
private func addFileRoutes(to router: Router<WebRequestContext>, _ c: Controllers) {
    router.get("/static/fineprint.css", use: c.files.stylesheet)
    router.get("/static/upload.js", use: c.files.uploadScript)
    router.get("/static/review.js", use: c.files.reviewScript)
    router.get("/health", use: HealthController().health)
    router.get("/metrics", use: MetricsController().metrics)
}
