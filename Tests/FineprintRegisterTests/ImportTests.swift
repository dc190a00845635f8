import FineprintRegister
import Foundation
import Testing

@Suite("Register import: CycloneDX and SPDX 3 read, merged on stable keys, bad input refused")
struct ImportTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func read(_ text: String) throws -> ImportedBOM { try CycloneDXReader().read(Data(text.utf8)) }

    @Test func readsComponentsNestedComponentsServicesSuppliersAndTheGraph() throws {
        let bom = try read(BOMFixtures.system())
        #expect(bom.systemName == "Benefits Triage")
        #expect(bom.parts.count == 6)
        let byName = Dictionary(uniqueKeysWithValues: bom.parts.map { ($0.fields.name, $0) })
        #expect(byName["triage-llm"]?.fields.layer == .model)
        #expect(byName["triage-llm"]?.fields.hasModelCard == true)
        #expect(byName["triage-llm"]?.key == "example-model-co/triage-llm@3.1")
        #expect(byName["H100 GPU accelerator"]?.fields.layer == .chip)
        #expect(byName["H100 GPU accelerator"]?.key == "pkg:generic/acme/h100@1")
        #expect(byName["Rack server"]?.fields.layer == .hardware)
        #expect(byName["Rack server"]?.fields.supplier == "Iron Works")
        #expect(byName["Case files"]?.fields.layer == .dataset)
        #expect(byName["Hosted inference API"]?.fields.kind == "service")
        #expect(byName["Hosted inference API"]?.fields.layer == .model)
        #expect(byName["Key management service"]?.fields.layer == .keyManagement)
        #expect(bom.suppliers.first { $0.name == "Example Model Co" }?.country == "FR")
        #expect(bom.edges.count == 7)
        #expect(bom.notes.contains { $0.contains("1 refs") })
    }

    @Test func importingTwiceDuplicatesNothing() throws {
        var register = Register()
        let bom = try read(BOMFixtures.system())
        let first = RegisterImport.merge(bom, into: &register, system: "benefits", at: now)
        let afterFirst = register
        let second = RegisterImport.merge(bom, into: &register, system: "benefits", at: now)
        #expect(first.added.count == 6 && first.systemCreated)
        #expect(second.added.isEmpty && second.changed.isEmpty && second.unchanged == 6 && !second.systemCreated)
        #expect(register.components.count == 6 && register.suppliers.count == 5)
        #expect(register == afterFirst)
        #expect(register.edges.contains(DependencyEdge(from: "system:benefits", to: "example-model-co/triage-llm@3.1")))
    }

    @Test func curatedFieldsSurviveAReimport() throws {
        var register = Register()
        _ = RegisterImport.merge(
            try read(BOMFixtures.system(description: "old")),
            into: &register,
            system: "benefits",
            at: now
        )
        let model = "example-model-co/triage-llm@3.1"
        let gpu = "pkg:generic/acme/h100@1"
        register.setTier(
            TierAssignment(system: "benefits", component: model, tier: .mustControl, rationale: "personal data")
        )
        register.components[model]?.notes = "reviewed by the DPO"
        register.components[model]?.owner = "Benefits Directorate"
        register.components[gpu]?.layerOverride = .hardware
        register.suppliers["example-model-co"]?.lei = "969500ABCDEFGHIJ0123"
        register.suppliers["example-model-co"]?.headquartersCountry = "BE"
        register.systems["benefits"]?.criticality = .critical

        let report = RegisterImport.merge(
            try read(BOMFixtures.system(description: "new")),
            into: &register,
            system: "benefits",
            at: now.addingTimeInterval(60)
        )
        #expect(report.changed.map(\.component) == [model] && report.changed.first?.fields == ["description"])
        #expect(register.components[model]?.imported.description == "new")
        #expect(register.tier(system: "benefits", component: model)?.rationale == "personal data")
        #expect(register.components[model]?.notes == "reviewed by the DPO")
        #expect(register.components[model]?.owner == "Benefits Directorate")
        #expect(register.components[gpu]?.layer == .hardware)
        #expect(register.suppliers["example-model-co"]?.lei == "969500ABCDEFGHIJ0123")
        #expect(register.suppliers["example-model-co"]?.country == "BE")
        #expect(register.systems["benefits"]?.criticality == .critical)
    }

    @Test func aNewVersionIsANewComponentAndTheOldOneIsReportedNotDeleted() throws {
        var register = Register()
        _ = RegisterImport.merge(try read(BOMFixtures.system()), into: &register, system: "benefits", at: now)
        let report = RegisterImport.merge(
            try read(BOMFixtures.system(modelVersion: "3.2", withDataset: false)),
            into: &register,
            system: "benefits",
            at: now
        )
        #expect(report.added == ["example-model-co/triage-llm@3.2"])
        #expect(report.missing == ["example-model-co/triage-llm@3.1", "ministry-data-office/case files"])
        #expect(register.components["example-model-co/triage-llm@3.1"] != nil)
        #expect(register.components["ministry-data-office/case files"] != nil)
        #expect(register.systems["benefits"]?.components.count == 7)
        #expect(register.components["example-model-co/triage-llm@3.2"]?.versionChangedAt == now)
    }

    @Test func badInputGetsAClearError() throws {
        #expect(throws: BOMError.self) { try read("not json at all") }
        #expect(throws: BOMError.notABOM("bomFormat is SPDX, not CycloneDX")) { try read(#"{"bomFormat":"SPDX"}"#) }
        #expect(throws: BOMError.notABOM("the top level is not a JSON object")) { try read("[1,2]") }
        #expect(throws: BOMError.unsupportedVersion("2.0")) {
            try read(#"{"bomFormat":"CycloneDX","specVersion":"2.0"}"#)
        }
        #expect(throws: BOMError.tooDeep(limit: 32)) { try read(BOMFixtures.nested(depth: 40)) }
        var small = CycloneDXReader()
        small.maxBytes = 100
        #expect(throws: BOMError.tooLarge(bytes: BOMFixtures.system().utf8.count, limit: 100)) {
            try small.read(Data(BOMFixtures.system().utf8))
        }
        let cycle = """
            {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","bom-ref":"a","name":"a"},
            {"type":"library","bom-ref":"b","name":"b"}],
            "dependencies":[{"ref":"a","dependsOn":["b"]},{"ref":"b","dependsOn":["a"]}]}
            """
        #expect(throws: BOMError.cycle(["unknown-supplier/a", "unknown-supplier/b", "unknown-supplier/a"])) {
            try read(cycle)
        }
        #expect(try read(BOMFixtures.nested(depth: 20)).parts.count == 21)
        // The minimal valid document is accepted and imports nothing.
        #expect(try read(#"{"bomFormat":"CycloneDX","specVersion":"1.7"}"#).parts.isEmpty)
    }

    @Test func readsSPDX3Packages() throws {
        let spdx = """
            {"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[
             {"type":"Organization","spdxId":"urn:org:1","name":"Example Model Co"},
             {"type":"ai_AIPackage","spdxId":"urn:pkg:model","name":"triage-llm","software_packageVersion":"3.1",
              "suppliedBy":"urn:org:1"},
             {"type":"dataset_DatasetPackage","spdxId":"urn:pkg:data","name":"Case files"},
             {"type":"Relationship","spdxId":"urn:rel:1","from":"urn:pkg:model","to":["urn:pkg:data"],
              "relationshipType":"trainedOn"},
             {"type":"Relationship","spdxId":"urn:rel:2","from":"urn:pkg:model","to":["urn:pkg:data"],
              "relationshipType":"dependsOn"}]}
            """
        let bom = try read(spdx)
        #expect(bom.format == "SPDX 3")
        #expect(bom.parts.map(\.key) == ["example-model-co/triage-llm@3.1", "unknown-supplier/case files"])
        #expect(bom.parts.map(\.fields.layer) == [.model, .dataset])
        #expect(
            bom.edges == [DependencyEdge(from: "example-model-co/triage-llm@3.1", to: "unknown-supplier/case files")]
        )
    }

    @Test func aGeneratedBOMOfFiveThousandComponentsImportsOnceAndComputesMetrics() throws {
        let started = Date()
        let bom = try read(BOMFixtures.generated(count: 5_000))
        var register = Register()
        _ = RegisterImport.merge(bom, into: &register, system: "generated", at: now)
        let again = RegisterImport.merge(bom, into: &register, system: "generated", at: now)
        _ = RegisterMetrics(register, settings: MetricSettings(asOf: now))
        #expect(register.components.count == 5_000 && again.added.isEmpty && again.unchanged == 5_000)
        #expect(register.edges.count == 4_999)
        print("register: read, merged twice and measured 5,000 components in \(Date().timeIntervalSince(started)) s")
    }
}
