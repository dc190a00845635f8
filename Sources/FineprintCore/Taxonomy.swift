/// One of the seven dimensions the provisions are grouped in.
public struct Dimension: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var summary: String

    public init(id: String, name: String, summary: String) {
        self.id = id
        self.name = name
        self.summary = summary
    }
}

/// Whether having a provision helps the buyer (protection) or hurts it (hazard, e.g. unilateral_change).
public enum ProvisionPolarity: String, Codable, Sendable {
    case protection
    case hazard
}

/// The kind of value a provision carries, which decides how it is extracted.
public enum ValueKind: String, Codable, Sendable {
    case jurisdiction
    case forum
    case duration
    case liabilityCap = "liability_cap"
    case money
}

/// A reference to a standard or law that asks for a provision.
public struct StandardReference: Hashable, Codable, Sendable {
    public var ref: String
    public var url: String?

    public init(ref: String, url: String? = nil) {
        self.ref = ref
        self.url = url
    }
}

/// A provision of the sovereignty taxonomy (spec/taxonomy.md).
public struct Provision: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var dimension: String
    public var name: String
    /// What the provision means for the buyer.
    public var meaning: String
    /// What a buyer-protective version looks like.
    public var strong: String
    /// What a vendor-favourable version looks like.
    public var weak: String
    public var polarity: ProvisionPolarity
    public var value: ValueKind?
    public var standards: [StandardReference]
    /// The CUAD category this provision is evaluated against, if any.
    public var cuad: String?

    public init(
        id: String,
        dimension: String,
        name: String,
        meaning: String,
        strong: String,
        weak: String,
        polarity: ProvisionPolarity = .protection,
        value: ValueKind? = nil,
        standards: [StandardReference] = [],
        cuad: String? = nil
    ) {
        self.id = id
        self.dimension = dimension
        self.name = name
        self.meaning = meaning
        self.strong = strong
        self.weak = weak
        self.polarity = polarity
        self.value = value
        self.standards = standards
        self.cuad = cuad
    }

    enum CodingKeys: String, CodingKey {
        case id, dimension, name, meaning, strong, weak, polarity, value, standards, cuad
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        dimension = try c.decode(String.self, forKey: .dimension)
        name = try c.decode(String.self, forKey: .name)
        meaning = try c.decode(String.self, forKey: .meaning)
        strong = try c.decode(String.self, forKey: .strong)
        weak = try c.decode(String.self, forKey: .weak)
        polarity = try c.decodeIfPresent(ProvisionPolarity.self, forKey: .polarity) ?? .protection
        value = try c.decodeIfPresent(ValueKind.self, forKey: .value)
        standards = try c.decodeIfPresent([StandardReference].self, forKey: .standards) ?? []
        cuad = try c.decodeIfPresent(String.self, forKey: .cuad)
    }
}

/// The taxonomy: dimensions in display order and the provisions within them.
public struct Taxonomy: Sendable {
    public var dimensions: [Dimension]
    public var provisions: [Provision]

    public init(dimensions: [Dimension], provisions: [Provision]) {
        self.dimensions = dimensions
        self.provisions = provisions
    }

    public func provision(_ id: String) -> Provision? { provisions.first { $0.id == id } }
    public func provisions(in dimension: String) -> [Provision] { provisions.filter { $0.dimension == dimension } }

    /// The display name of a dimension; its id when the taxonomy has no such dimension.
    public func dimensionName(_ id: String) -> String { dimensions.first { $0.id == id }?.name ?? id }
}
