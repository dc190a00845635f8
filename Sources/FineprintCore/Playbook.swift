import Foundation

/// How much a playbook cares about a provision.
public enum RequirementLevel: String, Codable, Sendable {
    case required
    case preferred
    /// The provision (a hazard such as unilateral_change) must not be in the contract.
    case mustBeAbsent = "must_be_absent"
}

public struct Requirement: Hashable, Codable, Sendable {
    public var provision: String
    public var level: RequirementLevel
    public var weight: Double
    /// Below this strength a present provision still counts as a gap.
    public var minimumStrength: Strength?
    /// The playbook's own negotiation position on the provision, overriding its position set's.
    public var position: NegotiationPosition?

    public init(
        provision: String,
        level: RequirementLevel,
        weight: Double = 1,
        minimumStrength: Strength? = nil,
        position: NegotiationPosition? = nil
    ) {
        self.provision = provision
        self.level = level
        self.weight = weight
        self.minimumStrength = minimumStrength
        self.position = position
    }

    enum CodingKeys: String, CodingKey {
        case provision, level, weight, position
        case minimumStrength = "minimum_strength"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provision = try c.decode(String.self, forKey: .provision)
        level = try c.decode(RequirementLevel.self, forKey: .level)
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        minimumStrength = try c.decodeIfPresent(Strength.self, forKey: .minimumStrength)
        position = try c.decodeIfPresent(NegotiationPosition.self, forKey: .position)
    }
}

/// A sovereignty tier or a buyer's own playbook: what a contract must and must not contain.
public struct Playbook: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    public var requirements: [Requirement]
    /// Points taken off the overall score for each kill-list move found, by severity.
    public var movePenalty: [Severity: Double]
    /// The buyer's own jurisdictions (places as the contract may name them: "Ireland", "Dublin").
    /// A governing law or forum naming one of them is not foreign; with none named, the analyzer
    /// cannot tell whose law a contract chooses and treats every named one as possibly foreign.
    public var homeJurisdictions: [String]
    /// The position set (corpus/positions/) the requirements take their negotiation positions from;
    /// nil: the bundled `standard` set.
    public var positions: String?

    public init(
        id: String,
        name: String,
        description: String,
        requirements: [Requirement],
        movePenalty: [Severity: Double] = [.high: 6, .medium: 3, .low: 1],
        homeJurisdictions: [String] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.requirements = requirements
        self.movePenalty = movePenalty
        self.homeJurisdictions = homeJurisdictions
    }

    /// Whether a governing-law or forum value names none of the home jurisdictions (true when
    /// there are none: the buyer's home is unknown). Values read like "Northern Ireland, UK",
    /// "courts of California, USA" or "arbitration (ICC), Paris": each comma-separated place is
    /// compared whole, so a home of "Ireland" does not claim "Northern Ireland", while "UK" does.
    public func isForeign(_ value: String) -> Bool {
        guard !homeJurisdictions.isEmpty else { return true }
        let homes = Set(homeJurisdictions.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let places = value.lowercased().split(separator: ",").map { part in
            var place = part.trimmingCharacters(in: .whitespaces)
            if place.hasPrefix("courts of ") { place.removeFirst("courts of ".count) }
            return place
        }
        return !places.contains(where: homes.contains)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, requirements, positions
        case movePenalty = "move_penalty"
        case homeJurisdictions = "home_jurisdictions"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        requirements = try c.decode([Requirement].self, forKey: .requirements)
        let raw = try c.decodeIfPresent([String: Double].self, forKey: .movePenalty) ?? [:]
        var penalty: [Severity: Double] = [.high: 6, .medium: 3, .low: 1]
        for (key, value) in raw {
            guard let severity = Severity(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .movePenalty,
                    in: c,
                    debugDescription: "unknown severity '\(key)' (use high, medium or low)"
                )
            }
            penalty[severity] = value
        }
        movePenalty = penalty
        homeJurisdictions = try c.decodeIfPresent([String].self, forKey: .homeJurisdictions) ?? []
        positions = try c.decodeIfPresent(String.self, forKey: .positions)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(requirements, forKey: .requirements)
        try c.encode(
            Dictionary(uniqueKeysWithValues: movePenalty.map { ($0.key.rawValue, $0.value) }),
            forKey: .movePenalty
        )
        try c.encodeIfPresent(positions, forKey: .positions)
    }

    public func requirement(for provision: String) -> Requirement? {
        requirements.first { $0.provision == provision }
    }
}

/// Everything the analyzer knows, loaded from corpus/.
public struct Corpus: Sendable {
    public var taxonomy: Taxonomy
    public var rules: [DetectionRule]
    public var moves: [KillListMove]
    public var clauses: [ModelClause]
    public var playbooks: [Playbook]
    public var parties: PartyLexicon
    public var jurisdictions: [Jurisdiction]
    public var forums: ForumLexicon
    /// The reading layer's words, one lexicon per language (corpus/lexicon/reading/); empty: no reading.
    public var reading: [ReadingLexicon] = []
    /// Negotiation positions by set (corpus/positions/); the playbooks refer to a set by id.
    public var positionSets: [PositionSet] = []
    /// The primary sources positions rest on (corpus/knowledge/sources.yaml), for their addresses.
    public var sources: [KnowledgeSource] = []

    public init(
        taxonomy: Taxonomy,
        rules: [DetectionRule],
        moves: [KillListMove],
        clauses: [ModelClause],
        playbooks: [Playbook],
        parties: PartyLexicon,
        jurisdictions: [Jurisdiction],
        forums: ForumLexicon
    ) {
        self.taxonomy = taxonomy
        self.rules = rules
        self.moves = moves
        self.clauses = clauses
        self.playbooks = playbooks
        self.parties = parties
        self.jurisdictions = jurisdictions
        self.forums = forums
    }

    public func playbook(_ id: String) -> Playbook? { playbooks.first { $0.id == id } }
    public func clause(_ id: String) -> ModelClause? { clauses.first { $0.id == id } }
    public func move(_ id: String) -> KillListMove? { moves.first { $0.id == id } }

    /// The first model clause that supplies a protection or neutralises a hazard.
    public func clause(closing provision: String) -> ModelClause? {
        clauses.first { $0.provides.contains(provision) } ?? clauses.first { $0.counters.contains(provision) }
    }
}
