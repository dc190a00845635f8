/// One article of a statute, treaty or official guidance, mapped to the taxonomy provisions it bears on.
public struct RegulatoryProvision: KnowledgeItem, Hashable, Codable {
    public var id: String
    public var instrument: String
    public var jurisdiction: String?
    public var article: String
    public var title: String
    public var summary: String
    public var provisions: [String]
    public var appliesFrom: String?
    public var url: String
    public var sources: [String]
    public var confidence: Confidence
    public var reviewed: Review
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, instrument, jurisdiction, article, title, summary, provisions, url, sources, confidence, reviewed,
            version
        case appliesFrom = "applies_from"
    }
}
