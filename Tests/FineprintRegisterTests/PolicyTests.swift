import FineprintRegister
import FineprintTestSupport
import Foundation
import Testing

@Suite("Register policies: the shipped file is valid, every condition fires and stays quiet when met")
struct PolicyTests {
    typealias F = RegisterFixtures

    func run(_ policy: Policy, _ register: Register) -> [PolicyViolation] {
        PolicyEvaluation.evaluate([policy], on: register, settings: MetricSettings(asOf: F.asOf))
    }

    func policy(_ condition: PolicyCondition, _ edit: (inout Policy) -> Void = { _ in }) -> Policy {
        var policy = Policy(id: condition.rawValue, title: "t", severity: .fail, condition: condition)
        edit(&policy)
        return policy
    }

    @Test func theShippedPoliciesAreValid() throws {
        let text = try String(
            contentsOf: RepositoryPaths.corpus.appendingPathComponent("register/policies.yaml"),
            encoding: .utf8
        )
        let file = try PolicyFile.decode(yaml: text)
        #expect(Set(file.policies.map(\.condition)) == Set(PolicyCondition.allCases))
    }

    @Test func aBadPolicyFileNamesItsProblems() {
        #expect(throws: PolicyError.self) {
            try PolicyFile.decode(
                yaml: "policies:\n  - {id: x, title: t, severity: BAD, condition: single-cloud-provider}"
            )
        }
        do {
            _ = try PolicyFile.decode(
                yaml:
                    "policies:\n  - {id: x, title: t, severity: WARN, condition: single-cloud-provider}\n  - {id: x, title: t, severity: WARN, condition: tier1-without-exit-plan}"
            )
            Issue.record("accepted a policy without its parameter and a repeated id")
        } catch let error as PolicyError {
            #expect(error.problems == ["policy id x is used twice", "x: single-cloud-provider needs minimum ≥ 1"])
        } catch { Issue.record("\(error)") }
    }

    @Test func tierOneKeysNotInTheBuyersCustody() {
        let violations = run(policy(.tier1KeysNotInCustody), F.keyControl())
        #expect(violations.map(\.component) == ["kms-b"])
        #expect(violations.first?.system == "b" && violations.first?.severity == .fail)
    }

    @Test func aCriticalSystemOnOneCloudGroup() {
        var r = Register()
        r.suppliers = [
            "sub": Supplier(id: "sub", name: "Sub", ultimateParent: "parent"),
            "parent": Supplier(id: "parent", name: "Parent"),
        ]
        r.components = [
            "c1": F.component("c1", .cloud, supplier: "sub"), "c2": F.component("c2", .cloud, supplier: "parent"),
        ]
        r.systems["s"] = RegisterSystem(id: "s", name: "S", criticality: .critical, components: ["c1", "c2"])
        let rule = policy(.singleCloudProvider) { $0.minimum = 2 }
        // Two suppliers, one group: still one provider.
        #expect(run(rule, r).count == 1)
        r.suppliers["other"] = Supplier(id: "other", name: "Other")
        r.components["c3"] = F.component("c3", .cloud, supplier: "other")
        r.systems["s"]?.components.insert("c3")
        #expect(run(rule, r).isEmpty)
        r.systems["s"]?.criticality = .important
        r.systems["s"]?.components = ["c1"]
        #expect(run(rule, r).isEmpty)
    }

    @Test func aModelWithoutARecentIndependentTest() {
        var r = Register()
        r.components["m"] = F.component("m", .model, supplier: nil)
        r.systems["s"] = RegisterSystem(id: "s", name: "S", criticality: .critical, components: ["m"])
        let rule = policy(.modelWithoutIndependentTest) { $0.months = 12 }
        #expect(run(rule, r).count == 1)
        r.assurance = [
            AssuranceRecord(
                system: "s",
                testType: "safety",
                tester: "Lab",
                independence: .external,
                testedAt: F.date("2026-03-01T00:00:00Z"),
                passed: true
            )
        ]
        #expect(run(rule, r).isEmpty)
        #expect(run(policy(.modelWithoutIndependentTest) { $0.months = 6 }, r).count == 1)
    }

    @Test func aSupplierOutsideTheAllowedAllianceClasses() {
        var r = F.keyControl()
        r.countries = CountryTable(domestic: ["EE"], allied: ["US"])
        let rule = policy(.supplierAllianceNotAllowed) {
            $0.tier = 1
            $0.allowed = [.domestic, .eu]
        }
        let violations = run(rule, r)
        #expect(violations.map(\.component) == ["kms-b"] && violations.first?.message.contains("allied") == true)
        r.suppliers["big"]?.headquartersCountry = nil
        #expect(run(rule, r).first?.message.contains("unknown") == true)
        r.suppliers["big"]?.headquartersCountry = "EE"
        #expect(run(rule, r).isEmpty)
    }

    @Test func aTierOneSupplierWithoutAnExitPlan() {
        var r = F.keyControl()
        #expect(Set(run(policy(.tier1WithoutExitPlan), r).compactMap(\.component)) == ["hsm-a", "kms-b"])
        r.exitPlans = [ExitPlan(supplier: "own", target: "in-house"), ExitPlan(supplier: "big", target: "own")]
        #expect(run(policy(.tier1WithoutExitPlan), r).isEmpty)
        r.exitPlans = []
        r.suppliers["own"]?.inHouse = true
        r.suppliers["big"]?.inHouse = true
        #expect(run(policy(.tier1WithoutExitPlan), r).isEmpty)
    }

    @Test func aTierOneControlNotEvidenced() {
        var r = F.keyControl()
        let rule = policy(.tier1ControlNotEvidenced) { $0.controls = [.keyControl, .exitAssistance] }
        let violations = run(rule, r)
        #expect(violations.count == 3)
        #expect(
            violations.first { $0.system == "b" }?.message
                == "not shown to hold: key-control not given, exit-assistance unknown"
        )
        r.facts += [
            F.fact("hsm-a", .exitAssistance, .holds, .contract), F.fact("kms-b", .exitAssistance, .holds, .contract),
        ]
        r.facts.removeAll { $0.component == "kms-b" && $0.source == .attestation }
        #expect(run(rule, r).isEmpty)
    }
}
