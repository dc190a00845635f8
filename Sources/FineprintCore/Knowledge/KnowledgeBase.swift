/// Everything corpus/knowledge/ holds (docs/knowledge-format.md).
public struct KnowledgeBase: Codable, Sendable {
    public var sources: [KnowledgeSource]
    public var reviewers: [Reviewer]
    public var patterns: [DealPattern]
    public var partnerships: [Partnership]
    public var precedents: [Precedent]
    public var regulations: [RegulatoryProvision]

    public init(
        sources: [KnowledgeSource] = [],
        reviewers: [Reviewer] = [],
        patterns: [DealPattern] = [],
        partnerships: [Partnership] = [],
        precedents: [Precedent] = [],
        regulations: [RegulatoryProvision] = []
    ) {
        self.sources = sources
        self.reviewers = reviewers
        self.patterns = patterns
        self.partnerships = partnerships
        self.precedents = precedents
        self.regulations = regulations
    }

    /// The items published by default: only those whose facts rest on primary sources.
    /// Sources and reviewers are kept whole, since they are citations rather than claims.
    public var published: KnowledgeBase {
        KnowledgeBase(
            sources: sources,
            reviewers: reviewers,
            patterns: patterns.filter { $0.confidence.isPublishedByDefault },
            partnerships: partnerships.filter { $0.confidence.isPublishedByDefault },
            precedents: precedents.filter { $0.confidence.isPublishedByDefault },
            regulations: regulations.filter { $0.confidence.isPublishedByDefault }
        )
    }

    public func source(_ id: String) -> KnowledgeSource? { sources.first { $0.id == id } }
    public func pattern(_ id: String) -> DealPattern? { patterns.first { $0.id == id } }
    public func partnership(_ id: String) -> Partnership? { partnerships.first { $0.id == id } }
    public func precedent(_ id: String) -> Precedent? { precedents.first { $0.id == id } }
    public func regulation(_ id: String) -> RegulatoryProvision? { regulations.first { $0.id == id } }

    /// Partnerships that exhibit a pattern, as primary or further pattern.
    public func partnerships(exhibiting patternId: String) -> [Partnership] {
        partnerships.filter { $0.allPatterns.contains(patternId) }
    }
}
