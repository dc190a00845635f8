/// The closed vocabularies of the register. Judgement fields use closed lists so that registers
/// can be aggregated and exported (the DORA register of information works the same way).

/// What a component is, in the layers the sovereignty policy names.
public enum Layer: String, Codable, Sendable, CaseIterable, Comparable {
    case chip, hardware, firmware, cloud, platform, model, dataset, saas, api, identity
    case keyManagement = "key-management"
    case auditLogging = "audit-logging"
    case monitoring
    case operations
    case software

    public static func < (a: Layer, b: Layer) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The layers whose supplier diversity metric 3 reports (chips, cloud and models).
    public static let diversityLayers: [Layer] = [.chip, .cloud, .model]
}

public enum Sector: String, Codable, Sendable, CaseIterable {
    case defence, health, elections, justice, finance, energy, other
}

public enum Criticality: String, Codable, Sendable, CaseIterable {
    case critical, important, other
    case notAssessed = "not-assessed"
}

/// The sovereignty tier of a dependency: 1 must-control, 2 allied, 3 market-sourced.
public enum Tier: Int, Codable, Sendable, CaseIterable, Comparable {
    case mustControl = 1
    case allied = 2
    case market = 3

    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
}

/// Where a supplier's headquarters stand from the buyer's side, from the buyer's country table.
public enum AllianceClass: String, Codable, Sendable, CaseIterable {
    case domestic, eu, allied, other, unknown
}

/// DORA B_07.01 substitutability.
public enum Substitutability: String, Codable, Sendable, CaseIterable {
    case notSubstitutable = "not-substitutable"
    case highlyComplex = "highly-complex"
    case medium, easy
    case notAssessed = "not-assessed"
}

/// Where a control fact comes from.
public enum FactSource: String, Codable, Sendable, CaseIterable {
    case contract, attestation, test
}

/// What a fact says about a control: it holds, it is there but weak, or it is not there.
public enum FactStatus: String, Codable, Sendable, CaseIterable {
    case holds, weak, absent
}

/// The controls a component's contracts, attestations and tests speak to, each tied to the taxonomy
/// provision that evidences it in a contract.
public enum Control: String, Codable, Sendable, CaseIterable {
    case keyControl = "key-control"
    case logging
    case audit
    case independentTesting = "independent-testing"
    case incidentNotice = "incident-notice"
    case breachNotice = "breach-notice"
    case exitAssistance = "exit-assistance"
    case portability
    case escrow
    case termination
    case residency
    case governmentAccess = "government-access"
    case changeOfControl = "change-of-control"
    case subprocessors
    case serviceLevels = "service-levels"

    /// The taxonomy provision (corpus/taxonomy.yaml) whose finding is this control's contract evidence.
    public var provision: String {
        switch self {
        case .keyControl: "encryption_key_control"
        case .logging: "logging"
        case .audit: "audit_rights"
        case .independentTesting: "independent_testing"
        case .incidentNotice: "incident_reporting"
        case .breachNotice: "breach_notification"
        case .exitAssistance: "exit_assistance"
        case .portability: "data_portability"
        case .escrow: "escrow"
        case .termination: "termination_for_convenience"
        case .residency: "data_residency"
        case .governmentAccess: "government_access"
        case .changeOfControl: "change_of_control"
        case .subprocessors: "subprocessor_control"
        case .serviceLevels: "service_levels"
        }
    }
}

public enum Independence: String, Codable, Sendable, CaseIterable, Comparable {
    case `internal`
    case independentUnit = "independent-unit"
    case external

    public static func < (a: Independence, b: Independence) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum IncidentKind: String, Codable, Sendable, CaseIterable {
    case model, data, availability, security
}

public enum DrillKind: String, Codable, Sendable, CaseIterable {
    case tabletop, partial
    case fullSwitch = "full-switch"
    case failover
}
