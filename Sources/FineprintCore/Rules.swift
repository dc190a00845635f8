/// How protective a provision is for the buyer.
public enum Strength: String, Codable, Sendable, Comparable, CaseIterable {
    case weak, adequate, strong

    private var rank: Int {
        switch self {
        case .weak: 0
        case .adequate: 1
        case .strong: 2
        }
    }

    public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rank < rhs.rank }

    /// One level weaker (weak stays weak).
    public var lowered: Strength {
        switch self {
        case .strong: .adequate
        case .adequate, .weak: .weak
        }
    }
}

/// A side of the contract. Rules say whose right or duty a cue must be about.
public enum Party: String, Codable, Sendable {
    case supplier, buyer, any
}

/// Whether a cue must be negated ("will not use…") or affirmed ("may use…") to count.
public enum CuePolarity: String, Codable, Sendable {
    case any, affirmed, negated
}

/// What a matched cue says about its provision.
public enum CueEffect: String, Codable, Sendable {
    /// The wording establishes the provision.
    case supports
    /// The wording undercuts it: the provision is weakened or, alone, shown absent.
    case contradicts
}

/// A phrase pattern that, matched in a sentence, is evidence for (or against) a provision.
/// The pattern language is documented in docs/corpus-format.md.
public struct Cue: Hashable, Codable, Sendable {
    public var id: String?
    public var pattern: String
    public var weight: Double
    public var when: CuePolarity
    public var party: Party
    public var effect: CueEffect
    /// How protective the provision is when this cue is its evidence.
    public var strength: Strength?
    /// Patterns of words that, any of them matched anywhere in the cue's sentence, keep the cue from counting there:
    /// "nothing limits liability for" is no carve-out when what follows is only "losses which may not lawfully be
    /// limited". Written in YAML as one pattern or a list.
    public var unless: [String]

    public init(
        id: String? = nil,
        pattern: String,
        weight: Double = 0.8,
        when: CuePolarity = .any,
        party: Party = .any,
        effect: CueEffect = .supports,
        strength: Strength? = nil,
        unless: [String] = []
    ) {
        self.id = id
        self.pattern = pattern
        self.weight = weight
        self.when = when
        self.party = party
        self.effect = effect
        self.strength = strength
        self.unless = unless
    }

    enum CodingKeys: String, CodingKey { case id, pattern, weight, when, party, effect, strength, unless }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        pattern = try c.decode(String.self, forKey: .pattern)
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 0.8
        when = try c.decodeIfPresent(CuePolarity.self, forKey: .when) ?? .any
        party = try c.decodeIfPresent(Party.self, forKey: .party) ?? .any
        effect = try c.decodeIfPresent(CueEffect.self, forKey: .effect) ?? .supports
        strength = try c.decodeIfPresent(Strength.self, forKey: .strength)
        if let one = try? c.decodeIfPresent(String.self, forKey: .unless) {
            unless = [one]
        } else {
            unless = try c.decodeIfPresent([String].self, forKey: .unless) ?? []
        }
    }
}

/// The detection rules of one provision.
public struct DetectionRule: Hashable, Codable, Sendable {
    public var provision: String
    /// Patterns matched against section headings; a cue under a matching heading counts for more.
    public var headings: [String]
    public var cues: [Cue]
    /// For provisions whose value is a duration: how the value sets the strength.
    public var valueStrength: [ValueThreshold]

    public init(provision: String, headings: [String] = [], cues: [Cue], valueStrength: [ValueThreshold] = []) {
        self.provision = provision
        self.headings = headings
        self.cues = cues
        self.valueStrength = valueStrength
    }

    enum CodingKeys: String, CodingKey {
        case provision, headings, cues
        case valueStrength = "value_strength"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provision = try c.decode(String.self, forKey: .provision)
        headings = try c.decodeIfPresent([String].self, forKey: .headings) ?? []
        cues = try c.decode([Cue].self, forKey: .cues)
        valueStrength = try c.decodeIfPresent([ValueThreshold].self, forKey: .valueStrength) ?? []
    }
}

/// Words that name each side of a contract ("we", "Provider" / "you", "Customer").
public struct PartyLexicon: Hashable, Codable, Sendable {
    public var supplier: [String]
    public var buyer: [String]

    public init(supplier: [String], buyer: [String]) {
        self.supplier = supplier
        self.buyer = buyer
    }
}

/// A place a contract may name as governing law or forum, with the spellings that name it.
public struct Jurisdiction: Hashable, Codable, Sendable {
    /// The value reported, e.g. "California, USA".
    public var name: String
    /// Lower-case spellings, e.g. "california", "state of california".
    public var aliases: [String]
    public var country: String

    public init(name: String, aliases: [String], country: String) {
        self.name = name
        self.aliases = aliases
        self.country = country
    }
}

/// A named thing a forum clause may mention: an arbitral institution or a seat city.
public struct NamedPlace: Hashable, Codable, Sendable {
    public var name: String
    public var aliases: [String]

    public init(name: String, aliases: [String]) {
        self.name = name
        self.aliases = aliases
    }
}

/// Arbitral institutions and seat cities, for the value of dispute_forum.
public struct ForumLexicon: Hashable, Codable, Sendable {
    public var institutions: [NamedPlace]
    public var cities: [NamedPlace]

    public init(institutions: [NamedPlace], cities: [NamedPlace]) {
        self.institutions = institutions
        self.cities = cities
    }
}

/// A rule's mapping from an extracted duration to strength: the first threshold the value is within
/// wins; an entry without `at_most` applies to longer values.
public struct ValueThreshold: Hashable, Codable, Sendable {
    /// A duration such as "72 hours" or "90 days".
    public var atMost: String?
    public var strength: Strength

    public init(atMost: String?, strength: Strength) {
        self.atMost = atMost
        self.strength = strength
    }

    enum CodingKeys: String, CodingKey {
        case atMost = "at_most"
        case strength
    }
}
