import FineprintCore
import FineprintStandards
import Foundation

/// Checks the crosswalks from standards to provisions: a source with a review date, every article
/// either mapped to known provisions or saying why not, no article twice, conditions that fit their
/// provisions. Returns every problem found, each naming the file and the article.
public enum CrosswalkValidator {
    public static func validate(_ crosswalks: [Crosswalk], taxonomy: Taxonomy) -> [CorpusError] {
        crosswalks.flatMap { validate($0, taxonomy: taxonomy) }
    }

    public static func validate(_ crosswalk: Crosswalk, taxonomy: Taxonomy) -> [CorpusError] {
        let file = "standards/\(crosswalk.id).yaml"
        var problems = header(crosswalk).map { CorpusError(file: file, message: $0) }
        var seen = Set<String>()
        for article in crosswalk.articles {
            if !seen.insert(article.number).inserted {
                problems.append(CorpusError(file: file, message: "article \(article.number) is listed twice"))
            }
            problems += check(article, taxonomy: taxonomy).map {
                CorpusError(file: file, message: "article \(article.number): \($0)")
            }
        }
        return problems
    }

    static func header(_ crosswalk: Crosswalk) -> [String] {
        var problems: [String] = []
        if crosswalk.id.isEmpty || !crosswalk.id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
            problems.append("id '\(crosswalk.id)' must be lowercase letters, digits and hyphens")
        }
        for (key, value) in [
            ("title", crosswalk.title), ("short_name", crosswalk.shortName), ("version", crosswalk.version),
        ]
        where blank(value) {
            problems.append("\(key) is empty")
        }
        if !crosswalk.source.url.hasPrefix("https://") {
            problems.append("source url '\(crosswalk.source.url)' must be an https address")
        }
        if !isDay(crosswalk.source.reviewed) {
            problems.append("source reviewed '\(crosswalk.source.reviewed)' must be a date written YYYY-MM-DD")
        }
        if blank(crosswalk.source.verification) {
            problems.append("source verification is empty: say how it was checked")
        }
        if crosswalk.articles.isEmpty { problems.append("has no articles") }
        return problems
    }

    static func check(_ article: StandardArticle, taxonomy: Taxonomy) -> [String] {
        var problems: [String] = []
        if blank(article.title) { problems.append("title is empty") }
        if blank(article.summary) { problems.append("summary is empty") }
        let answers = [
            !article.requires.isEmpty, article.notApplicableReason != nil, article.notAssessableReason != nil,
        ].filter { $0 }.count
        if answers == 0 {
            problems.append("maps no provision and gives no not_applicable_reason or not_assessable_reason")
        } else if answers > 1 {
            problems.append("give either provisions, a not_applicable_reason or a not_assessable_reason, not several")
        }
        for reason in [article.notApplicableReason, article.notAssessableReason].compactMap({ $0 }) where blank(reason)
        {
            problems.append("a reason is empty")
        }
        var named = Set<String>()
        for condition in article.requires {
            if !named.insert(condition.provision).inserted { problems.append("names '\(condition.provision)' twice") }
            problems += check(condition, taxonomy: taxonomy)
        }
        return problems
    }

    static func check(_ condition: ArticleCondition, taxonomy: Taxonomy) -> [String] {
        guard let provision = taxonomy.provision(condition.provision) else {
            return ["names unknown provision '\(condition.provision)'"]
        }
        var problems: [String] = []
        if provision.polarity == .hazard && !condition.absent {
            problems.append("'\(provision.id)' is a hazard: it can only be required absent (absent: true)")
        }
        if provision.polarity == .protection && condition.absent {
            problems.append("'\(provision.id)' is a protection: absent: true is for hazards")
        }
        if condition.absent && (condition.minStrength != nil || condition.maxDuration != nil) {
            problems.append("'\(provision.id)' is required absent: min_strength and max_duration do not apply")
        }
        if let bound = condition.maxDuration {
            if provision.value != .duration {
                problems.append("'\(provision.id)' carries no period, so max_duration does not apply")
            } else if PeriodValue(bound) == nil {
                problems.append("max_duration '\(bound)' is not a period such as '72 hours' or '30 days'")
            }
        }
        return problems
    }

    static func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// A real calendar day written YYYY-MM-DD.
    static func isDay(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard s.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else {
            return false
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: components) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == y && back.month == m && back.day == d
    }
}
