import FineprintSignals
import FineprintTestSupport
import Foundation
import Testing

@Suite("Source declarations in corpus/signals")
struct SourceCatalogTests {
    @Test func theShippedSourcesValidateAndAreAllDisabled() throws {
        let catalog = try SignalFixtures.catalog.get()
        #expect(catalog.sources.count >= 12)
        let files = try FileManager.default.contentsOfDirectory(
            atPath: RepositoryPaths.corpus.appendingPathComponent("signals/sources").path
        )
        #expect(catalog.validate(fileNames: files.filter { $0.hasSuffix(".yaml") }).isEmpty)
        #expect(catalog.sources.allSatisfy { !$0.enabled })
        let kinds = Set(catalog.sources.map(\.kind))
        #expect(kinds.isSuperset(of: [.atom, .rss, .federalRegister, .html]))
    }

    @Test func theFederalRegisterQueryKeepsRepeatedBracketedParameters() throws {
        let url = try #require(try SignalFixtures.source("fr_ai_docs").requestURL?.absoluteString)
        #expect(url.contains("conditions%5Btype%5D%5B%5D=RULE&conditions%5Btype%5D%5B%5D=PRORULE"))
    }

    @Test func badDeclarationsAreReported() throws {
        var source = try SignalFixtures.declared("Bad-Id", kind: "html", address: "http://example.gov/x")
        source.include = ["(unclosed"]
        let problems = SignalSourceCatalog(sources: [source, source]).validate(fileNames: ["other.yaml"])
        for fragment in [
            "duplicate id", "snake_case", "https", "not a regular expression", "link_pattern", "file name",
        ] {
            #expect(problems.contains { $0.contains(fragment) }, "\(fragment)")
        }
    }
}
