import Foundation

/// Writes the register as a CycloneDX 1.6 JSON BOM: systems as application components, the
/// register's components (services as services), suppliers with their country, the dependency
/// graph, and what has no standard field — layers, tiers with their rationale, control facts,
/// substitutability, ultimate parents, alliance classes — as properties named `fineprint:…`.
public struct CycloneDXWriter: Sendable {
    public var organisation: String
    public var timestamp: Date
    public var serialNumber: UUID

    public init(organisation: String, timestamp: Date, serialNumber: UUID = UUID()) {
        self.organisation = organisation
        self.timestamp = timestamp
        self.serialNumber = serialNumber
    }

    static let componentTypes: Set<String> = [
        "application", "framework", "library", "container", "platform", "operating-system", "device",
        "device-driver", "firmware", "file", "machine-learning-model", "data", "cryptographic-asset",
    ]

    public func data(_ register: Register) throws -> Data {
        let parts = register.components.values.sorted { $0.id < $1.id }
        let systems = register.systems.values.sorted { $0.id < $1.id }
        let document: [String: Any] = [
            "bomFormat": "CycloneDX",
            "specVersion": "1.6",
            "serialNumber": "urn:uuid:" + serialNumber.uuidString.lowercased(),
            "version": 1,
            "metadata": metadata(),
            "components": systems.map(systemEntry)
                + parts.filter { $0.imported.kind != "service" }.map { entry($0, register) },
            "services": parts.filter { $0.imported.kind == "service" }.map { entry($0, register) },
            "dependencies": dependencies(register),
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    }

    private func metadata() -> [String: Any] {
        let formatter = ISO8601DateFormatter()
        return [
            "timestamp": formatter.string(from: timestamp),
            "tools": ["components": [["type": "application", "name": "fineprint"]]],
            "properties": [property("fineprint:organisation", organisation)],
        ]
    }

    private func systemEntry(_ system: RegisterSystem) -> [String: Any] {
        var properties = [
            property("fineprint:sector", system.sector.rawValue),
            property("fineprint:criticality", system.criticality.rawValue),
        ]
        if let owner = system.owner { properties.append(property("fineprint:owner", owner)) }
        if let profile = system.requiredProfile { properties.append(property("fineprint:required-profile", profile)) }
        return [
            "type": "application", "bom-ref": ImportedBOM.systemRootKey(system.id), "name": system.name,
            "properties": properties,
        ]
    }

    private func entry(_ part: RegisterComponent, _ register: Register) -> [String: Any] {
        var object: [String: Any] = ["bom-ref": part.id, "name": part.imported.name]
        if part.imported.kind != "service" {
            object["type"] =
                Self.componentTypes.contains(part.imported.kind) ? part.imported.kind : Self.type(for: part.layer)
        }
        if let version = part.imported.version { object["version"] = version }
        if let purl = part.imported.purl { object["purl"] = purl }
        if let description = part.imported.description { object["description"] = description }
        if let supplier = register.supplier(of: part) {
            var entity: [String: Any] = ["name": supplier.name]
            if let country = supplier.country { entity["address"] = ["country": country] }
            object[part.imported.kind == "service" ? "provider" : "supplier"] = entity
        } else if let name = part.imported.supplier {
            object[part.imported.kind == "service" ? "provider" : "supplier"] = ["name": name]
        }
        object["properties"] = properties(part, register)
        return object
    }

    private func properties(_ part: RegisterComponent, _ register: Register) -> [[String: String]] {
        var list = [property("fineprint:layer", part.layer.rawValue)]
        list.append(property("fineprint:substitutability", part.substitutability.rawValue))
        for tier in register.tiers.keys.sorted().compactMap({ register.tiers[$0]?[part.id] }) {
            list.append(property("fineprint:tier:\(tier.system)", String(tier.tier.rawValue)))
            list.append(property("fineprint:tier-rationale:\(tier.system)", tier.rationale))
        }
        if let supplier = register.supplier(of: part) {
            list.append(property("fineprint:supplier-id", supplier.id))
            list.append(property("fineprint:ultimate-parent", register.groupOf(supplier)))
            let alliance = register.countries.allianceClass(of: register.countryOfGroup(supplier))
            list.append(property("fineprint:alliance-class", alliance.rawValue))
        }
        for control in Control.allCases {
            let facts = register.facts(component: part.id, control: control)
            guard !facts.isEmpty else { continue }
            let sources = Set(facts.map(\.source.rawValue)).sorted().joined(separator: "+")
            let verdict = register.verdict(component: part.id, control: control)
            list.append(property("fineprint:control:\(control.rawValue)", "\(verdict.rawValue) (\(sources))"))
        }
        for contract in register.contracts.values.filter({ $0.components.contains(part.id) }).sorted(by: {
            $0.id < $1.id
        }) {
            list.append(property("fineprint:contract", "\(contract.id) (analysis \(contract.analysisId))"))
        }
        if let owner = part.owner { list.append(property("fineprint:owner", owner)) }
        if let notes = part.notes { list.append(property("fineprint:notes", notes)) }
        return list
    }

    /// Every system and component with its edges (an empty list says "depends on nothing known").
    private func dependencies(_ register: Register) -> [[String: Any]] {
        var next: [String: Set<String>] = [:]
        for edge in register.edges where register.components[edge.to] != nil {
            next[edge.from, default: []].insert(edge.to)
        }
        var list: [[String: Any]] = []
        for system in register.systems.values.sorted(by: { $0.id < $1.id }) {
            let root = ImportedBOM.systemRootKey(system.id)
            let targets = next[root] ?? system.components.filter { register.components[$0] != nil }
            list.append(["ref": root, "dependsOn": targets.sorted()])
        }
        for part in register.components.keys.sorted() {
            list.append(["ref": part, "dependsOn": (next[part] ?? []).sorted()])
        }
        return list
    }

    private func property(_ name: String, _ value: String) -> [String: String] { ["name": name, "value": value] }

    static func type(for layer: Layer) -> String {
        switch layer {
        case .chip, .hardware: "device"
        case .firmware: "firmware"
        case .model: "machine-learning-model"
        case .dataset: "data"
        case .cloud, .platform: "platform"
        case .keyManagement: "cryptographic-asset"
        default: "application"
        }
    }
}
