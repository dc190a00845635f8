import FineprintCore
import Foundation

/// The corpus and knowledge base as one JSON document, for the API and other tools (`fineprint corpus export`).
/// Detection rules and lexicons stay out: they are the engine's internals, not knowledge a reader cites.
public struct CorpusExport: Encodable, Sendable {
    public static let schemaId = "fineprint.export/1"

    public var schema = CorpusExport.schemaId
    /// True when items below primary_source confidence were left in on request.
    public var includesUnpublished: Bool
    public var dimensions: [FineprintCore.Dimension]
    public var provisions: [Provision]
    public var killListMoves: [KillListMove]
    public var modelClauses: [ModelClause]
    public var playbooks: [Playbook]
    public var knowledge: KnowledgeBase
    public var partnershipScorecards: [PartnershipScorecard]

    public init(corpus: Corpus, knowledge: KnowledgeBase, scorecards: [PartnershipScorecard], includeUnpublished: Bool)
    {
        let shown = includeUnpublished ? knowledge : knowledge.published
        let shownPartnerships = Set(shown.partnerships.map(\.id))
        includesUnpublished = includeUnpublished
        dimensions = corpus.taxonomy.dimensions
        provisions = corpus.taxonomy.provisions
        killListMoves = corpus.moves
        modelClauses = corpus.clauses
        playbooks = corpus.playbooks
        self.knowledge = shown
        partnershipScorecards = scorecards.filter { shownPartnerships.contains($0.partnership) }
    }

    enum CodingKeys: String, CodingKey {
        case schema, dimensions, provisions, playbooks, knowledge
        case includesUnpublished = "includes_unpublished"
        case killListMoves = "kill_list_moves"
        case modelClauses = "model_clauses"
        case partnershipScorecards = "partnership_scorecards"
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
