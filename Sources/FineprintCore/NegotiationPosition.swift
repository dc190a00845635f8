/// What a position rests on: an article of a law or guidance in the knowledge sources
/// (corpus/knowledge/sources.yaml), or a standard by its id (corpus/standards/).
public struct PositionBasis: Hashable, Codable, Sendable {
    /// A knowledge source id (eu_ai_act, data_act, omb_m_25_22…), or nil when `standard` is set.
    public var source: String?
    /// A standard id (mcc-ai-high-risk…), or nil when `source` is set.
    public var standard: String?
    /// The article, section or clause relied on ("Art. 26(1)", "section 4(b)").
    public var article: String
    /// Why this article supports the ask, in one short phrase.
    public var point: String?

    public init(source: String? = nil, standard: String? = nil, article: String, point: String? = nil) {
        self.source = source
        self.standard = standard
        self.article = article
        self.point = point
    }
}

/// A negotiation position on one provision: what we ask for first (a model clause), what we would
/// accept instead, the line below which we walk away, and why.
public struct NegotiationPosition: Hashable, Codable, Sendable {
    /// The provision the position is about (set by the position file; implied inside a requirement).
    public var provision: String?
    /// The model clause asked for first (corpus/clauses/).
    public var preferred: String
    /// Weaker wordings we would still accept, best first.
    public var fallbacks: [String]
    /// The least the buyer can sign; nil only where the playbook merely prefers the provision.
    public var walkAway: String?
    /// Why the provision matters to the buyer, in plain words.
    public var why: String
    public var restsOn: [PositionBasis]

    public init(
        provision: String? = nil,
        preferred: String,
        fallbacks: [String],
        walkAway: String?,
        why: String,
        restsOn: [PositionBasis]
    ) {
        self.provision = provision
        self.preferred = preferred
        self.fallbacks = fallbacks
        self.walkAway = walkAway
        self.why = why
        self.restsOn = restsOn
    }

    enum CodingKeys: String, CodingKey {
        case provision, preferred, fallbacks, why
        case walkAway = "walk_away"
        case restsOn = "rests_on"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provision = try c.decodeIfPresent(String.self, forKey: .provision)
        preferred = try c.decode(String.self, forKey: .preferred)
        fallbacks = try c.decodeIfPresent([String].self, forKey: .fallbacks) ?? []
        walkAway = try c.decodeIfPresent(String.self, forKey: .walkAway)
        why = try c.decode(String.self, forKey: .why)
        restsOn = try c.decodeIfPresent([PositionBasis].self, forKey: .restsOn) ?? []
    }
}

/// A standard that positions cite by id, with the name a reader sees and where to read it.
public struct StandardName: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var url: String?

    public init(id: String, name: String, url: String? = nil) {
        self.id = id
        self.name = name
        self.url = url
    }
}

/// A named set of positions, one per provision (corpus/positions/*.yaml), that playbooks refer to.
public struct PositionSet: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// The standards the positions cite, by id.
    public var standards: [StandardName]
    public var positions: [NegotiationPosition]

    public init(id: String, name: String, standards: [StandardName] = [], positions: [NegotiationPosition]) {
        self.id = id
        self.name = name
        self.standards = standards
        self.positions = positions
    }

    enum CodingKeys: String, CodingKey { case id, name, standards, positions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        standards = try c.decodeIfPresent([StandardName].self, forKey: .standards) ?? []
        positions = try c.decode([NegotiationPosition].self, forKey: .positions)
    }

    public func position(for provision: String) -> NegotiationPosition? {
        positions.first { $0.provision == provision }
    }
}

extension Corpus {
    public func positionSet(_ id: String) -> PositionSet? { positionSets.first { $0.id == id } }

    /// The position a playbook takes on a provision: the requirement's own, else the one in the
    /// playbook's position set (the bundled `standard` set when the playbook names none).
    public func position(for provision: String, in playbook: Playbook) -> NegotiationPosition? {
        if let own = playbook.requirement(for: provision)?.position { return own }
        return positionSet(playbook.positions ?? PositionSet.defaultId)?.position(for: provision)
    }

    public func source(_ id: String) -> KnowledgeSource? { sources.first { $0.id == id } }

    /// A cited standard's name and address, from any position set that names it.
    public func standard(_ id: String) -> StandardName? {
        positionSets.lazy.compactMap { $0.standards.first { $0.id == id } }.first
    }
}

extension PositionSet {
    /// The set a playbook without a `positions:` line uses.
    public static let defaultId = "standard"
}
