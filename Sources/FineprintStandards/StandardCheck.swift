import FineprintCore

/// Checks an analysis against a standard's crosswalk, article by article. A pure function of the
/// `Analysis` value: a reviewed analysis (a reviewer's corrections applied to its findings) is checked
/// the same way as the machine's.
public enum StandardCheck {
    /// Quotes cited per provision of an article: enough to see why, short enough to read.
    static let quotesPerProvision = 2

    public static func run(
        _ analysis: Analysis,
        against crosswalk: Crosswalk,
        taxonomy: Taxonomy
    ) -> StandardCheckResult {
        let articles = crosswalk.articles.map { judge($0, analysis: analysis, taxonomy: taxonomy) }
        return StandardCheckResult(
            schema: StandardCheckResult.schemaId,
            standard: CheckedStandard(
                id: crosswalk.id,
                title: crosswalk.title,
                shortName: crosswalk.shortName,
                version: crosswalk.version,
                sourceUrl: crosswalk.source.url,
                reviewed: crosswalk.source.reviewed
            ),
            document: CheckedDocument(name: analysis.document.name, sha256: analysis.document.sha256),
            profile: analysis.profile,
            summary: VerdictCounts(articles.map(\.verdict)),
            articles: articles
        )
    }

    static func judge(_ article: StandardArticle, analysis: Analysis, taxonomy: Taxonomy) -> ArticleResult {
        var result = ArticleResult(
            number: article.number,
            title: article.title,
            summary: article.summary,
            optional: article.optional,
            verdict: .notApplicable,
            reason: "",
            conditions: [],
            evidence: []
        )
        if let reason = article.notApplicableReason {
            result.reason = reason
            return result
        }
        if let reason = article.notAssessableReason {
            result.verdict = .notAssessable
            result.reason = reason
            return result
        }
        result.conditions = article.requires.map {
            judge($0, finding: analysis.finding($0.provision), taxonomy: taxonomy)
        }
        result.verdict = verdict(result.conditions.map(\.outcome), combine: article.combine)
        result.reason = reason(result.conditions, verdict: result.verdict, combine: article.combine)
        result.evidence = article.requires.flatMap { condition in
            let finding = analysis.finding(condition.provision)
            guard let finding, finding.status == .present else { return [CitedEvidence]() }
            return finding.evidence.prefix(quotesPerProvision).map {
                CitedEvidence(provision: finding.id, start: $0.start, end: $0.end, quote: $0.quote)
            }
        }
        return result
    }

    /// `all`: met when every condition holds, not met when none holds even in part; `any`: met when one
    /// holds. Anything between is partly met.
    static func verdict(_ outcomes: [ConditionOutcome], combine: ConditionCombination) -> ArticleVerdict {
        switch combine {
        case .all:
            if outcomes.allSatisfy({ $0 == .satisfied }) { return .met }
            if outcomes.allSatisfy({ $0 == .unsatisfied }) { return .notMet }
            return .partlyMet
        case .any:
            if outcomes.contains(.satisfied) { return .met }
            if outcomes.contains(.partial) { return .partlyMet }
            return .notMet
        }
    }

    static func reason(
        _ conditions: [ConditionResult],
        verdict: ArticleVerdict,
        combine: ConditionCombination
    ) -> String {
        let sentences = conditions.map(\.reason).joined(separator: " ")
        guard combine == .any, conditions.count > 1 else { return sentences }
        return "Any one of these answers the article. " + sentences
    }

    static func judge(_ condition: ArticleCondition, finding: ProvisionFinding?, taxonomy: Taxonomy) -> ConditionResult
    {
        let name = taxonomy.provision(condition.provision)?.name ?? condition.provision
        let present = finding?.status == .present
        func result(_ outcome: ConditionOutcome, _ reason: String) -> ConditionResult {
            ConditionResult(provision: condition.provision, name: name, outcome: outcome, reason: reason)
        }
        if condition.absent {
            return present
                ? result(.unsatisfied, "The contract has \(quoted(name)), which the article rules out.")
                : result(.satisfied, "No \(quoted(name)) found, as the article asks.")
        }
        guard let finding, present else { return result(.unsatisfied, "No clause found for \(quoted(name)).") }
        let strength = finding.strength ?? .adequate
        if strength < condition.requiredStrength {
            return result(
                .partial,
                "\(quoted(name)) is present but \(strength.rawValue); the article needs at least \(condition.requiredStrength.rawValue)."
            )
        }
        if let bound = condition.maxDuration, let limit = PeriodValue(bound) {
            guard let value = finding.value, let period = PeriodValue(value) else {
                return result(
                    .partial,
                    "\(quoted(name)) is present but states no period; the article allows at most \(bound)."
                )
            }
            if period.hours > limit.hours {
                return result(.partial, "\(quoted(name)) gives \(value); the article allows at most \(bound).")
            }
            return result(.satisfied, "\(quoted(name)) is present (\(strength.rawValue), \(value)).")
        }
        return result(.satisfied, "\(quoted(name)) is present (\(strength.rawValue)).")
    }

    static func quoted(_ name: String) -> String { "\u{201C}\(name)\u{201D}" }
}
