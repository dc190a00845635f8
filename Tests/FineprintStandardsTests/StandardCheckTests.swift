import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintIngest
import FineprintStandards
import FineprintTestSupport
import Foundation
import Testing

/// The check on our synthetic contracts (Tests/Fixtures/contracts, whose README says what each contract
/// contains), and the verdict rules on findings written by hand.
struct StandardCheckTests {
    func check(_ contract: String, against id: String) throws -> StandardCheckResult {
        let corpus = try BundledCorpus.corpus.get()
        let analyzer = try BundledCorpus.analyzer.get()
        let crosswalk = try #require(try StandardsLoader.load(fromCorpus: RepositoryPaths.corpus).first { $0.id == id })
        let document = try DocumentReader().read(fileAt: RepositoryPaths.contracts.appendingPathComponent(contract))
        let playbook = try #require(corpus.playbook("tier1"))
        return StandardCheck.run(
            analyzer.analyze(document, playbook: playbook),
            against: crosswalk,
            taxonomy: corpus.taxonomy
        )
    }

    func verdict(_ result: StandardCheckResult, _ number: String) -> ArticleVerdict? {
        result.articles.first { $0.number == number }?.verdict
    }

    @Test func theBuyerProtectiveAgreementMeetsTheHighRiskClauses() throws {
        let result = try check("sovereign-framework-agreement.txt", against: "mcc-ai-high-risk")
        #expect(result.articles.count == 21)
        // Art. 18 automatic logs, Art. 6 review/override/stop, Art. 22 per-case explanations,
        // Art. 21 audits by the Authority and auditors, Art. 27.1 indemnity.
        for number in ["5", "7", "14", "20", "18"] { #expect(verdict(result, number) == .met, "article \(number)") }
        #expect(verdict(result, "1") == .notApplicable)
        #expect(verdict(result, "10") == .notAssessable)
        let logs = try #require(result.articles.first { $0.number == "5" })
        #expect(!logs.evidence.isEmpty)
        #expect(logs.evidence.allSatisfy { $0.provision == "logging" && $0.end > $0.start })
    }

    @Test func theVendorTermsFailWhereTheyAreSilentOrWeak() throws {
        let result = try check("vendor-ai-terms.md", against: "mcc-ai-high-risk")
        // No logging, no AI incident reporting, no explanation help: not met. §8 offers a SOC 2 report in
        // lieu of audit: present but weak, so partly met.
        for number in ["5", "13", "14"] { #expect(verdict(result, number) == .notMet, "article \(number)") }
        #expect(verdict(result, "20") == .partlyMet)
        let total =
            result.summary.met + result.summary.partlyMet + result.summary.notMet
            + result.summary.notApplicable + result.summary.notAssessable
        #expect(total == result.articles.count)
        #expect(result.articles.first { $0.number == "5" }?.reason.contains("No clause found") == true)
    }

    @Test func theIncidentDeadlineDecidesTheGSARReportingRequirement() throws {
        // Sovereign agreement: breach notice within 24 hours of awareness. Vendor terms: "without undue
        // delay after confirming", no hours. No export right in the vendor terms at all.
        let strong = try check("sovereign-framework-agreement.txt", against: "gsar-552-239-7001")
        #expect(verdict(strong, "R7") == .met)
        let weak = try check("vendor-ai-terms.md", against: "gsar-552-239-7001")
        #expect(verdict(weak, "R7") == .partlyMet)
        #expect(verdict(weak, "R11") == .notMet)
        #expect(verdict(weak, "R10") == .notAssessable)
    }

    @Test func portabilityUnderTheDataAct() throws {
        let strong = try check("sovereign-framework-agreement.txt", against: "data-act-switching")
        #expect(verdict(strong, "25(2)(e)") == .met)
        #expect(verdict(strong, "31") == .notApplicable)
        let weak = try check("vendor-ai-terms.md", against: "data-act-switching")
        #expect(verdict(weak, "30") == .notMet)
    }

    // MARK: - Verdict rules on hand-written findings

    func analysis(_ findings: [ProvisionFinding]) -> Analysis {
        Analysis(
            document: DocumentSummary(name: "hand.txt", sha256: "0", format: .txt, characters: 100),
            profile: "tier1",
            provisions: findings,
            killListMoves: [],
            dimensions: [],
            gaps: [],
            score: 0,
            timings: Timings(milliseconds: 0)
        )
    }

    func finding(_ id: String, _ strength: Strength?, value: String? = nil) -> ProvisionFinding {
        ProvisionFinding(
            id: id,
            dimension: "security",
            status: strength == nil ? .absent : .present,
            confidence: 0.9,
            strength: strength,
            value: value,
            evidence: strength == nil ? [] : [Evidence(start: 10, end: 20, quote: "quote for \(id)")]
        )
    }

    func judge(_ article: StandardArticle, _ findings: [ProvisionFinding]) throws -> ArticleResult {
        let crosswalk = Crosswalk(
            id: "hand",
            title: "Hand",
            shortName: "Hand",
            version: "1",
            source: CrosswalkSource(
                url: "https://example.org",
                reviewed: "2026-12-05",
                urlVerified: false,
                verification: "v"
            ),
            scope: "s",
            articles: [article]
        )
        let taxonomy = try BundledCorpus.corpus.get().taxonomy
        return try #require(
            StandardCheck.run(analysis(findings), against: crosswalk, taxonomy: taxonomy).articles.first
        )
    }

    @Test func aDeadlineLongerThanTheBoundIsOnlyPartlyMet() throws {
        let article = StandardArticle(
            number: "R7",
            title: "Incidents",
            summary: "Report within 72 hours.",
            requires: [ArticleCondition(provision: "breach_notification", maxDuration: "72 hours")]
        )
        #expect(try judge(article, [finding("breach_notification", .strong, value: "48 hours")]).verdict == .met)
        let late = try judge(article, [finding("breach_notification", .strong, value: "7 days")])
        #expect(late.verdict == .partlyMet)
        #expect(late.reason.contains("gives 7 days; the article allows at most 72 hours"))
        #expect(try judge(article, [finding("breach_notification", .strong)]).verdict == .partlyMet)
        #expect(try judge(article, [finding("breach_notification", nil)]).verdict == .notMet)
    }

    @Test func aHazardMeetsTheArticleOnlyWhenAbsent() throws {
        let article = StandardArticle(
            number: "R14",
            title: "Precedence",
            summary: "The contract wins.",
            requires: [ArticleCondition(provision: "acceptable_use_binding", absent: true)]
        )
        #expect(try judge(article, [finding("acceptable_use_binding", nil)]).verdict == .met)
        let bound = try judge(article, [finding("acceptable_use_binding", .weak)])
        #expect(bound.verdict == .notMet)
        #expect(bound.evidence.map(\.quote) == ["quote for acceptable_use_binding"])
    }

    @Test func allAndAnyCombineConditionsDifferently() throws {
        let conditions = [ArticleCondition(provision: "audit_rights"), ArticleCondition(provision: "logging")]
        let findings = [finding("audit_rights", .strong), finding("logging", nil)]
        let all = StandardArticle(number: "1", title: "A", summary: "s", requires: conditions, combine: .all)
        let any = StandardArticle(number: "2", title: "B", summary: "s", requires: conditions, combine: .any)
        #expect(try judge(all, findings).verdict == .partlyMet)
        #expect(try judge(any, findings).verdict == .met)
        let weakOnly = [finding("audit_rights", .weak), finding("logging", nil)]
        #expect(try judge(any, weakOnly).verdict == .partlyMet)
        #expect(try judge(all, [finding("audit_rights", nil), finding("logging", nil)]).verdict == .notMet)
    }

    @Test func aReasonStandsInForConditions() throws {
        let notApplicable = StandardArticle(
            number: "21",
            title: "Costs",
            summary: "s",
            notApplicableReason: "A price term."
        )
        let result = try judge(notApplicable, [finding("audit_rights", .strong)])
        #expect(result.verdict == .notApplicable)
        #expect(result.reason == "A price term.")
        #expect(result.evidence.isEmpty)
    }
}
