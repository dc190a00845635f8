import Foundation

/// A critical system the register maps: what it is, who owns it and how critical it is.
public struct RegisterSystem: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var sector: Sector
    public var criticality: Criticality
    public var owner: String?
    /// The tier profile the system's contracts are judged against (a playbook id such as `tier1`).
    public var requiredProfile: String?
    /// Whether the system's AI deployment is monitored in production (nil: not recorded).
    public var monitored: Bool?
    public var notes: String?
    /// The component keys the system depends on (its members; edges give the graph between them).
    public var components: Set<String>

    public init(
        id: String,
        name: String,
        sector: Sector = .other,
        criticality: Criticality = .notAssessed,
        owner: String? = nil,
        requiredProfile: String? = nil,
        monitored: Bool? = nil,
        notes: String? = nil,
        components: Set<String> = []
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.criticality = criticality
        self.owner = owner
        self.requiredProfile = requiredProfile
        self.monitored = monitored
        self.notes = notes
        self.components = components
    }
}

/// What an import may set on a component. Everything else on `RegisterComponent` is curated and an
/// import never touches it.
public struct ImportedFields: Hashable, Codable, Sendable {
    public var name: String
    public var version: String?
    /// The CycloneDX type, or `service` for a CycloneDX service.
    public var kind: String
    public var purl: String?
    public var cpe: String?
    public var description: String?
    public var layer: Layer
    public var supplier: String?
    public var manufacturer: String?
    /// Whether the BOM carried a model card (only for models).
    public var hasModelCard: Bool

    public init(
        name: String,
        version: String? = nil,
        kind: String,
        purl: String? = nil,
        cpe: String? = nil,
        description: String? = nil,
        layer: Layer,
        supplier: String? = nil,
        manufacturer: String? = nil,
        hasModelCard: Bool = false
    ) {
        self.name = name
        self.version = version
        self.kind = kind
        self.purl = purl
        self.cpe = cpe
        self.description = description
        self.layer = layer
        self.supplier = supplier
        self.manufacturer = manufacturer
        self.hasModelCard = hasModelCard
    }
}

/// A component: imported inventory (`imported`) and the judgement people add on top, kept apart so a
/// re-import can refresh the one without touching the other.
public struct RegisterComponent: Hashable, Codable, Sendable, Identifiable {
    /// The stable key: the purl, else supplier + name (+ version); see `ComponentKey`.
    public var id: String
    public var imported: ImportedFields
    /// Curated: a layer set by a person wins over the one read from the BOM.
    public var layerOverride: Layer?
    /// Curated: the supplier id a person chose, winning over the imported supplier name.
    public var supplierOverride: String?
    public var owner: String?
    public var notes: String?
    public var substitutability: Substitutability
    /// When the version last changed on import (a model change asks for a new independent test).
    public var versionChangedAt: Date?
    /// When the last import that contained it ran; a later import without it reports it as missing.
    public var lastSeenAt: Date?

    public init(
        id: String,
        imported: ImportedFields,
        layerOverride: Layer? = nil,
        supplierOverride: String? = nil,
        owner: String? = nil,
        notes: String? = nil,
        substitutability: Substitutability = .notAssessed,
        versionChangedAt: Date? = nil,
        lastSeenAt: Date? = nil
    ) {
        self.id = id
        self.imported = imported
        self.layerOverride = layerOverride
        self.supplierOverride = supplierOverride
        self.owner = owner
        self.notes = notes
        self.substitutability = substitutability
        self.versionChangedAt = versionChangedAt
        self.lastSeenAt = lastSeenAt
    }

    public var layer: Layer { layerOverride ?? imported.layer }
    /// The supplier id the register links the component to.
    public var supplierId: String? { supplierOverride ?? imported.supplier.map(SupplierKey.id) }
}

/// A supplier with what concentration needs: headquarters country and ultimate parent (DORA B_05.01).
public struct Supplier: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var legalName: String?
    public var lei: String?
    /// ISO 3166-1 alpha-2; curated, else the country the BOM gave (`bomCountry`).
    public var headquartersCountry: String?
    public var bomCountry: String?
    /// The supplier id or name of the group's ultimate parent (the supplier itself when nil).
    public var ultimateParent: String?
    /// The buyer itself (in-house work): no exit plan or contract terms are asked of it.
    public var inHouse: Bool?
    public var notes: String?

    public init(
        id: String,
        name: String,
        legalName: String? = nil,
        lei: String? = nil,
        headquartersCountry: String? = nil,
        bomCountry: String? = nil,
        ultimateParent: String? = nil,
        inHouse: Bool? = nil,
        notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.legalName = legalName
        self.lei = lei
        self.headquartersCountry = headquartersCountry
        self.bomCountry = bomCountry
        self.ultimateParent = ultimateParent
        self.inHouse = inHouse
        self.notes = notes
    }

    public var country: String? { headquartersCountry ?? bomCountry }
    /// The group the supplier belongs to, for concentration by parent.
    public var group: String { ultimateParent ?? id }
    public var isInHouse: Bool { inHouse ?? false }
}

/// One edge of the dependency graph: `from` depends on `to` (component keys, or a system's root key).
public struct DependencyEdge: Hashable, Codable, Sendable, Comparable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    public static func < (a: DependencyEdge, b: DependencyEdge) -> Bool { (a.from, a.to) < (b.from, b.to) }
}

/// The tier of one component for one system, with the reason a person gave.
public struct TierAssignment: Hashable, Codable, Sendable {
    public var system: String
    public var component: String
    public var tier: Tier
    public var rationale: String

    public init(system: String, component: String, tier: Tier, rationale: String) {
        self.system = system
        self.component = component
        self.tier = tier
        self.rationale = rationale
    }
}
