import FineprintCore

/// The upload page (view: upload.mustache): the form and the most recent analyses.
struct HomeModel: PageModel {
    static let template = "upload"
    var title = "Upload a contract"
    var profiles: [ProfileOption]
    var maxSize: String
    var recent: [AnalysisRow]
    /// A fresh key per page load: submitting the same form again returns the job it made.
    var idempotencyKey = AnalysisJob.newID()
    /// Uploads go to the job queue, which takes several files or a zip as one job.
    var queued = false
}
