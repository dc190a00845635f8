/// A public AI partnership or deal that a government entered, tracked against a pattern.
public struct Partnership: KnowledgeItem, Hashable, Codable {
    public enum Instrument: String, Codable, Sendable, CaseIterable {
        case mou, agreement, contract, announcement
        case investmentAgreement = "investment_agreement"
        case procurementVehicle = "procurement_vehicle"
        case testingAgreement = "testing_agreement"
    }

    /// A short verbatim passage of the partnership's public terms: the only quotations the knowledge base holds.
    public struct TermsExcerpt: Hashable, Codable, Sendable {
        public enum Check: String, Codable, Sendable, CaseIterable {
            case primaryText = "primary_text"
            case reproduction
            case quotedInReports = "quoted_in_reports"
        }

        public var source: String
        public var excerpt: String
        public var checked: Check
    }

    public var id: String
    public var name: String
    public var parties: [String]
    /// ISO 3166-1 alpha-2 codes.
    public var countries: [String]
    public var date: String
    public var pattern: String
    public var alsoPatterns: [String]
    public var instrument: Instrument
    public var summary: String
    public var publicTermsExcerpts: [TermsExcerpt]
    public var sources: [String]
    public var confidence: Confidence
    public var reviewed: Review
    public var version: Int

    /// Every pattern the partnership exhibits, the primary one first.
    public var allPatterns: [String] { [pattern] + alsoPatterns }

    enum CodingKeys: String, CodingKey {
        case id, name, parties, countries, date, pattern, instrument, summary, sources, confidence, reviewed, version
        case alsoPatterns = "also_patterns"
        case publicTermsExcerpts = "public_terms_excerpts"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        parties = try c.decode([String].self, forKey: .parties)
        countries = try c.decodeIfPresent([String].self, forKey: .countries) ?? []
        date = try c.decode(String.self, forKey: .date)
        pattern = try c.decode(String.self, forKey: .pattern)
        alsoPatterns = try c.decodeIfPresent([String].self, forKey: .alsoPatterns) ?? []
        instrument = try c.decode(Instrument.self, forKey: .instrument)
        summary = try c.decode(String.self, forKey: .summary)
        publicTermsExcerpts = try c.decodeIfPresent([TermsExcerpt].self, forKey: .publicTermsExcerpts) ?? []
        sources = try c.decode([String].self, forKey: .sources)
        confidence = try c.decode(Confidence.self, forKey: .confidence)
        reviewed = try c.decode(Review.self, forKey: .reviewed)
        version = try c.decode(Int.self, forKey: .version)
    }
}
