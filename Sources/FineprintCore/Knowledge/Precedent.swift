/// Litigation, a judgment, a regulator's action or an inquiry that a negotiator should reason against.
public struct Precedent: KnowledgeItem, Hashable, Codable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case litigation
        case courtDecision = "court_decision"
        case regulatoryAction = "regulatory_action"
        case inquiry
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var forum: String
    public var reference: String?
    public var date: String
    public var summary: String
    public var relevance: String
    /// Taxonomy provision ids it bears on.
    public var provisions: [String]
    /// Kill-list move ids it illustrates.
    public var killListMoves: [String]
    public var sources: [String]
    public var confidence: Confidence
    public var reviewed: Review
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, name, kind, forum, reference, date, summary, relevance, provisions, sources, confidence, reviewed,
            version
        case killListMoves = "kill_list_moves"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(Kind.self, forKey: .kind)
        forum = try c.decode(String.self, forKey: .forum)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        date = try c.decode(String.self, forKey: .date)
        summary = try c.decode(String.self, forKey: .summary)
        relevance = try c.decode(String.self, forKey: .relevance)
        provisions = try c.decodeIfPresent([String].self, forKey: .provisions) ?? []
        killListMoves = try c.decodeIfPresent([String].self, forKey: .killListMoves) ?? []
        sources = try c.decode([String].self, forKey: .sources)
        confidence = try c.decode(Confidence.self, forKey: .confidence)
        reviewed = try c.decode(Review.self, forKey: .reviewed)
        version = try c.decode(Int.self, forKey: .version)
    }
}
