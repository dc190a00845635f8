import FineprintCore
import FineprintCorpus
import FineprintStandards
import FineprintTestSupport
import Foundation
import Testing

/// The bundled crosswalks validate, and each validation rule rejects a bad crosswalk with a message that
/// names the file and the article.
struct CrosswalkValidationTests {
    static let requiredStandards = [
        "data-act-switching", "dora-art-30", "eu-cloud-sovereignty", "gsar-552-239-7001", "mcc-ai-high-risk",
        "mcc-ai-light", "omb-m-25-22",
    ]

    func taxonomy() throws -> Taxonomy { try BundledCorpus.corpus.get().taxonomy }

    /// A valid crosswalk with one mapped article; each test breaks one thing.
    func sample(_ articles: [StandardArticle]? = nil) -> Crosswalk {
        Crosswalk(
            id: "sample-standard",
            title: "A sample standard",
            shortName: "Sample",
            version: "1",
            source: CrosswalkSource(
                url: "https://example.org/standard",
                reviewed: "2026-12-05",
                urlVerified: false,
                verification: "Written for this test."
            ),
            scope: "Tests the validator.",
            articles: articles ?? [
                StandardArticle(
                    number: "1",
                    title: "Audit",
                    summary: "The buyer may audit.",
                    requires: [ArticleCondition(provision: "audit_rights")]
                )
            ]
        )
    }

    func messages(_ crosswalk: Crosswalk) throws -> [String] {
        CrosswalkValidator.validate(crosswalk, taxonomy: try taxonomy()).map(\.description)
    }

    @Test func everyBundledCrosswalkValidates() throws {
        let crosswalks = try StandardsLoader.load(fromCorpus: RepositoryPaths.corpus)
        #expect(crosswalks.map(\.id) == Self.requiredStandards)
        let problems = CrosswalkValidator.validate(crosswalks, taxonomy: try taxonomy())
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        for crosswalk in crosswalks {
            #expect(crosswalk.articles.count >= 9, "\(crosswalk.id) lists only \(crosswalk.articles.count) articles")
        }
    }

    @Test func theSampleIsValid() throws {
        #expect(try messages(sample()).isEmpty)
    }

    @Test func anUnknownProvisionFails() throws {
        let bad = sample([
            StandardArticle(
                number: "4",
                title: "Data",
                summary: "Data stays home.",
                requires: [ArticleCondition(provision: "data_sovereignty_magic")]
            )
        ])
        #expect(
            try messages(bad) == [
                "standards/sample-standard.yaml: article 4: names unknown provision 'data_sovereignty_magic'"
            ]
        )
    }

    @Test func anArticleWithNeitherMappingNorReasonFails() throws {
        let bad = sample([StandardArticle(number: "2", title: "Risk", summary: "Manage risk.")])
        #expect(try messages(bad).contains { $0.contains("article 2: maps no provision and gives no") })
    }

    @Test func anArticleWithTwoAnswersFails() throws {
        let bad = sample([
            StandardArticle(
                number: "3",
                title: "Logs",
                summary: "Keep logs.",
                requires: [ArticleCondition(provision: "logging")],
                notApplicableReason: "Not for suppliers."
            )
        ])
        #expect(try messages(bad).contains { $0.contains("article 3: give either provisions") })
    }

    @Test func aDuplicateNumberFails() throws {
        let article = StandardArticle(
            number: "7",
            title: "Oversight",
            summary: "People decide.",
            notAssessableReason: "x"
        )
        #expect(try messages(sample([article, article])).contains { $0.hasSuffix("article 7 is listed twice") })
    }

    @Test func aSourceNeedsAnHTTPSAddressAndAReviewDate() throws {
        var bad = sample()
        bad.source.url = "ftp://example.org/standard"
        bad.source.reviewed = "2026-02-30"
        let found = try messages(bad)
        #expect(found.contains { $0.contains("must be an https address") })
        #expect(found.contains { $0.contains("reviewed '2026-02-30' must be a date written YYYY-MM-DD") })
    }

    @Test func conditionsMustFitTheirProvisions() throws {
        let bad = sample([
            StandardArticle(
                number: "9",
                title: "Mixed",
                summary: "Several mistakes.",
                requires: [
                    ArticleCondition(provision: "unilateral_change"),
                    ArticleCondition(provision: "audit_rights", absent: true),
                    ArticleCondition(provision: "logging", maxDuration: "72 hours"),
                    ArticleCondition(provision: "breach_notification", maxDuration: "soon"),
                ]
            )
        ])
        let found = try messages(bad)
        #expect(found.contains { $0.contains("'unilateral_change' is a hazard") })
        #expect(found.contains { $0.contains("'audit_rights' is a protection") })
        #expect(found.contains { $0.contains("'logging' carries no period") })
        #expect(found.contains { $0.contains("max_duration 'soon' is not a period") })
    }

    @Test func theLoaderNamesAFileWhoseIdDoesNotMatch() throws {
        let corpus = try TemporaryFiles.folder("fineprint-standards")
        try TemporaryFiles.write(
            """
            schema: fineprint.standard/1
            id: another-name
            title: T
            short_name: T
            version: "1"
            source: {url: "https://example.org", reviewed: "2026-12-05", url_verified: false, verification: v}
            scope: s
            articles: []
            """,
            to: "standards/sample.yaml",
            in: corpus
        )
        #expect(throws: CorpusError.self) { try StandardsLoader.load(fromCorpus: corpus) }
        do {
            _ = try StandardsLoader.load(fromCorpus: corpus)
        } catch let error as CorpusError {
            #expect(error.description.contains("standards/sample.yaml: id 'another-name' does not match"))
        }
    }

    @Test func theLoaderRejectsAnotherSchema() throws {
        let corpus = try TemporaryFiles.folder("fineprint-standards")
        try TemporaryFiles.write("schema: fineprint.playbook/1\nid: x\n", to: "standards/x.yaml", in: corpus)
        do {
            _ = try StandardsLoader.load(fromCorpus: corpus)
            Issue.record("a file of another schema was accepted")
        } catch let error as CorpusError {
            #expect(error.message.contains("expected 'fineprint.standard/1'"))
        }
    }
}
