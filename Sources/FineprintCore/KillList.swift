/// A condition on another provision's finding, used by kill-list move triggers.
public struct ProvisionCondition: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable { case present, absent }

    public var provision: String
    public var status: Status
    /// With `present`: the finding's strength must be at most this.
    public var strengthAtMost: Strength?
    /// With `present`: the extracted value must contain this text (case-insensitive).
    public var valueContains: String?
    /// With `present`: the value must name none of the playbook's home jurisdictions (a governing
    /// law or forum abroad). Holds for any value when the playbook names no home.
    public var foreign: Bool

    public init(
        provision: String,
        status: Status,
        strengthAtMost: Strength? = nil,
        valueContains: String? = nil,
        foreign: Bool = false
    ) {
        self.provision = provision
        self.status = status
        self.strengthAtMost = strengthAtMost
        self.valueContains = valueContains
        self.foreign = foreign
    }

    enum CodingKeys: String, CodingKey {
        case provision, status, foreign
        case strengthAtMost = "strength_at_most"
        case valueContains = "value_contains"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provision = try c.decode(String.self, forKey: .provision)
        status = try c.decode(Status.self, forKey: .status)
        strengthAtMost = try c.decodeIfPresent(Strength.self, forKey: .strengthAtMost)
        valueContains = try c.decodeIfPresent(String.self, forKey: .valueContains)
        foreign = try c.decodeIfPresent(Bool.self, forKey: .foreign) ?? false
    }
}

/// One way a kill-list move shows itself: an optional phrase pattern plus conditions that must all hold.
public struct MoveTrigger: Hashable, Codable, Sendable {
    public var pattern: String?
    public var when: CuePolarity
    public var party: Party
    public var weight: Double
    public var requires: [ProvisionCondition]

    public init(
        pattern: String? = nil,
        when: CuePolarity = .any,
        party: Party = .any,
        weight: Double = 0.8,
        requires: [ProvisionCondition] = []
    ) {
        self.pattern = pattern
        self.when = when
        self.party = party
        self.weight = weight
        self.requires = requires
    }

    enum CodingKeys: String, CodingKey { case pattern, when, party, weight, requires }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
        when = try c.decodeIfPresent(CuePolarity.self, forKey: .when) ?? .any
        party = try c.decodeIfPresent(Party.self, forKey: .party) ?? .any
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 0.8
        requires = try c.decodeIfPresent([ProvisionCondition].self, forKey: .requires) ?? []
    }
}

public enum Severity: String, Codable, Sendable { case high, medium, low }

/// A contract-level trap: wording that predictably fails the buyer, and how to mitigate it.
public struct KillListMove: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// What the move looks like in a contract.
    public var summary: String
    /// The mechanism by which it fails the buyer.
    public var mechanism: String
    public var severity: Severity
    /// Provisions whose wording reveals the move.
    public var reveals: [String]
    /// The model clause that mitigates it.
    public var mitigation: String
    /// The move is found when any trigger holds.
    public var triggers: [MoveTrigger]

    public init(
        id: String,
        name: String,
        summary: String,
        mechanism: String,
        severity: Severity,
        reveals: [String],
        mitigation: String,
        triggers: [MoveTrigger]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.mechanism = mechanism
        self.severity = severity
        self.reveals = reveals
        self.mitigation = mitigation
        self.triggers = triggers
    }
}

/// A model clause in the project's own words, that supplies provisions or mitigates moves.
public struct ModelClause: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// Protective provisions the clause supplies.
    public var provides: [String]
    /// Hazard provisions (e.g. unilateral_change) the clause neutralises.
    public var counters: [String]
    /// Kill-list moves the clause mitigates.
    public var mitigates: [String]
    public var text: String
    /// Why the clause is drafted this way, and what to negotiate.
    public var notes: String?
    /// Standards the clause follows.
    public var basis: [StandardReference]

    public init(
        id: String,
        title: String,
        provides: [String],
        counters: [String] = [],
        mitigates: [String] = [],
        text: String,
        notes: String? = nil,
        basis: [StandardReference] = []
    ) {
        self.id = id
        self.title = title
        self.provides = provides
        self.counters = counters
        self.mitigates = mitigates
        self.text = text
        self.notes = notes
        self.basis = basis
    }

    enum CodingKeys: String, CodingKey { case id, title, provides, counters, mitigates, text, notes, basis }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        provides = try c.decodeIfPresent([String].self, forKey: .provides) ?? []
        counters = try c.decodeIfPresent([String].self, forKey: .counters) ?? []
        mitigates = try c.decodeIfPresent([String].self, forKey: .mitigates) ?? []
        text = try c.decode(String.self, forKey: .text)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        basis = try c.decodeIfPresent([StandardReference].self, forKey: .basis) ?? []
    }
}
