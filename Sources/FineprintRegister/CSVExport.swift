import Foundation

/// The register as CSV: one row per component, and a register-of-information style table of
/// providers and their contractual arrangements (after DORA's B_05.01 and B_02.02; not the EBA's
/// xBRL-CSV package itself).
public enum CSVExport {
    public static func components(_ register: Register) -> String {
        let controls: [Control] = [.keyControl, .logging, .audit, .exitAssistance, .portability, .breachNotice]
        var rows = [
            [
                "component", "name", "version", "layer", "type", "supplier", "supplier_country", "ultimate_parent",
                "alliance_class", "systems", "tiers", "substitutability", "contracts",
            ] + controls.map { "control_" + $0.rawValue }
        ]
        for part in register.components.values.sorted(by: { $0.id < $1.id }) {
            let supplier = register.supplier(of: part)
            let systems = register.systems(containing: part.id).map(\.id)
            let tiers = systems.compactMap { system in
                register.tier(system: system, component: part.id).map { "\(system):\($0.tier.rawValue)" }
            }
            let contracts = register.contracts.values.filter { $0.components.contains(part.id) }.map(\.id).sorted()
            rows.append(
                [
                    part.id, part.imported.name, part.imported.version ?? "", part.layer.rawValue, part.imported.kind,
                    supplier?.name ?? part.imported.supplier ?? "", supplier.flatMap(register.countryOfGroup) ?? "",
                    supplier.map(register.groupOf) ?? "",
                    register.countries.allianceClass(of: supplier.flatMap(register.countryOfGroup)).rawValue,
                    systems.joined(separator: ";"), tiers.joined(separator: ";"), part.substitutability.rawValue,
                    contracts.joined(separator: ";"),
                ] + controls.map { register.verdict(component: part.id, control: $0).rawValue }
            )
        }
        return table(rows)
    }

    public static func registerOfInformation(_ register: Register) -> String {
        var rows = [
            [
                "provider_id", "provider_name", "lei", "hq_country", "ultimate_parent", "alliance_class",
                "contract_reference", "analysis_id", "document", "components", "systems", "critical_function",
                "substitutability", "exit_plan", "exit_bound_days", "last_clean_exit_drill",
            ]
        ]
        for supplier in register.suppliers.values.sorted(by: { $0.id < $1.id }) {
            let parts = register.components.values.filter { $0.supplierId == supplier.id }
            guard !parts.isEmpty else { continue }
            let linked = register.contracts.values.filter {
                $0.supplier == supplier.id || !$0.components.isDisjoint(with: parts.map(\.id))
            }
            let arrangements: [ContractLink?] = linked.isEmpty ? [nil] : linked.sorted { $0.id < $1.id }
            for contract in arrangements {
                rows.append(providerRow(supplier, contract, parts, register))
            }
        }
        return table(rows)
    }

    private static func providerRow(
        _ supplier: Supplier,
        _ contract: ContractLink?,
        _ all: [RegisterComponent],
        _ register: Register
    )
        -> [String]
    {
        let parts = contract.map { link in all.filter { link.components.contains($0.id) } } ?? all
        let systems = Set(parts.flatMap { register.systems(containing: $0.id) })
        let plan = register.exitPlans.last { $0.supplier == supplier.id }
        let drill = ExitTimeMetric.vendor(supplier.id, tier: nil, register).drilledAt
        let worst = Substitutability.allCases.first { level in parts.contains { $0.substitutability == level } }
        return [
            supplier.id, supplier.legalName ?? supplier.name, supplier.lei ?? "", supplier.country ?? "",
            register.groupOf(supplier),
            register.countries.allianceClass(of: register.countryOfGroup(supplier)).rawValue,
            contract?.id ?? "", contract.map { String($0.analysisId) } ?? "", contract?.documentName ?? "",
            parts.map(\.id).sorted().joined(separator: ";"), systems.map(\.id).sorted().joined(separator: ";"),
            systems.contains { $0.criticality == .critical } ? "yes" : "no", (worst ?? .notAssessed).rawValue,
            plan == nil ? "no" : "yes", plan?.contractualBoundDays.map(String.init) ?? "",
            drill.map { ISO8601DateFormatter().string(from: $0) } ?? "",
        ]
    }

    /// RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe.
    static func table(_ rows: [[String]]) -> String {
        rows.map { row in row.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
