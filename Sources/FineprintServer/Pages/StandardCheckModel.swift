import FineprintStandards
import Foundation

/// One analysis checked against one standard (view: standard-check.mustache), flattened for the template.
struct StandardCheckModel: PageModel {
    static let template = "standard-check"
    struct Quote {
        var provision: String
        var quote: String
        /// The highlighted evidence on the report page.
        var href: String
    }
    struct Row {
        var number: String
        var title: String
        var summary: String
        var optional: Bool
        var verdict: String
        var verdictClass: String
        var reason: String
        var quotes: [Quote]
    }
    struct Count {
        var label: String
        var count: Int
    }

    var title: String
    var analysisId: String
    var documentName: String
    var standardName: String
    var standardTitle: String
    var version: String
    var sourceUrl: String
    var reviewed: String
    var apiHref: String
    var counts: [Count]
    var rows: [Row]
    var others: [StandardLink]

    init(analysisId: String, result: StandardCheckResult, others: [Crosswalk]) {
        title = "\(result.document.name) against \(result.standard.shortName)"
        self.analysisId = analysisId
        documentName = result.document.name
        standardName = result.standard.shortName
        standardTitle = result.standard.title
        version = result.standard.version
        sourceUrl = result.standard.sourceUrl
        reviewed = result.standard.reviewed
        apiHref = "/api/analyses/\(analysisId)/standards/\(result.standard.id)"
        counts = ArticleVerdict.allCases.map { Count(label: $0.label, count: result.summary[$0]) }
        rows = result.articles.map { article in
            Row(
                number: article.number,
                title: article.title,
                summary: article.summary,
                optional: article.optional,
                verdict: article.verdict.label,
                verdictClass: article.verdict.rawValue,
                reason: article.reason,
                quotes: article.evidence.map {
                    Quote(
                        provision: $0.provision,
                        quote: Format.snippet($0.quote, limit: 200),
                        href: "/analyses/\(analysisId)#at-\($0.start)"
                    )
                }
            )
        }
        self.others = StandardLink.list(others, analysisId: analysisId)
    }
}

/// A link from an analysis to its check against one standard.
struct StandardLink {
    var name: String
    var version: String
    var href: String

    static func list(_ crosswalks: [Crosswalk], analysisId: String) -> [StandardLink] {
        crosswalks.map {
            StandardLink(name: $0.shortName, version: $0.version, href: "/analyses/\(analysisId)/standards/\($0.id)")
        }
    }
}
