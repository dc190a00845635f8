import FineprintRegister
import Foundation

/// Where the dependency register lives: one register per organisation (a string key for now, so
/// that matters can scope it later), and the dated snapshots of its five metrics.
public protocol RegisterStore: Sendable {
    /// The organisation's register; an empty one when nothing was saved yet.
    func loadRegister(organisation: String) async throws -> Register
    /// Replaces the organisation's register in one transaction (a failed save leaves the old one).
    func saveRegister(_ register: Register, organisation: String) async throws
    /// Appends the snapshot unless the latest one of the organisation says the same; true when written.
    func saveMetricSnapshot(_ snapshot: MetricSnapshot) async throws -> Bool
    /// The organisation's snapshots, newest first.
    func metricSnapshots(organisation: String, limit: Int) async throws -> [MetricSnapshot]
    /// The organisation's change marker: 0 before its first write, then bumped in the same transaction
    /// as every `saveRegister` and every snapshot written, so a reader that kept what it computed for
    /// one revision knows, with one small read, whether it may still show it (in any process).
    func registerRevision(organisation: String) async throws -> Int64
}

/// The register as rows of (kind, key, JSON): each entity is one row, so a register of thousands
/// of components is thousands of small rows rather than one large value, and both stores share
/// this one mapping.
enum RegisterRows {
    struct Row: Hashable, Sendable {
        var kind: String
        var key: String
        var json: String
    }

    static func rows(_ register: Register) throws -> [Row] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func rows<T: Encodable>(_ kind: String, _ items: [(String, T)]) throws -> [Row] {
            try items.map { key, item in
                Row(kind: kind, key: key, json: String(decoding: try encoder.encode(item), as: UTF8.self))
            }
        }
        func numbered<T: Encodable>(_ kind: String, _ items: [T]) throws -> [Row] {
            try rows(kind, items.enumerated().map { (String(format: "%08d", $0.offset), $0.element) })
        }
        return try rows("system", register.systems.map { ($0.key, $0.value) })
            + rows("component", register.components.map { ($0.key, $0.value) })
            + rows("supplier", register.suppliers.map { ($0.key, $0.value) })
            + rows("contract", register.contracts.map { ($0.key, $0.value) })
            + numbered("edge", register.edges.sorted()) + numbered("tier", register.tierList)
            + numbered("fact", register.facts) + numbered("exit-plan", register.exitPlans)
            + numbered("drill", register.drills) + numbered("assurance", register.assurance)
            + numbered("incident", register.incidents) + rows("countries", [("table", register.countries)])
            + numbered("watch-link", register.watchLinks)
    }

    /// Rebuilds the register from its rows (in key order, so numbered lists keep their order).
    static func register(_ rows: [Row]) throws -> Register {
        let decoder = JSONDecoder()
        var register = Register()
        for row in rows.sorted(by: { ($0.kind, $0.key) < ($1.kind, $1.key) }) {
            let data = Data(row.json.utf8)
            switch row.kind {
            case "system": register.systems[row.key] = try decoder.decode(RegisterSystem.self, from: data)
            case "component": register.components[row.key] = try decoder.decode(RegisterComponent.self, from: data)
            case "supplier": register.suppliers[row.key] = try decoder.decode(Supplier.self, from: data)
            case "contract": register.contracts[row.key] = try decoder.decode(ContractLink.self, from: data)
            case "edge": register.edges.insert(try decoder.decode(DependencyEdge.self, from: data))
            case "tier": register.setTier(try decoder.decode(TierAssignment.self, from: data))
            case "fact": register.facts.append(try decoder.decode(ControlFact.self, from: data))
            case "exit-plan": register.exitPlans.append(try decoder.decode(ExitPlan.self, from: data))
            case "drill": register.drills.append(try decoder.decode(ExitDrill.self, from: data))
            case "assurance": register.assurance.append(try decoder.decode(AssuranceRecord.self, from: data))
            case "incident": register.incidents.append(try decoder.decode(Incident.self, from: data))
            case "countries": register.countries = try decoder.decode(CountryTable.self, from: data)
            case "watch-link": register.watchLinks.append(try decoder.decode(WatchLink.self, from: data))
            default: throw StoreError.failed(detail: "register row of unknown kind '\(row.kind)'")
            }
        }
        return register
    }

    static func encode(_ snapshot: MetricSnapshot) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(snapshot.metrics), as: UTF8.self)
    }

    static func decodeMetrics(_ json: String) throws -> RegisterMetrics {
        try JSONDecoder().decode(RegisterMetrics.self, from: Data(json.utf8))
    }
}
