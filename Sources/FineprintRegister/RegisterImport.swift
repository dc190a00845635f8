import Foundation

/// What an import did, or would do with `--preview`: nothing curated is in it, because nothing
/// curated changes.
public struct ImportReport: Hashable, Codable, Sendable {
    public struct Change: Hashable, Codable, Sendable {
        public var component: String
        public var fields: [String]
    }

    public var system: String
    public var systemCreated: Bool
    public var added: [String]
    public var changed: [Change]
    public var unchanged: Int
    /// Components the system had that this BOM no longer lists: reported, never deleted.
    public var missing: [String]
    public var suppliersAdded: [String]
    public var edgesAdded: Int
    public var edgesRemoved: Int
    public var notes: [String]
}

/// Merges a BOM into a register on stable keys. Only `ImportedFields`, supplier countries read from
/// the BOM and the graph edges of the BOM's own parts change; tiers, rationales, notes, owners,
/// overrides and everything else a person set stay as they were. Nothing is duplicated and nothing
/// is deleted.
public enum RegisterImport {
    public static func merge(
        _ bom: ImportedBOM,
        into register: inout Register,
        system systemId: String,
        at now: Date
    ) -> ImportReport {
        let systemCreated = register.systems[systemId] == nil
        var system = register.systems[systemId] ?? RegisterSystem(id: systemId, name: bom.systemName ?? systemId)
        var report = ImportReport(
            system: systemId,
            systemCreated: systemCreated,
            added: [],
            changed: [],
            unchanged: 0,
            missing: [],
            suppliersAdded: [],
            edgesAdded: 0,
            edgesRemoved: 0,
            notes: bom.notes
        )
        var seen = Set<String>()
        for part in bom.parts where seen.insert(part.key).inserted {
            mergePart(part, into: &register, report: &report, at: now)
        }
        report.missing = system.components.subtracting(seen).sorted()
        system.components.formUnion(seen)
        register.systems[systemId] = system
        report.suppliersAdded = mergeSuppliers(bom.suppliers, into: &register)
        mergeEdges(bom, system: systemId, parts: seen, into: &register, report: &report)
        return report
    }

    private static func mergePart(
        _ part: ImportedBOM.Part,
        into register: inout Register,
        report: inout ImportReport,
        at now: Date
    ) {
        guard var component = register.components[part.key] else {
            register.components[part.key] = RegisterComponent(
                id: part.key,
                imported: part.fields,
                versionChangedAt: now,
                lastSeenAt: now
            )
            report.added.append(part.key)
            return
        }
        let fields = differences(component.imported, part.fields)
        if fields.isEmpty {
            report.unchanged += 1
        } else {
            report.changed.append(ImportReport.Change(component: part.key, fields: fields))
            if fields.contains("version") { component.versionChangedAt = now }
            component.imported = part.fields
        }
        component.lastSeenAt = now
        register.components[part.key] = component
    }

    /// The names of the imported fields that differ.
    static func differences(_ old: ImportedFields, _ new: ImportedFields) -> [String] {
        var names: [String] = []
        if old.name != new.name { names.append("name") }
        if old.version != new.version { names.append("version") }
        if old.kind != new.kind { names.append("type") }
        if old.purl != new.purl { names.append("purl") }
        if old.cpe != new.cpe { names.append("cpe") }
        if old.description != new.description { names.append("description") }
        if old.layer != new.layer { names.append("layer") }
        if old.supplier != new.supplier { names.append("supplier") }
        if old.manufacturer != new.manufacturer { names.append("manufacturer") }
        if old.hasModelCard != new.hasModelCard { names.append("modelCard") }
        return names
    }

    /// New suppliers are added by name; a known one only has its BOM country refreshed.
    private static func mergeSuppliers(_ seen: [ImportedBOM.SupplierSeen], into register: inout Register) -> [String] {
        var added: [String] = []
        for supplier in seen {
            let id = SupplierKey.id(supplier.name)
            if var known = register.suppliers[id] {
                if let country = supplier.country { known.bomCountry = country }
                register.suppliers[id] = known
            } else {
                register.suppliers[id] = Supplier(id: id, name: supplier.name, bomCountry: supplier.country)
                added.append(id)
            }
        }
        return added.sorted()
    }

    /// The BOM's dependencies replace the outgoing edges of the parts it lists (and of the system's
    /// root); a BOM without a dependencies section leaves the graph alone.
    private static func mergeEdges(
        _ bom: ImportedBOM,
        system: String,
        parts: Set<String>,
        into register: inout Register,
        report: inout ImportReport
    ) {
        guard !bom.edges.isEmpty else { return }
        let root = ImportedBOM.systemRootKey(system)
        let fresh = Set(
            bom.edges.map { edge in
                DependencyEdge(from: edge.from == ImportedBOM.rootPlaceholder ? root : edge.from, to: edge.to)
            }
        )
        let owners = parts.union([root])
        let old = register.edges.filter { owners.contains($0.from) }
        report.edgesRemoved = old.subtracting(fresh).count
        report.edgesAdded = fresh.subtracting(old).count
        register.edges.subtract(old)
        register.edges.formUnion(fresh)
    }
}
