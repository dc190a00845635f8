import Foundation

/// A contract behind components, linked to a stored Fineprint analysis of its text.
public struct ContractLink: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var supplier: String?
    public var components: Set<String>
    /// The stored analysis the control facts come from.
    public var analysisId: Int64
    public var documentName: String?
    public var profile: String?
    public var score: Int?
    public var linkedAt: Date

    public init(
        id: String,
        supplier: String? = nil,
        components: Set<String>,
        analysisId: Int64,
        documentName: String? = nil,
        profile: String? = nil,
        score: Int? = nil,
        linkedAt: Date
    ) {
        self.id = id
        self.supplier = supplier
        self.components = components
        self.analysisId = analysisId
        self.documentName = documentName
        self.profile = profile
        self.score = score
        self.linkedAt = linkedAt
    }
}

/// What is known about one control of one component, and from where.
public struct ControlFact: Hashable, Codable, Sendable {
    public var component: String
    public var control: Control
    public var status: FactStatus
    public var source: FactSource
    /// The quoted clause, attestation reference or test report behind it.
    public var evidence: String
    /// The contract link it came from (contract facts only), so relinking replaces them.
    public var contract: String?
    public var recordedAt: Date

    public init(
        component: String,
        control: Control,
        status: FactStatus,
        source: FactSource,
        evidence: String,
        contract: String? = nil,
        recordedAt: Date
    ) {
        self.component = component
        self.control = control
        self.status = status
        self.source = source
        self.evidence = evidence
        self.contract = contract
        self.recordedAt = recordedAt
    }
}

/// How the buyer would leave a supplier (DORA Art 28(8)).
public struct ExitPlan: Hashable, Codable, Sendable {
    public var supplier: String
    /// The named alternative, or "in-house".
    public var target: String
    /// Notice plus transition, in days, from the contract: what an untested exit is bounded by.
    public var contractualBoundDays: Int?
    public var lastReviewed: Date?

    public init(supplier: String, target: String, contractualBoundDays: Int? = nil, lastReviewed: Date? = nil) {
        self.supplier = supplier
        self.target = target
        self.contractualBoundDays = contractualBoundDays
        self.lastReviewed = lastReviewed
    }
}

/// A timed exit drill: the only source of a measured exit time.
public struct ExitDrill: Hashable, Codable, Sendable {
    public var supplier: String
    public var kind: DrillKind
    public var startedAt: Date
    public var completedAt: Date?
    /// Minutes of degraded service or outage during the drill; 0 is an exit without service loss.
    public var serviceLossMinutes: Int
    public var passed: Bool
    public var evidence: String?

    public init(
        supplier: String,
        kind: DrillKind,
        startedAt: Date,
        completedAt: Date?,
        serviceLossMinutes: Int,
        passed: Bool,
        evidence: String? = nil
    ) {
        self.supplier = supplier
        self.kind = kind
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.serviceLossMinutes = serviceLossMinutes
        self.passed = passed
        self.evidence = evidence
    }
}

/// A safety, red-team, bias or robustness test of a system's model.
public struct AssuranceRecord: Hashable, Codable, Sendable {
    public var system: String
    public var component: String?
    public var testType: String
    public var tester: String
    public var independence: Independence
    public var testedAt: Date
    public var modelVersion: String?
    public var passed: Bool
    public var report: String?

    public init(
        system: String,
        component: String? = nil,
        testType: String,
        tester: String,
        independence: Independence,
        testedAt: Date,
        modelVersion: String? = nil,
        passed: Bool,
        report: String? = nil
    ) {
        self.system = system
        self.component = component
        self.testType = testType
        self.tester = tester
        self.independence = independence
        self.testedAt = testedAt
        self.modelVersion = modelVersion
        self.passed = passed
        self.report = report
    }
}

/// An incident with its clock: occurred (may be unknown), detected, contained, resolved.
public struct Incident: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var system: String?
    public var component: String?
    public var kind: IncidentKind
    public var occurredAt: Date?
    public var detectedAt: Date
    public var containedAt: Date?
    public var resolvedAt: Date?
    public var summary: String

    public init(
        id: String,
        system: String? = nil,
        component: String? = nil,
        kind: IncidentKind,
        occurredAt: Date?,
        detectedAt: Date,
        containedAt: Date?,
        resolvedAt: Date? = nil,
        summary: String
    ) {
        self.id = id
        self.system = system
        self.component = component
        self.kind = kind
        self.occurredAt = occurredAt
        self.detectedAt = detectedAt
        self.containedAt = containedAt
        self.resolvedAt = resolvedAt
        self.summary = summary
    }
}

/// The buyer's own table of which headquarters countries count as domestic, EU or allied.
public struct CountryTable: Hashable, Codable, Sendable {
    public var domestic: Set<String>
    public var eu: Set<String>
    public var allied: Set<String>

    public init(domestic: Set<String> = [], eu: Set<String> = [], allied: Set<String> = []) {
        self.domestic = Set(domestic.map { $0.uppercased() })
        self.eu = Set(eu.map { $0.uppercased() })
        self.allied = Set(allied.map { $0.uppercased() })
    }

    public func allianceClass(of country: String?) -> AllianceClass {
        guard let code = country?.uppercased(), !code.isEmpty else { return .unknown }
        if domestic.contains(code) { return .domestic }
        if eu.contains(code) { return .eu }
        if allied.contains(code) { return .allied }
        return .other
    }
}
