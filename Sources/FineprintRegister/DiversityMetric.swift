/// Metric 3: supplier diversity across chips, cloud and models.
///
/// Per layer, each dependency of a critical system on a component of that layer counts once; the
/// share of a group is its dependencies ÷ the dependencies whose group is known. HHI = Σ s², and the
/// effective number of suppliers N = 1 ÷ HHI; both by ultimate-parent group and by headquarters
/// country. Dependencies with no known supplier (or country) are the unknowns, left out of the
/// shares and shown. The headline is the smallest N by parent across the three layers.
public struct DiversityMetric: Hashable, Codable, Sendable {
    public struct Concentration: Hashable, Codable, Sendable {
        public var shares: [String: Double]
        /// On the 0…1 scale of fractional shares.
        public var hhi: Double?
        /// On the 0…10,000 scale of percentage shares, as competition authorities quote it.
        public var hhiPoints: Int?
        public var effectiveNumber: Double?
        public var unknowns: Int

        init(groups: [String?]) {
            let known = groups.compactMap { $0 }
            unknowns = groups.count - known.count
            let counts = Dictionary(grouping: known, by: { $0 }).mapValues(\.count)
            shares = counts.mapValues { Double($0) / Double(known.count) }
            let sum = shares.values.reduce(0) { $0 + $1 * $1 }
            hhi = known.isEmpty ? nil : sum
            hhiPoints = hhi.map { Int(($0 * 10_000).rounded()) }
            effectiveNumber = hhi.map { 1 / $0 }
        }
    }

    public struct LayerResult: Hashable, Codable, Sendable {
        public var layer: Layer
        public var dependencies: Int
        public var byParent: Concentration
        public var byCountry: Concentration
    }

    /// Dependencies whose parent group is known, across the three layers.
    public var numerator: Int
    public var denominator: Int
    public var unknowns: Int
    /// The smallest effective number of suppliers by parent across the layers that have any.
    public var minimumEffectiveSuppliers: Double?
    public var layers: [LayerResult]

    public init(_ register: Register) {
        layers = Layer.diversityLayers.map { Self.layer($0, register) }
        denominator = layers.map(\.dependencies).reduce(0, +)
        unknowns = layers.map(\.byParent.unknowns).reduce(0, +)
        numerator = denominator - unknowns
        minimumEffectiveSuppliers = layers.compactMap(\.byParent.effectiveNumber).min()
    }

    static func layer(_ layer: Layer, _ register: Register) -> LayerResult {
        var parents: [String?] = []
        var countries: [String?] = []
        for system in register.systems.values where system.criticality == .critical {
            for component in register.components(of: system) where component.layer == layer {
                let supplier = register.supplier(of: component)
                parents.append(supplier.map { register.groupOf($0) })
                countries.append(supplier.flatMap { register.countryOfGroup($0) })
            }
        }
        return LayerResult(
            layer: layer,
            dependencies: parents.count,
            byParent: Concentration(groups: parents),
            byCountry: Concentration(groups: countries)
        )
    }
}

extension Register {
    /// The ultimate-parent group of a supplier, as a supplier id when the parent is in the register.
    public func groupOf(_ supplier: Supplier) -> String {
        SupplierKey.id(supplier.group)
    }

    /// The headquarters country of a supplier (its own, else its parent's when the parent is registered).
    public func countryOfGroup(_ supplier: Supplier) -> String? {
        supplier.country ?? suppliers[groupOf(supplier)]?.country
    }
}
