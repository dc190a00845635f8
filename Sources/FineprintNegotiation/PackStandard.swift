import FineprintCore
import FineprintStandards

/// `--standard` in the pack: the standard's crosswalk says which of its articles each ask answers,
/// and the standards check which articles the contract leaves unmet.
extension PackBuilder {
    /// Ties the pack to the standard: each issue cites the articles mapped to its provision (a
    /// trap: to the provisions it reveals), first among its sources; the cover lists the articles
    /// the standards check found not met and partly met.
    func apply(_ crosswalk: Crosswalk, to pack: inout NegotiationPack) {
        pack.standardName = crosswalk.shortName
        for i in pack.issues.indices {
            let issue = pack.issues[i]
            let provisions =
                issue.kind == .move ? (input.corpus.move(issue.subject)?.reveals ?? []) : [issue.subject]
            let articles = Self.articles(of: crosswalk, mappedTo: provisions)
            pack.issues[i].articles = articles
            let cited = articles.map { article in
                let text = "\(crosswalk.shortName), \(article.label)"
                return BasisLine(text: text, citation: text, url: crosswalk.source.url)
            }
            pack.issues[i].basis = cited + issue.basis
        }
        let check = StandardCheck.run(input.analysis, against: crosswalk, taxonomy: input.corpus.taxonomy)
        func cited(_ verdict: ArticleVerdict) -> [CitedArticle] {
            check.articles.filter { $0.verdict == verdict }.map { CitedArticle(number: $0.number, title: $0.title) }
        }
        pack.unmetArticles = cited(.notMet)
        pack.partlyMetArticles = cited(.partlyMet)
    }

    /// The articles whose conditions name any of `provisions`, in the standard's order.
    static func articles(of crosswalk: Crosswalk, mappedTo provisions: [String]) -> [CitedArticle] {
        crosswalk.articles.filter { article in
            article.requires.contains { provisions.contains($0.provision) }
        }.map { CitedArticle(number: $0.number, title: $0.title) }
    }
}
