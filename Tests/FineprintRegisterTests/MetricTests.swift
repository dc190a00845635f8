import FineprintRegister
import Foundation
import Testing

@Suite("The five register metrics on hand-computed fixtures, unknowns included")
struct MetricTests {
    typealias F = RegisterFixtures

    @Test func keyControlAndAuditLogs() {
        let metric = KeyControlMetric(F.keyControl())
        // Critical: a passes; b fails (the attestation that keys are the provider's wins over the
        // contract); c is unknown (no key management recorded). d is important, shown apart.
        #expect(metric.numerator == 1 && metric.denominator == 3 && metric.unknowns == 1)
        #expect(metric.keyControl.numerator == 1 && metric.keyControl.unknowns == 1)
        #expect(metric.auditLogs.numerator == 3 && metric.auditLogs.denominator == 3)
        #expect(metric.important.numerator == 1 && metric.important.denominator == 1)
        #expect(metric.bySector["finance"]?.numerator == 1 && metric.bySector["finance"]?.denominator == 2)
        #expect(metric.bySector["health"]?.unknowns == 1)
        #expect(metric.systems.first { $0.system == "b" }?.verdict == .fail)
    }

    @Test func keyManagementWithoutATierIsUnknownAndBelowTierOneFails() {
        var r = F.keyControl()
        r.tiers["a"] = nil
        #expect(KeyControlMetric(r).systems.first { $0.system == "a" }?.keyControl == .unknown)
        r.setTier(TierAssignment(system: "a", component: "hsm-a", tier: .market, rationale: "bought"))
        #expect(KeyControlMetric(r).systems.first { $0.system == "a" }?.keyControl == .fail)
    }

    @Test func exitTimeFromCleanTimedDrillsOnly() {
        var r = F.keyControl()
        r.components["model"] = F.component("model", .model, supplier: "vendor")
        r.components["tool"] = F.component("tool", .software, supplier: "small")
        r.components["tool"]?.substitutability = .notSubstitutable
        r.systems["a"]?.components.formUnion(["model"])
        r.systems["x"] = RegisterSystem(id: "x", name: "X", criticality: .other, components: ["tool"])
        let start = F.date("2026-05-01T00:00:00Z")
        r.drills = [
            ExitDrill(
                supplier: "own",
                kind: .fullSwitch,
                startedAt: start,
                completedAt: start.addingTimeInterval(10 * 3600),
                serviceLossMinutes: 0,
                passed: true
            ),
            ExitDrill(
                supplier: "vendor",
                kind: .partial,
                startedAt: start,
                completedAt: start.addingTimeInterval(30 * 3600),
                serviceLossMinutes: 0,
                passed: true
            ),
            // Not counted: service was lost, or nothing moved (tabletop), or it failed.
            ExitDrill(
                supplier: "big",
                kind: .failover,
                startedAt: start,
                completedAt: start.addingTimeInterval(3600),
                serviceLossMinutes: 20,
                passed: true
            ),
            ExitDrill(
                supplier: "small",
                kind: .tabletop,
                startedAt: start,
                completedAt: start.addingTimeInterval(3600),
                serviceLossMinutes: 0,
                passed: true
            ),
        ]
        r.exitPlans = [ExitPlan(supplier: "big", target: "own", contractualBoundDays: 90)]
        let metric = ExitTimeMetric(r)
        // Key vendors: own, big, vendor (critical systems) and small (not substitutable): 4.
        #expect(metric.denominator == 4 && metric.numerator == 2 && metric.unknowns == 2)
        #expect(metric.meanHours == 20 && metric.medianHours == 20 && metric.maxHours == 30)
        #expect(metric.shareNeverTested == 0.5)
        #expect(metric.vendors.first { $0.supplier == "big" }?.contractualBoundDays == 90)
        #expect(metric.vendors.first { $0.supplier == "big" }?.tested == false)
        #expect(metric.byTier["1"]?.denominator == 2)
    }

    @Test func diversityByParentAndCountryWithUnknowns() {
        var r = Register()
        r.suppliers = [
            "sub": Supplier(id: "sub", name: "Sub", headquartersCountry: "GB", ultimateParent: "parent"),
            "parent": Supplier(id: "parent", name: "Parent", headquartersCountry: "US"),
            "local": Supplier(id: "local", name: "Local", headquartersCountry: "EE"),
        ]
        for part in [
            F.component("c1", .cloud, supplier: "sub"), F.component("c2", .cloud, supplier: "parent"),
            F.component("c3", .cloud, supplier: "local"), F.component("c4", .cloud, supplier: nil),
        ] { r.components[part.id] = part }
        r.systems["s"] = RegisterSystem(
            id: "s",
            name: "S",
            criticality: .critical,
            components: ["c1", "c2", "c3", "c4"]
        )
        r.systems["t"] = RegisterSystem(id: "t", name: "T", criticality: .other, components: ["c3"])
        let metric = DiversityMetric(r)
        let cloud = metric.layers.first { $0.layer == .cloud }!
        // By parent: parent 2 of 3 known, local 1 of 3: HHI = 4/9 + 1/9 = 5/9, N = 1.8; c4 unknown.
        #expect(cloud.dependencies == 4 && cloud.byParent.unknowns == 1)
        #expect(abs(cloud.byParent.hhi! - 5.0 / 9.0) < 1e-9 && cloud.byParent.hhiPoints == 5556)
        #expect(abs(cloud.byParent.effectiveNumber! - 1.8) < 1e-9)
        // By country: GB, US, EE one each: HHI = 1/3, N = 3.
        #expect(abs(cloud.byCountry.effectiveNumber! - 3) < 1e-9)
        #expect(metric.numerator == 3 && metric.denominator == 4 && metric.unknowns == 1)
        #expect(abs(metric.minimumEffectiveSuppliers! - 1.8) < 1e-9)
    }

    @Test func independentTestingAndMonitoring() {
        var r = Register()
        for (system, sector) in [
            ("pass", Sector.health), ("internal", .health), ("none", .justice), ("changed", .finance),
        ] {
            r.components["m-\(system)"] = F.component("m-\(system)", .model, supplier: nil, version: "2")
            r.systems[system] = RegisterSystem(
                id: system,
                name: system,
                sector: sector,
                criticality: .critical,
                monitored: true,
                components: ["m-\(system)"]
            )
        }
        r.systems["none"]?.monitored = nil
        r.components["m-changed"]?.versionChangedAt = F.date("2026-09-01T00:00:00Z")
        let tested = F.date("2026-06-01T00:00:00Z")
        r.assurance = [
            AssuranceRecord(
                system: "pass",
                testType: "safety",
                tester: "Lab",
                independence: .external,
                testedAt: tested,
                modelVersion: "2",
                passed: true
            ),
            AssuranceRecord(
                system: "internal",
                testType: "safety",
                tester: "Team",
                independence: .internal,
                testedAt: tested,
                passed: true
            ),
            AssuranceRecord(
                system: "changed",
                testType: "safety",
                tester: "Lab",
                independence: .external,
                testedAt: tested,
                passed: true
            ),
        ]
        let metric = AssuranceMetric(r, settings: MetricSettings(asOf: F.asOf))
        // pass passes; internal fails (not independent); changed fails (model changed after the test);
        // none is unknown (no test recorded, monitoring not recorded).
        #expect(metric.numerator == 1 && metric.denominator == 4 && metric.unknowns == 1)
        #expect(metric.deployments.first { $0.system == "changed" }?.tested == .fail)
        #expect(metric.bySector["health"]?.numerator == 1 && metric.bySector["health"]?.denominator == 2)
        let later = AssuranceMetric(r, settings: MetricSettings(asOf: F.date("2027-07-01T00:00:00Z")))
        #expect(later.numerator == 0)
    }

    @Test func timeToDetectAndContain() {
        var r = Register()
        let t0 = F.date("2026-10-01T00:00:00Z")
        func incident(_ id: String, _ kind: IncidentKind, detect: Double?, contain: Double?) -> Incident {
            let detected = t0.addingTimeInterval(100 * 3600)
            return Incident(
                id: id,
                kind: kind,
                occurredAt: detect.map { detected.addingTimeInterval(-$0 * 3600) },
                detectedAt: detected,
                containedAt: contain.map { detected.addingTimeInterval($0 * 3600) },
                summary: id
            )
        }
        r.incidents = [
            incident("a", .model, detect: 2, contain: 1), incident("b", .model, detect: 4, contain: 3),
            incident("c", .data, detect: 10, contain: nil), incident("d", .data, detect: nil, contain: 5),
            incident("e", .availability, detect: 1, contain: 1),
        ]
        let metric = IncidentMetric(r, settings: MetricSettings(asOf: F.asOf))
        // Model and data only: a, b, c, d. TTD known for 3 (2, 4, 10): median 4, p90 10.
        // TTC known for 3 (1, 3, 5): median 3, p90 5.
        #expect(metric.denominator == 4 && metric.numerator == 2 && metric.unknowns == 2)
        #expect(metric.detect.medianHours == 4 && metric.detect.p90Hours == 10 && metric.detect.count == 3)
        #expect(metric.contain.medianHours == 3 && metric.contain.p90Hours == 5)
        #expect(metric.byKind["data"]?.incidents == 2 && metric.byKind["availability"] == nil)
    }

    @Test func snapshotsCompareValuesNotDates() {
        let a = RegisterMetrics(F.keyControl(), settings: MetricSettings(asOf: F.asOf))
        let b = RegisterMetrics(F.keyControl(), settings: MetricSettings(asOf: F.asOf.addingTimeInterval(60)))
        #expect(a.sameValues(as: b))
        var changed = F.keyControl()
        changed.facts.removeAll()
        #expect(!a.sameValues(as: RegisterMetrics(changed, settings: MetricSettings(asOf: F.asOf))))
    }
}
