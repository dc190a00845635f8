import FineprintCore
import FineprintStore

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
    /// The matters the user may upload to (the first preselected; empty: the server chooses).
    var matters: [MatterOption] = []
}

/// A matter in a choice list.
struct MatterOption {
    var id: String
    var name: String
    var kind: String
    var selected: Bool

    static func list(_ matters: [Matter], selected: String? = nil) -> [MatterOption] {
        matters.enumerated().map { index, matter in
            MatterOption(
                id: matter.id,
                name: Format.fileName(matter.name),
                kind: matter.kind.rawValue,
                selected: selected.map { $0 == matter.id } ?? (index == 0)
            )
        }
    }
}
