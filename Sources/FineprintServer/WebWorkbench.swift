import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintIngest
import FineprintKnowledge
import FineprintStore
import Foundation

/// Everything the web app's handlers share: the corpus and analyzer (the same library calls the
/// CLI makes), the document reader with the upload limit, the store, the knowledge catalogue and
/// the page templates.
public struct WebWorkbench: Sendable {
    public let corpus: Corpus
    public let analyzer: Analyzer
    public let reader: DocumentReader
    public let store: any Store
    public let catalog: KnowledgeCatalog
    /// A `fineprint watch` store whose recorded versions and changes the watch page shows (nil: none).
    public let watchFolder: URL?
    /// The deploying government's own jurisdictions, added to every tier it judges against (a
    /// law named there is not foreign); empty: unknown, every named law is flagged for review.
    public let homeJurisdictions: [String]
    let pages: Pages
    /// The job queue uploads go to; nil: each upload is analysed while the request waits.
    public var jobs: JobDesk?
    /// Rendered report pages by analysis id: a stored analysis never changes, so neither does its page.
    let reportPages = RenderCache<Int64>(capacity: 256)
    /// Rendered knowledge search pages by query: the index is rebuilt only at start-up.
    let knowledgePages = RenderCache<String>(capacity: 512)
    /// Encoded JSON search answers by query, for the same reason.
    let knowledgeAnswers = RenderCache<String>(capacity: 512)

    /// Loads the templates, scores the partnerships on their public terms and rebuilds the
    /// knowledge search index (it is derived from the corpus, so it is rebuilt at every start).
    /// `analyzer`: the one the CLI built (with the learned model, unless rules only were asked for);
    /// without it the rules alone judge.
    public init(
        corpus: Corpus,
        knowledge: KnowledgeBase,
        store: any Store,
        maxUploadBytes: Int = 25_000_000,
        pdftotextPath: String? = nil,
        analyzer: Analyzer? = nil,
        watchFolder: URL? = nil,
        homeJurisdictions: [String] = []
    ) async throws {
        self.corpus = corpus
        self.watchFolder = watchFolder
        self.homeJurisdictions = homeJurisdictions
        let analyzer = try analyzer ?? Analyzer(corpus: corpus)
        self.analyzer = analyzer
        self.reader = DocumentReader(maxBytes: maxUploadBytes, pdftotextPath: pdftotextPath)
        self.store = store
        let published = knowledge.published
        var scorecards: [PartnershipScorecard] = []
        if let tier = corpus.playbook(Self.defaultProfile) ?? corpus.playbooks.first {
            scorecards = PartnershipScorer(analyzer: analyzer, corpus: corpus, knowledge: published, playbook: tier)
                .scorecards()
        }
        self.catalog = KnowledgeCatalog(corpus: corpus, knowledge: published, scorecards: scorecards)
        self.pages = try await Pages.load()
        try await store.replaceKnowledge(catalog.entries)
    }

    /// Loads the corpus and its knowledge base from a corpus folder.
    public static func load(
        corpusURL: URL,
        store: any Store,
        maxUploadBytes: Int = 25_000_000,
        analyzer: Analyzer? = nil,
        watchFolder: URL? = nil,
        homeJurisdictions: [String] = []
    ) async throws -> WebWorkbench {
        let corpus = try analyzer?.corpus ?? CorpusLoader.load(from: corpusURL)
        let knowledge = try KnowledgeLoader.load(fromCorpus: corpusURL)
        return try await WebWorkbench(
            corpus: corpus,
            knowledge: knowledge,
            store: store,
            maxUploadBytes: maxUploadBytes,
            analyzer: analyzer,
            watchFolder: watchFolder,
            homeJurisdictions: homeJurisdictions
        )
    }

    public var maxUploadBytes: Int { reader.maxBytes }

    /// The tiers and playbooks a user can choose, in corpus order.
    var profiles: [Playbook] { corpus.playbooks }
    static let defaultProfile = "tier1"
}
