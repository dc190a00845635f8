import FineprintStore

/// The history page (view: history.mustache): one page of analyses with the compare and diff forms.
struct HistoryModel: PageModel {
    static let template = "history"
    var title = "History of analyses"
    var rows: [AnalysisRow]
    var total: Int
    var page: Int
    var previousPage: Int?
    var nextPage: Int?
    var profiles: [ProfileOption]

    init(_ summaries: [AnalysisSummary], total: Int, paging: HistoryParameters, profiles: [ProfileOption]) {
        var rows = summaries.map(AnalysisRow.init)
        if rows.count >= 2 {
            rows[0].newerDefault = true
            rows[1].olderDefault = true
        }
        self.rows = rows
        self.total = total
        page = paging.pageNumber
        previousPage = page > 1 ? page - 1 : nil
        nextPage = page * HistoryParameters.pageSize < total ? page + 1 : nil
        self.profiles = profiles
    }
}

/// One line of a list of analyses.
struct AnalysisRow {
    var id: String
    /// The id's first 8 digits, for the number column.
    var shortId: String
    var documentName: String
    var documentNameFull: String?
    var shortSha: String
    var profile: String
    var score: Int
    var scoreBand: String
    var gaps: Int
    var moves: Int
    var createdAt: String
    /// Preselected in the diff form: the newest as the newer version, the one before as the older.
    var newerDefault = false
    var olderDefault = false

    init(_ s: AnalysisSummary) {
        id = s.publicId
        shortId = String(s.publicId.prefix(8))
        documentName = Format.fileName(s.documentName)
        documentNameFull = Format.fullFileName(s.documentName)
        shortSha = String(s.documentSha256.prefix(12))
        profile = s.profile
        score = s.score
        scoreBand = Format.scoreBand(s.score)
        gaps = s.gaps
        moves = s.moves
        createdAt = Format.date(s.createdAt)
    }
}
