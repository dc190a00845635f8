/// Reads the parts of an SPDX 3.0 JSON-LD document the register uses: packages (software, AI and
/// dataset packages), the organisations that supplied them, and `dependsOn` relationships.
struct SPDX3Reader {
    let maxParts: Int

    func read(_ root: [String: Any]) throws -> ImportedBOM {
        guard let graph = root["@graph"] as? [Any] else { throw BOMError.notABOM("an SPDX 3 document without @graph") }
        let elements = graph.compactMap { $0 as? [String: Any] }
        var agents: [String: String] = [:]
        for element in elements where Self.isAgent(element) {
            if let id = Self.id(element), let name = element["name"] as? String { agents[id] = name }
        }
        var parts: [ImportedBOM.Part] = []
        var keyById: [String: String] = [:]
        for element in elements {
            guard let kind = Self.packageKind(element), let name = element["name"] as? String, !name.isEmpty else {
                continue
            }
            guard parts.count < maxParts else { throw BOMError.tooManyComponents(limit: maxParts) }
            let supplier = (element["suppliedBy"] as? String).flatMap { agents[$0] }
            let version = element["software_packageVersion"] as? String
            let fields = ImportedFields(
                name: name,
                version: version,
                kind: kind,
                purl: element["software_packageUrl"] as? String,
                description: element["description"] as? String,
                layer: LayerGuess.layer(
                    kind: kind,
                    name: name,
                    description: element["description"] as? String,
                    properties: nil
                ),
                supplier: supplier
            )
            let key = ComponentKey.key(purl: fields.purl, supplier: supplier, name: name, version: version)
            if let id = Self.id(element) { keyById[id] = key }
            parts.append(ImportedBOM.Part(key: key, bomRef: Self.id(element), fields: fields))
        }
        let edges = Self.edges(elements, keyById: keyById)
        if let cycle = GraphCycle.find(in: edges) { throw BOMError.cycle(cycle) }
        return ImportedBOM(
            systemName: nil,
            systemRef: nil,
            serialNumber: nil,
            format: "SPDX 3",
            parts: parts,
            edges: edges,
            suppliers: Set(agents.values).sorted().map { ImportedBOM.SupplierSeen(name: $0, country: nil, url: nil) },
            notes: []
        )
    }

    private static func id(_ element: [String: Any]) -> String? {
        (element["spdxId"] as? String) ?? (element["@id"] as? String)
    }

    private static func type(_ element: [String: Any]) -> String {
        (element["type"] as? String) ?? (element["@type"] as? String) ?? ""
    }

    private static func isAgent(_ element: [String: Any]) -> Bool {
        ["Organization", "Person", "Agent", "SoftwareAgent"].contains(type(element))
    }

    /// The CycloneDX type a package maps to, or nil for elements that are not packages.
    private static func packageKind(_ element: [String: Any]) -> String? {
        switch type(element) {
        case "ai_AIPackage", "AIPackage": "machine-learning-model"
        case "dataset_DatasetPackage", "DatasetPackage": "data"
        case "software_Package", "Package": "library"
        default: nil
        }
    }

    private static func edges(_ elements: [[String: Any]], keyById: [String: String]) -> [DependencyEdge] {
        var edges = Set<DependencyEdge>()
        for element in elements where type(element) == "Relationship" || type(element) == "LifecycleScopedRelationship"
        {
            guard element["relationshipType"] as? String == "dependsOn",
                let from = (element["from"] as? String).flatMap({ keyById[$0] })
            else { continue }
            for case let target as String in (element["to"] as? [Any]) ?? [] {
                if let to = keyById[target], to != from { edges.insert(DependencyEdge(from: from, to: to)) }
            }
        }
        return edges.sorted()
    }
}
