import FineprintCore
import FineprintStore
import Hummingbird

/// Uploading a contract: the upload page, the form post and the API call. Both posts read the
/// multipart form (`UploadForm`), then `analyse` it.
struct UploadController {
    let bench: WebWorkbench

    /// GET / — the upload form and the most recent analyses.
    @Sendable func form(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let recent = try await bench.store.analyses(limit: 5, offset: 0).map(AnalysisRow.init)
        let model = HomeModel(
            profiles: ProfileOption.list(bench.profiles, selected: WebWorkbench.defaultProfile),
            maxSize: UploadLimit.described(bench.maxUploadBytes),
            recent: recent,
            queued: bench.jobs != nil
        )
        return try bench.pages.page(model)
    }

    /// POST /analyses — with a job queue, queues the upload and shows its job page (303); without,
    /// analyses it, then shows its report.
    @Sendable func createFromPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        let upload = try await UploadForm.parse(request, maxBytes: bench.maxUploadBytes)
        if let desk = bench.jobs {
            let job = try await JobsController.enqueue(upload, request: request, bench: bench, desk: desk)
            try await bench.record(.upload, "job", job.id, detail: upload.filename, context: context)
            return Response.redirect(to: "/jobs/\(job.id)", type: .normal)
        }
        let summary = try await analyse(upload)
        try await bench.record(.upload, "analysis", String(summary.id), detail: upload.filename, context: context)
        return Response.redirect(to: "/analyses/\(summary.id)", type: .normal)
    }

    /// POST /api/analyses — with a job queue, 202 with the queued job and its address; without,
    /// analyses the upload: 201 with the new analysis and its address.
    @Sendable func createFromAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        let upload = try await UploadForm.parse(request, maxBytes: bench.maxUploadBytes)
        if let desk = bench.jobs {
            let job = try await JobsController.enqueue(upload, request: request, bench: bench, desk: desk)
            try await bench.record(.upload, "job", job.id, detail: upload.filename, context: context)
            var response = try JSONResponse.make(JobItem(job), status: .accepted)
            response.headers[.location] = "/api/jobs/\(job.id)"
            return response
        }
        let summary = try await analyse(upload)
        try await bench.record(.upload, "analysis", String(summary.id), detail: upload.filename, context: context)
        var response = try JSONResponse.make(AnalysisItem(summary), status: .created)
        response.headers[.location] = "/api/analyses/\(summary.id)"
        return response
    }

    /// Reads an uploaded file, stores it (once per distinct bytes), analyses it against the chosen
    /// tier and stores the analysis. The one step that takes time: a job queue would run this.
    func analyse(_ upload: UploadForm) async throws -> AnalysisSummary {
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
        return try await bench.store.saveAnalysis(result.analysis)
    }
}
