import FineprintRegister
import Foundation
import Testing

@Suite("Register edits: checked against the register, refused clearly, kept through a BOM re-import")
struct EditTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let model = "example-model-co/triage-llm@3.1"

    func imported() throws -> Register {
        var register = Register()
        let bom = try CycloneDXReader().read(Data(BOMFixtures.system().utf8))
        _ = RegisterImport.merge(bom, into: &register, system: "benefits", at: now)
        return register
    }

    func reimport(_ register: inout Register) throws {
        let bom = try CycloneDXReader().read(Data(BOMFixtures.system(description: "changed").utf8))
        _ = RegisterImport.merge(bom, into: &register, system: "benefits", at: now.addingTimeInterval(600))
    }

    @Test func everyCuratedEditSurvivesAReimport() throws {
        var register = try imported()
        try register.editTier(
            system: "benefits",
            component: model,
            tier: .mustControl,
            rationale: "  decides benefits "
        )
        try register.recordDrill(
            ExitDrill(
                supplier: "example-model-co",
                kind: .fullSwitch,
                startedAt: now,
                completedAt: now.addingTimeInterval(7200),
                serviceLossMinutes: 0,
                passed: true
            )
        )
        try register.recordAssurance(
            AssuranceRecord(
                system: "benefits",
                component: model,
                testType: "red-team",
                tester: "National AI Lab",
                independence: .external,
                testedAt: now,
                passed: true
            )
        )
        let id = try register.recordIncident(
            Incident(
                id: "",
                system: "benefits",
                kind: .model,
                occurredAt: now,
                detectedAt: now,
                containedAt: nil,
                summary: "drift"
            )
        )
        try register.editSupplier("example-model-co", country: "be", ultimateParent: "Holding SA", allianceClass: .eu)
        let curated = register
        try reimport(&register)
        #expect(register.tier(system: "benefits", component: model)?.rationale == "decides benefits")
        #expect(register.drills == curated.drills && register.drills.count == 1)
        #expect(register.assurance == curated.assurance && register.assurance.count == 1)
        #expect(register.incidents.map(\.id) == [id])
        #expect(register.suppliers["example-model-co"]?.headquartersCountry == "BE")
        #expect(register.suppliers["example-model-co"]?.ultimateParent == "Holding SA")
        #expect(register.countries.allianceClass(of: "BE") == .eu)
        #expect(register.components[model]?.imported.description == "changed", "the import did apply")
    }

    @Test func editsThatDoNotFitTheRegisterAreRefusedWithTheReason() throws {
        let register = try imported()
        let before = register
        func refused(_ expected: String, _ edit: (inout Register) throws -> Void) {
            var copy = register
            do {
                try edit(&copy)
                Issue.record("accepted: \(expected)")
            } catch let error as RegisterEditError {
                #expect(error.description.contains(expected), "\(error.description)")
            } catch { Issue.record("\(error)") }
        }
        refused("no system 'nope'") { try $0.editTier(system: "nope", component: model, tier: .allied, rationale: "x") }
        refused("no component") { try $0.editTier(system: "benefits", component: "x", tier: .allied, rationale: "x") }
        refused("rationale is required") {
            try $0.editTier(system: "benefits", component: model, tier: .allied, rationale: "  ")
        }
        refused("over 4000 characters") {
            try $0.editTier(
                system: "benefits",
                component: model,
                tier: .allied,
                rationale: String(repeating: "a", count: 4_001)
            )
        }
        refused("control characters") {
            try $0.editTier(system: "benefits", component: model, tier: .allied, rationale: "a\u{0}b")
        }
        refused("complete before it started") {
            try $0.recordDrill(
                ExitDrill(
                    supplier: "example-model-co",
                    kind: .partial,
                    startedAt: now,
                    completedAt: now.addingTimeInterval(-1),
                    serviceLossMinutes: 0,
                    passed: true
                )
            )
        }
        refused("no supplier") {
            try $0.recordDrill(
                ExitDrill(
                    supplier: "x",
                    kind: .partial,
                    startedAt: now,
                    completedAt: nil,
                    serviceLossMinutes: 0,
                    passed: true
                )
            )
        }
        refused("contained before it was detected") {
            try $0.recordIncident(
                Incident(
                    id: "",
                    kind: .data,
                    occurredAt: nil,
                    detectedAt: now,
                    containedAt: now.addingTimeInterval(-60),
                    summary: "leak"
                )
            )
        }
        refused("not a two-letter country code") {
            try $0.editSupplier("example-model-co", country: "Belgium", ultimateParent: nil, allianceClass: nil)
        }
        refused("give the supplier's country first") {
            try $0.editSupplier("iron-works", country: "", ultimateParent: nil, allianceClass: .allied)
        }
        refused("not a component of") {
            try $0.recordAssurance(
                AssuranceRecord(
                    system: "benefits",
                    component: "x",
                    testType: "bias",
                    tester: "lab",
                    independence: .external,
                    testedAt: now,
                    passed: true
                )
            )
        }
        #expect(register == before)
    }

    @Test func incidentsGetTheirOwnIdsAndMoveTheIncidentMetric() throws {
        var register = try imported()
        let settings = MetricSettings(asOf: now.addingTimeInterval(86_400))
        let before = RegisterMetrics(register, settings: settings).incidentResponse
        let first = try register.recordIncident(
            Incident(
                id: "",
                kind: .model,
                occurredAt: now,
                detectedAt: now.addingTimeInterval(3_600),
                containedAt: now.addingTimeInterval(7_200),
                summary: "a"
            )
        )
        let second = try register.recordIncident(
            Incident(id: first, kind: .data, occurredAt: nil, detectedAt: now, containedAt: nil, summary: "b")
        )
        #expect(first != second && register.incidents.count == 2)
        let after = RegisterMetrics(register, settings: settings).incidentResponse
        #expect(after.denominator == before.denominator + 2)
        #expect(after.numerator == before.numerator + 1)
        #expect(after.detect.medianHours == 1)
    }
}
