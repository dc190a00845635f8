import Foundation
import Yams

/// A register written by hand in YAML (the example ministry in corpus/register/example): systems with
/// their components and tiers inline, suppliers, and the records around them. `register(at:)` turns it
/// into a `Register`; its contracts name files the caller analyses and links.
public struct RegisterSeed: Codable, Sendable {
    public struct SeedSupplier: Codable, Sendable {
        var id: String
        var name: String
        var lei: String?
        var country: String?
        var parent: String?
        var inHouse: Bool?

        enum CodingKeys: String, CodingKey {
            case id, name, lei, country, parent
            case inHouse = "in_house"
        }
    }

    public struct SeedComponent: Codable, Sendable {
        var key: String
        var name: String
        var version: String?
        var layer: Layer
        var type: String?
        var supplier: String?
        var tier: Int?
        var rationale: String?
        var substitutability: Substitutability?
    }

    public struct SeedSystem: Codable, Sendable {
        var id: String
        var name: String
        var sector: Sector
        var criticality: Criticality
        var owner: String?
        var profile: String?
        var monitored: Bool?
        var components: [SeedComponent]
        var edges: [[String]]?
    }

    public struct SeedContract: Codable, Sendable {
        public var id: String
        /// Relative to the seed file.
        public var file: String
        public var supplier: String?
        public var components: [String]
    }

    public struct SeedFact: Codable, Sendable {
        var component: String
        var control: Control
        var status: FactStatus
        var source: FactSource
        var evidence: String
    }

    public var organisation: String
    var countries: CountryTable
    var suppliers: [SeedSupplier]
    var systems: [SeedSystem]
    public var contracts: [SeedContract]
    var facts: [SeedFact]?
    var exitPlans: [ExitPlan]?
    var drills: [ExitDrill]?
    var assurance: [AssuranceRecord]?
    var incidents: [Incident]?

    enum CodingKeys: String, CodingKey {
        case organisation, countries, suppliers, systems, contracts, facts, drills, assurance, incidents
        case exitPlans = "exit_plans"
    }

    public static func decode(yaml: String) throws -> RegisterSeed {
        try YAMLDecoder().decode(RegisterSeed.self, from: yaml)
    }

    /// The register the seed describes (without contract facts: those come from the analyses).
    public func register(at now: Date) throws -> Register {
        var register = Register(countries: countries)
        for s in suppliers {
            register.suppliers[s.id] = Supplier(
                id: s.id,
                name: s.name,
                lei: s.lei,
                headquartersCountry: s.country,
                ultimateParent: s.parent,
                inHouse: s.inHouse
            )
        }
        for system in systems { try add(system, to: &register, at: now) }
        register.facts = (facts ?? []).map {
            ControlFact(
                component: $0.component,
                control: $0.control,
                status: $0.status,
                source: $0.source,
                evidence: $0.evidence,
                recordedAt: now
            )
        }
        register.exitPlans = exitPlans ?? []
        register.drills = drills ?? []
        register.assurance = assurance ?? []
        register.incidents = incidents ?? []
        return register
    }

    private func add(_ seed: SeedSystem, to register: inout Register, at now: Date) throws {
        var system = RegisterSystem(
            id: seed.id,
            name: seed.name,
            sector: seed.sector,
            criticality: seed.criticality,
            owner: seed.owner,
            requiredProfile: seed.profile,
            monitored: seed.monitored
        )
        for c in seed.components {
            if let supplier = c.supplier, register.suppliers[supplier] == nil {
                throw RegisterSeedError("component \(c.key) names unknown supplier \(supplier)")
            }
            if register.components[c.key] == nil {
                let fields = ImportedFields(
                    name: c.name,
                    version: c.version,
                    kind: c.type ?? CycloneDXWriter.type(for: c.layer),
                    layer: c.layer,
                    supplier: c.supplier.flatMap { register.suppliers[$0]?.name }
                )
                register.components[c.key] = RegisterComponent(
                    id: c.key,
                    imported: fields,
                    supplierOverride: c.supplier,
                    substitutability: c.substitutability ?? .notAssessed,
                    lastSeenAt: now
                )
            }
            system.components.insert(c.key)
            if let tier = c.tier.flatMap(Tier.init(rawValue:)) {
                register.setTier(
                    TierAssignment(system: seed.id, component: c.key, tier: tier, rationale: c.rationale ?? "")
                )
            }
        }
        for pair in seed.edges ?? [] where pair.count == 2 {
            register.edges.insert(
                DependencyEdge(from: pair[0] == "system" ? ImportedBOM.systemRootKey(seed.id) : pair[0], to: pair[1])
            )
        }
        register.systems[seed.id] = system
    }
}

public struct RegisterSeedError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
