import FineprintCore
import FineprintCorpus
import FineprintNegotiation
import FineprintReport
import FineprintStandards
import FineprintTestSupport
import Foundation
import Testing

/// `--standard` in the pack: the crosswalk decides which articles each ask cites, and the standards
/// check which articles the cover lists as unmet.
@Suite("Negotiation pack with a standard")
struct PackStandardTests {
    static func crosswalk(_ id: String = "mcc-ai-high-risk") throws -> Crosswalk {
        try #require(try StandardsLoader.load(fromCorpus: RepositoryPaths.corpus).first { $0.id == id })
    }

    static func pack() throws -> (NegotiationPack, Crosswalk, ReportInput) {
        let input = try PackFixture.input()
        let crosswalk = try Self.crosswalk()
        let pack = PackBuilder(input: input, supplier: "Auroral", date: PackFixture.date, crosswalk: crosswalk).build()
        return (pack, crosswalk, input)
    }

    @Test("each ask cites the articles the crosswalk maps to its provision, first among its sources")
    func asksCiteTheirArticles() throws {
        let (pack, crosswalk, _) = try Self.pack()
        #expect(pack.standard == "mcc-ai-high-risk" && pack.standardName == crosswalk.shortName)
        let gaps = pack.issues.filter { $0.kind != .move }
        #expect(gaps.contains { !$0.articles.isEmpty }, "no ask cites an article of the standard")
        for issue in gaps {
            let mapped = crosswalk.articles.filter { a in a.requires.contains { $0.provision == issue.subject } }
            #expect(issue.articles.map(\.number) == mapped.map(\.number), "\(issue.title)")
            #expect(issue.articles.map(\.title) == mapped.map(\.title))
            if let first = issue.articles.first {
                #expect(issue.basis.first?.text == "\(crosswalk.shortName), \(first.label)")
            }
        }
        // Without the standard nothing is cited from it.
        let plain = try PackFixture.pack()
        #expect(plain.issues.allSatisfy(\.articles.isEmpty) && plain.unmetArticles.isEmpty)
    }

    @Test("the cover lists the articles the standards check found not met")
    func coverListsUnmetArticles() throws {
        let (pack, crosswalk, input) = try Self.pack()
        let check = StandardCheck.run(input.analysis, against: crosswalk, taxonomy: input.corpus.taxonomy)
        let notMet = check.articles.filter { $0.verdict == .notMet }
        #expect(!notMet.isEmpty, "the fixture terms should leave some article unmet")
        #expect(pack.unmetArticles.map(\.number) == notMet.map(\.number))
        let markdown = PackMarkdown.render(pack)
        #expect(markdown.contains("\(crosswalk.shortName): not met"))
        let first = try #require(pack.unmetArticles.first)
        let line = try #require(markdown.split(separator: "\n").first { $0.contains("not met**") })
        #expect(line.contains(first.number) && line.contains(first.title.prefix(12)))
        let document = try #require(DocxRenderer.parts(pack).first { $0.path == "word/document.xml" }?.xml)
        #expect(document.contains("not met"))
    }
}
