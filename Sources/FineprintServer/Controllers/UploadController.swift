import FineprintCore
import FineprintStore
import Hummingbird

/// Uploading a contract: the upload page, the form post and the API call. Both posts read the
/// multipart form (`UploadForm`), then `analyse` it.
struct UploadController {
    let bench: WebWorkbench

    /// GET / — the upload form and the most recent analyses.
    @Sendable func form(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let scope = try await bench.scope(context)
        let recent = try await scope.store.analyses(in: scope.filter, limit: 5, offset: 0).map(AnalysisRow.init)
        var model = HomeModel(
            profiles: ProfileOption.list(bench.profiles, selected: WebWorkbench.defaultProfile),
            maxSize: UploadLimit.described(bench.maxUploadBytes),
            recent: recent,
            queued: bench.jobs != nil
        )
        let requested = request.uri.queryParameters["matter"].map(String.init)
        model.matters = MatterOption.list(try await scope.writableMatters(), selected: requested)
        return try bench.pages.page(model)
    }

    /// POST /analyses — with a job queue, queues the upload and shows its job page (303); without,
    /// analyses it, then shows its report.
    @Sendable func createFromPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        switch try await accept(request, context: context) {
        case .queued(let job, _):
            return Response.redirect(to: "/jobs/\(job.id)", type: .normal)
        case .analysed(let summary):
            return Response.redirect(to: "/analyses/\(summary.publicId)", type: .normal)
        }
    }

    /// POST /api/analyses — with a job queue, 202 with the queued job and its address; without,
    /// analyses the upload: 201 with the new analysis and its address.
    @Sendable func createFromAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        switch try await accept(request, context: context) {
        case .queued(let job, let scope):
            let publicIDs = try await scope.store.analysisPublicIDs(job.analysisIds)
            var response = try JSONResponse.make(JobItem(job, publicIDs: publicIDs), status: .accepted)
            response.headers[.location] = "/api/jobs/\(job.id)"
            return response
        case .analysed(let summary):
            var response = try JSONResponse.make(AnalysisItem(summary), status: .created)
            response.headers[.location] = "/api/analyses/\(summary.publicId)"
            return response
        }
    }

    /// What an accepted upload became: a queued job (with a job queue) or a stored analysis.
    private enum Accepted {
        case queued(AnalysisJob, MatterScope)
        case analysed(AnalysisSummary)
    }

    /// Both posts: reads the multipart form into the matter asked for (one the caller may write to),
    /// queues it when there is a job queue or else analyses it, and records the upload in the audit log.
    private func accept(_ request: Request, context: WebRequestContext) async throws -> Accepted {
        let upload = try await UploadForm.parse(request, maxBytes: bench.maxUploadBytes)
        let scope = try await bench.scope(context)
        let matter = try await scope.uploadMatter(upload.matter)
        if let desk = bench.jobs {
            let job = try await JobsController.enqueue(
                upload,
                matterID: matter,
                request: request,
                bench: bench,
                desk: desk
            )
            try await bench.record(.upload, "job", job.id, detail: upload.filename, context: context)
            return .queued(job, scope)
        }
        let summary = try await analyse(upload, matterID: matter)
        try await bench.record(.upload, "analysis", summary.publicId, detail: upload.filename, context: context)
        return .analysed(summary)
    }

    /// Reads an uploaded file, stores it (once per distinct bytes), analyses it against the chosen
    /// tier and stores the analysis. The one step that takes time: a job queue would run this.
    func analyse(_ upload: UploadForm, matterID: String) async throws -> AnalysisSummary {
        try await bench.findAlliedPlaybook(upload.profile)
        let playbook = try bench.playbook(upload.profile)
        let format = try upload.claimedFormat()
        let result = try await bench.readAndAnalyse(
            upload.data,
            name: upload.filename,
            format: format,
            playbook: playbook
        )
        _ = try await bench.store.saveDocument(result.document)
        return try await bench.matterStore.saveAnalysis(result.analysis, matterID: matterID)
    }
}
