import FineprintCore
import FineprintReport
import Foundation
import Testing
import Yams

/// The buyer's home jurisdictions: read from a playbook file, and compared place by place.
@Suite struct HomeJurisdictionTests {
    @Test func aPlaybookFileNamesItsHomeJurisdictions() throws {
        let yaml = """
            id: ministry
            name: Ministry
            description: Our own tier.
            home_jurisdictions: [Ireland, Dublin]
            requirements:
              - { provision: governing_law, level: required, weight: 1 }
            """
        let playbook = try YAMLDecoder().decode(Playbook.self, from: yaml)
        #expect(playbook.homeJurisdictions == ["Ireland", "Dublin"])
        // Without the field, no home: everything named is possibly foreign.
        let bare = try YAMLDecoder().decode(
            Playbook.self,
            from: yaml.replacingOccurrences(of: "home_jurisdictions: [Ireland, Dublin]\n", with: "")
        )
        #expect(bare.homeJurisdictions.isEmpty)
        #expect(bare.isForeign("Ireland"))
    }

    @Test(arguments: [
        ("Ireland", false), ("courts of Ireland", false), ("arbitration (ICC), Dublin", false), ("IRELAND", false),
        ("Northern Ireland, UK", true), ("courts of California, USA", true), ("arbitration (ICC), Paris", true),
    ])
    func eachPlaceOfAValueIsComparedWhole(_ value: String, _ foreign: Bool) {
        let playbook = Playbook(
            id: "p",
            name: "p",
            description: "",
            requirements: [],
            homeJurisdictions: ["Ireland", "Dublin"]
        )
        #expect(playbook.isForeign(value) == foreign)
    }

    @Test func theAnalysisAndItsReportsSayWhichHomeWasAssumed() throws {
        let text =
            "These Terms are governed by the laws of Ireland, and the courts of Ireland have exclusive jurisdiction."
        let corpus = try Repo.corpus.get()
        let withHome = try Repo.analyze(text, home: ["Ireland"])
        #expect(withHome.homeJurisdictions == ["Ireland"])
        #expect(withHome.move("foreign_law_and_forum") == nil)
        let input = ReportInput(
            analysis: withHome,
            corpus: corpus,
            playbook: try requirePlaybook(corpus, "tier1"),
            text: text
        )
        for format in [ReportFormat.text, .markdown, .html] {
            #expect(
                try ReportRenderer.render(input, as: format).lowercased().contains("home jurisdictions"),
                "\(format)"
            )
        }
        let json = try JSONReport.render(withHome)
        #expect(try JSONReport.decode(Data(json.utf8)).homeJurisdictions == ["Ireland"])
        // Without a home the field is left out of the JSON, as the spec's fields stand.
        let without = try Repo.analyze(text)
        #expect(without.homeJurisdictions == nil)
        #expect(!(try JSONReport.render(without)).contains("homeJurisdictions"))
        #expect(without.move("foreign_law_and_forum") != nil)
    }
}
