import FineprintCore
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
        let bare = try YAMLDecoder().decode(Playbook.self, from: yaml.replacingOccurrences(of: "home_jurisdictions: [Ireland, Dublin]\n", with: ""))
        #expect(bare.homeJurisdictions.isEmpty)
        #expect(bare.isForeign("Ireland"))
    }

    @Test(arguments: [
        ("Ireland", false), ("courts of Ireland", false), ("arbitration (ICC), Dublin", false), ("IRELAND", false),
        ("Northern Ireland, UK", true), ("courts of California, USA", true), ("arbitration (ICC), Paris", true),
    ])
    func eachPlaceOfAValueIsComparedWhole(_ value: String, _ foreign: Bool) {
        let playbook = Playbook(id: "p", name: "p", description: "", requirements: [], homeJurisdictions: ["Ireland", "Dublin"])
        #expect(playbook.isForeign(value) == foreign)
    }
}
