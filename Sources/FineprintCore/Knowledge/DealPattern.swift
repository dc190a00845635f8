/// A recurring shape of public-sector AI deal, rendered as a pattern page.
public struct DealPattern: KnowledgeItem, Hashable, Codable {
    public enum Category: String, Codable, Sendable, CaseIterable {
        case sovereign
        case publicService = "public_service"
        case testing
        case infrastructure
        case enterprise
    }

    public struct SubVariant: Hashable, Codable, Sendable {
        public var id: String
        public var name: String
        public var description: String
    }

    /// An illustrative clause in the project's own words.
    public struct ExampleClause: Hashable, Codable, Sendable {
        public var title: String
        public var text: String
    }

    /// A kill-list move as it bears on this pattern.
    public struct PatternMove: Hashable, Codable, Sendable {
        public var id: String
        public var whyHere: String
        public var mitigation: String

        enum CodingKeys: String, CodingKey {
            case id, mitigation
            case whyHere = "why_here"
        }
    }

    public var id: String
    public var name: String
    public var category: Category
    public var summary: String
    public var description: String
    public var subVariants: [SubVariant]
    /// Partnership ids that exhibit the pattern now.
    public var livePrecedents: [String]
    public var exampleClauses: [ExampleClause]
    public var killListMoves: [PatternMove]
    /// Precedent ids.
    public var precedents: [String]
    /// Regulation ids.
    public var regulations: [String]
    /// Source ids of papers, government releases or treaties the pattern leans on.
    public var scholarlyAnchors: [String]
    public var sources: [String]
    public var confidence: Confidence
    public var reviewed: Review
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, name, category, summary, description, precedents, regulations, sources, confidence, reviewed, version
        case subVariants = "sub_variants"
        case livePrecedents = "live_precedents"
        case exampleClauses = "example_clauses"
        case killListMoves = "kill_list_moves"
        case scholarlyAnchors = "scholarly_anchors"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        category = try c.decode(Category.self, forKey: .category)
        summary = try c.decode(String.self, forKey: .summary)
        description = try c.decode(String.self, forKey: .description)
        subVariants = try c.decodeIfPresent([SubVariant].self, forKey: .subVariants) ?? []
        livePrecedents = try c.decodeIfPresent([String].self, forKey: .livePrecedents) ?? []
        exampleClauses = try c.decodeIfPresent([ExampleClause].self, forKey: .exampleClauses) ?? []
        killListMoves = try c.decodeIfPresent([PatternMove].self, forKey: .killListMoves) ?? []
        precedents = try c.decodeIfPresent([String].self, forKey: .precedents) ?? []
        regulations = try c.decodeIfPresent([String].self, forKey: .regulations) ?? []
        scholarlyAnchors = try c.decodeIfPresent([String].self, forKey: .scholarlyAnchors) ?? []
        sources = try c.decode([String].self, forKey: .sources)
        confidence = try c.decode(Confidence.self, forKey: .confidence)
        reviewed = try c.decode(Review.self, forKey: .reviewed)
        version = try c.decode(Int.self, forKey: .version)
    }
}
