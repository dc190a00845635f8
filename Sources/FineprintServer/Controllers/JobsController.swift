import FineprintCore
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird

/// Queued uploads: the job page and the job API, and the answer to an upload when a queue is
/// configured (the job's address at once, or 503 with `Retry-After` when the queue is full).
struct JobsController {
    let bench: WebWorkbench

    /// GET /jobs/:id — the report itself once a one-file job is done; otherwise the job page,
    /// which reloads itself (a `Refresh` header: no script needed) until the job is finished.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try await bench.scope(context)
        let job = try await scope.job(try context.parameters.require("id"), on: try desk())
        let publicIDs = try await scope.store.analysisPublicIDs(job.analysisIds)
        if job.state == .done, job.analysisIds.count == 1, let only = publicIDs[job.analysisIds[0]] {
            return Response.redirect(to: "/analyses/\(only)", type: .normal)
        }
        var response = try bench.pages.page(JobModel(job, publicIDs: publicIDs)).response
        if !job.state.isFinished {
            response.headers[.refresh] = "2"
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }

    /// GET /api/jobs/:id — the job's state, progress and, once done, its analyses.
    @Sendable func detail(_ request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try await bench.scope(context)
        let job = try await scope.job(try context.parameters.require("id"), on: try desk())
        return try JSONResponse.make(JobItem(job, publicIDs: try await scope.store.analysisPublicIDs(job.analysisIds)))
    }

    private func desk() throws -> JobDesk {
        guard let desk = bench.jobs else { throw WebError.notFound("job queue") }
        return desk
    }

    /// Queues all the files of an upload as one job (the `Idempotency-Key` header, else the form's
    /// hidden field, makes a resubmission return the first job). A full queue is a 503 with
    /// `Retry-After`; nothing of the upload is kept.
    static func enqueue(
        _ upload: UploadForm,
        matterID: String,
        request: Request,
        bench: WebWorkbench,
        desk: JobDesk
    ) async throws
        -> AnalysisJob
    {
        let key = request.headers[.idempotencyKey] ?? upload.idempotencyKey
        let files = upload.files.map { JobUpload(name: $0.filename, bytes: $0.data) }
        do {
            let (job, _) = try await bench.enqueue(
                files,
                profile: upload.profile,
                idempotencyKey: key,
                matterID: matterID,
                on: desk
            )
            FineprintMetrics.setQueueDepth((try? await desk.queue.depth()) ?? 0)
            return job
        } catch JobQueueError.full {
            var busy = WebError(
                .serviceUnavailable,
                title: "Busy",
                message: "The server is already analysing as many uploads as it holds.",
                hint: "Try again in \(desk.retryAfterSeconds) seconds; nothing of this upload was kept."
            )
            busy.headers[.retryAfter] = "\(desk.retryAfterSeconds)"
            throw busy
        }
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let refresh = Self("Refresh")!
}
