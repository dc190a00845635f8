/// The upload page (view: upload.mustache): the form and the most recent analyses.
struct HomeModel: PageModel {
    static let template = "upload"
    var title = "Upload a contract"
    var profiles: [ProfileOption]
    var maxSize: String
    var recent: [AnalysisRow]
}
