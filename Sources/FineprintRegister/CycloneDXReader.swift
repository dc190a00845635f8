import Foundation

/// Reads CycloneDX JSON (1.2 to 1.7; written for 1.6 and 1.7): components with their nested
/// components, services with their nested services, dependencies, supplier, manufacturer and
/// provider, model cards. Liberal in what it accepts: unknown fields are ignored, a dependency that
/// names an unknown ref is noted and skipped; strict on what would mislead: not JSON, not CycloneDX,
/// too large, nested too deep, or a dependency cycle.
public struct CycloneDXReader: Sendable {
    public var maxBytes = 64 << 20
    public var maxDepth = 32
    public var maxParts = 200_000

    public init() {}

    public func read(_ data: Data) throws -> ImportedBOM {
        guard data.count <= maxBytes else { throw BOMError.tooLarge(bytes: data.count, limit: maxBytes) }
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw BOMError.notABOM("the top level is not a JSON object")
            }
            root = object
        } catch let error as BOMError { throw error } catch {
            throw BOMError.notJSON(Self.reason(error))
        }
        if root["@context"] != nil || root["@graph"] != nil { return try SPDX3Reader(maxParts: maxParts).read(root) }
        guard let format = root["bomFormat"] as? String, format == "CycloneDX" else {
            throw BOMError.notABOM("bomFormat is \(root["bomFormat"].map { "\($0)" } ?? "missing"), not CycloneDX")
        }
        let version = (root["specVersion"] as? String) ?? "missing"
        guard ["1.2", "1.3", "1.4", "1.5", "1.6", "1.7"].contains(version) else {
            throw BOMError.unsupportedVersion(version)
        }
        var walk = Walk(reader: self, root: root, specVersion: version)
        return try walk.bom()
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}

/// One pass over a CycloneDX document.
private struct Walk {
    let reader: CycloneDXReader
    let root: [String: Any]
    let specVersion: String
    var parts: [ImportedBOM.Part] = []
    var keyByRef: [String: String] = [:]
    var suppliers: [String: ImportedBOM.SupplierSeen] = [:]
    var notes: [String] = []

    init(reader: CycloneDXReader, root: [String: Any], specVersion: String) {
        self.reader = reader
        self.root = root
        self.specVersion = specVersion
    }

    mutating func bom() throws -> ImportedBOM {
        let metadata = root["metadata"] as? [String: Any]
        let system = metadata?["component"] as? [String: Any]
        let systemRef = system?["bom-ref"] as? String
        try walk(root["components"], service: false, depth: 1)
        try walk(root["services"], service: true, depth: 1)
        let edges = try dependencyEdges(systemRef: systemRef)
        return ImportedBOM(
            systemName: (system?["name"] as? String).flatMap { $0.isEmpty ? nil : $0 },
            systemRef: systemRef,
            serialNumber: root["serialNumber"] as? String,
            format: "CycloneDX \(specVersion)",
            parts: parts,
            edges: edges,
            suppliers: suppliers.values.sorted { $0.name < $1.name },
            notes: notes
        )
    }

    private mutating func walk(_ value: Any?, service: Bool, depth: Int) throws {
        guard let value else { return }
        guard let list = value as? [Any] else {
            throw BOMError.invalid("\(service ? "services" : "components") is not a list")
        }
        guard depth <= reader.maxDepth else { throw BOMError.tooDeep(limit: reader.maxDepth) }
        for (index, item) in list.enumerated() {
            guard let object = item as? [String: Any] else {
                notes.append("skipped entry \(index) of a \(service ? "services" : "components") list: not an object")
                continue
            }
            try add(object, service: service)
            try walk(object[service ? "services" : "components"], service: service, depth: depth + 1)
        }
    }

    private mutating func add(_ object: [String: Any], service: Bool) throws {
        guard let name = (object["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty
        else {
            notes.append("skipped a \(service ? "service" : "component") without a name")
            return
        }
        guard parts.count < reader.maxParts else { throw BOMError.tooManyComponents(limit: reader.maxParts) }
        let supplier = organisation(object[service ? "provider" : "supplier"])
        let manufacturer = organisation(object["manufacturer"]) ?? organisation(object["author"])
        let kind = service ? "service" : ((object["type"] as? String) ?? "library")
        let version = object["version"] as? String
        let fields = ImportedFields(
            name: name,
            version: version.flatMap { $0.isEmpty ? nil : $0 },
            kind: kind,
            purl: object["purl"] as? String,
            cpe: object["cpe"] as? String,
            description: object["description"] as? String,
            layer: LayerGuess.layer(
                kind: kind,
                name: name,
                description: object["description"] as? String,
                properties: object["properties"]
            ),
            supplier: (supplier ?? manufacturer)?.name,
            manufacturer: manufacturer?.name,
            hasModelCard: object["modelCard"] != nil
        )
        let key = ComponentKey.key(purl: fields.purl, supplier: fields.supplier, name: name, version: fields.version)
        if let ref = object["bom-ref"] as? String { keyByRef[ref] = key }
        parts.append(ImportedBOM.Part(key: key, bomRef: object["bom-ref"] as? String, fields: fields))
    }

    /// An organizationalEntity (name, url, address.country since 1.6); remembered as a supplier.
    private mutating func organisation(_ value: Any?) -> ImportedBOM.SupplierSeen? {
        guard let object = value as? [String: Any],
            let name = (object["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty
        else { return nil }
        let country = ((object["address"] as? [String: Any])?["country"] as? String).map { $0.uppercased() }
        let url = (object["url"] as? [String])?.first
        let seen = ImportedBOM.SupplierSeen(name: name, country: country, url: url)
        let id = SupplierKey.id(name)
        if suppliers[id]?.country == nil { suppliers[id] = seen }
        return seen
    }

    /// The dependency graph in part keys; the system's ref becomes its root. Cycles are refused.
    private mutating func dependencyEdges(systemRef: String?) throws -> [DependencyEdge] {
        guard let list = root["dependencies"] as? [Any] else { return [] }
        var edges: [DependencyEdge] = []
        var unknown = Set<String>()
        for case let entry as [String: Any] in list {
            guard let ref = entry["ref"] as? String else { continue }
            let from = ref == systemRef ? ImportedBOM.rootPlaceholder : keyByRef[ref]
            guard let from else {
                unknown.insert(ref)
                continue
            }
            // `provides` says what a part implements (a spec, an algorithm), not what it depends on.
            let targets = (entry["dependsOn"] as? [Any]) ?? []
            for case let target as String in targets {
                guard let to = keyByRef[target] else {
                    unknown.insert(target)
                    continue
                }
                if from != to { edges.append(DependencyEdge(from: from, to: to)) }
            }
        }
        if !unknown.isEmpty {
            notes.append("dependencies name \(unknown.count) refs that are not components or services here; skipped")
        }
        let unique = Array(Set(edges)).sorted()
        if let cycle = GraphCycle.find(in: unique) { throw BOMError.cycle(cycle) }
        return unique
    }
}

extension ImportedBOM {
    /// Stands for the system's root in edges until the merge knows the system's id.
    static let rootPlaceholder = "system:"
}
