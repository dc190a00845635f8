import FineprintRegister
import Foundation

/// Registers built by hand for the metric and policy tests; every expected figure is worked out
/// beside the test that checks it.
enum RegisterFixtures {
    static let asOf = date("2026-12-01T00:00:00Z")

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func component(_ id: String, _ layer: Layer, supplier: String?, version: String? = nil) -> RegisterComponent
    {
        RegisterComponent(
            id: id,
            imported: ImportedFields(name: id, version: version, kind: "application", layer: layer),
            supplierOverride: supplier
        )
    }

    static func fact(_ component: String, _ control: Control, _ status: FactStatus, _ source: FactSource) -> ControlFact
    {
        ControlFact(
            component: component,
            control: control,
            status: status,
            source: source,
            evidence: "e",
            recordedAt: asOf
        )
    }

    /// Four systems: a (critical, finance) passes metric 1; b (critical, finance) has supplier-held
    /// keys; c (critical, health) has no key management recorded; d (important) passes.
    static func keyControl() -> Register {
        var r = Register()
        r.suppliers = [
            "own": Supplier(id: "own", name: "Own", headquartersCountry: "EE"),
            "big": Supplier(id: "big", name: "Big", headquartersCountry: "US"),
        ]
        let parts = [
            component("hsm-a", .keyManagement, supplier: "own"), component("log-a", .auditLogging, supplier: "own"),
            component("kms-b", .keyManagement, supplier: "big"), component("log-b", .auditLogging, supplier: "own"),
            component("log-c", .auditLogging, supplier: "own"),
        ]
        for part in parts { r.components[part.id] = part }
        r.systems = [
            "a": RegisterSystem(
                id: "a",
                name: "A",
                sector: .finance,
                criticality: .critical,
                components: ["hsm-a", "log-a"]
            ),
            "b": RegisterSystem(
                id: "b",
                name: "B",
                sector: .finance,
                criticality: .critical,
                components: ["kms-b", "log-b"]
            ),
            "c": RegisterSystem(id: "c", name: "C", sector: .health, criticality: .critical, components: ["log-c"]),
            "d": RegisterSystem(id: "d", name: "D", criticality: .important, components: ["hsm-a", "log-a"]),
        ]
        for (system, part) in [("a", "hsm-a"), ("b", "kms-b"), ("d", "hsm-a")] {
            r.setTier(TierAssignment(system: system, component: part, tier: .mustControl, rationale: "keys"))
        }
        r.facts = [
            fact("hsm-a", .keyControl, .holds, .attestation), fact("log-a", .logging, .holds, .contract),
            fact("kms-b", .keyControl, .holds, .contract), fact("kms-b", .keyControl, .absent, .attestation),
            fact("log-b", .logging, .holds, .test), fact("log-c", .logging, .holds, .test),
        ]
        return r
    }
}
