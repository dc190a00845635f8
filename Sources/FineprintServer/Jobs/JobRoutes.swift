import FineprintCore
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird

/// The job page and the job API, and the answer to an upload: the job's address at once.
struct JobRoutes {
    let bench: WebWorkbench
    let desk: JobDesk

    func add(to router: Router<BasicRequestContext>) {
        router.get("/jobs/:id") { _, context in
            try await page(bench.job(try context.parameters.require("id"), on: desk))
        }
        router.get("/api/jobs/:id") { _, context in
            try JSONResponse.make(JobItem(try await bench.job(try context.parameters.require("id"), on: desk)))
        }
    }

    /// The report itself once a one-file job is done; otherwise the job page, which reloads itself
    /// (a `Refresh` header: no script needed) until the job is finished.
    func page(_ job: AnalysisJob) -> Response {
        if job.state == .done, job.analysisIds.count == 1 {
            return Response.redirect(to: "/analyses/\(job.analysisIds[0])", type: .normal)
        }
        var response = HTMLResponse.make(bench.pages.render("job", JobView(job)))
        if !job.state.isFinished {
            response.headers[.refresh] = "2"
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }

    /// Queues an upload and answers as `accepted` says, or 503 with `Retry-After` when the queue is
    /// full (rendered as the page or API error the request would get).
    static func accept(
        _ request: Request,
        context: BasicRequestContext,
        bench: WebWorkbench,
        desk: JobDesk,
        upload: UploadForm,
        accepted: (AnalysisJob) throws -> Response
    ) async throws -> Response {
        let key = request.headers[.idempotencyKey] ?? upload.idempotencyKey
        let uploads = [JobUpload(name: upload.filename, bytes: upload.data)]
        let profile = upload.profile
        do {
            let (job, _) = try await bench.enqueue(uploads, profile: profile, idempotencyKey: key, on: desk)
            return try accepted(job)
        } catch JobQueueError.full {
            let busy = WebError(
                .serviceUnavailable,
                title: "Busy",
                message: "The server is already analysing as many uploads as it holds.",
                hint: "Try again in \(desk.retryAfterSeconds) seconds; nothing of this upload was kept."
            )
            var response = try await ErrorPages(bench: bench).handle(request, context: context) { _, _ in throw busy }
            response.headers[.retryAfter] = "\(desk.retryAfterSeconds)"
            return response
        }
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let refresh = Self("Refresh")!
}
