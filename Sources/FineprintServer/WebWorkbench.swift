import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintKnowledge
import FineprintRegister
import FineprintShare
import FineprintSignalDrafts
import FineprintSignals
import FineprintStandards
import FineprintStore
import Foundation
import Synchronization

/// Everything the web app's controllers share: the corpus and analyzer (the same library calls the
/// CLI makes), the document reader with the upload limit, the store and the settings. Building it
/// does no I/O; `start()` does the start-up work (templates, scorecards, the search index), which
/// `buildApplication` runs before the server accepts a request.
public struct WebWorkbench: Sendable {
    public let corpus: Corpus
    public let knowledge: KnowledgeBase
    public let analyzer: Analyzer
    public let reader: DocumentReader
    public let store: any Store
    /// A `fineprint watch` store whose recorded versions and changes the watch page shows (nil: none).
    public let watchFolder: URL?
    /// The deploying government's own jurisdictions, added to every tier it judges against (a
    /// law named there is not foreign); empty: unknown, every named law is flagged for review.
    public let homeJurisdictions: [String]
    /// What `start()` made; nil until then.
    let startup = StartupSlot()
    /// The allies' items and the playbooks they add (`WebWorkbench+Allies`).
    let allies = AlliesSlot()
    /// Bundles previewed on the import page, awaiting the import button.
    let pendingBundles = PendingBundles()
    /// Our own share keys (`fineprint share keygen --key-dir`), shown on the admin page; nil: none.
    public var shareKeyDirectory: URL?
    /// Our own evaluation results (`serve --our-evaluation`), set beside an ally's on its item page.
    public var ourEvaluations: [SharedEvaluation] = []
    /// The job queue uploads go to; nil: each upload is analysed while the request waits.
    public var jobs: JobDesk?
    /// The declared signal sources whose health the signals page shows (corpus/signals/sources).
    public var signalSources = SignalSourceCatalog(sources: [])
    /// Where the signals page promotes signals into knowledge items; nil: the page offers no promotion.
    public var knowledgeDrafts: KnowledgeDrafts?
    /// The standards an analysis can be checked against (corpus/standards/); empty: the report offers none.
    public var standards: [Crosswalk] = []
    /// The dependency register's policies (corpus/register/policies.yaml); empty: the pages list no violations.
    public var registerPolicies: [Policy] = []
    /// The register pages' computed view per organisation, until the register changes (`RegisterViewCache`).
    let registerViews = RegisterViewCache()
    /// Rendered report pages by analysis id: a stored analysis never changes, so neither does its page.
    let reportPages = RenderCache<Int64>(capacity: 256)
    /// Rendered knowledge search pages by query: the index is rebuilt only at start-up.
    let knowledgePages = RenderCache<String>(capacity: 512)
    /// Encoded JSON search answers by query, for the same reason.
    let knowledgeAnswers = RenderCache<String>(capacity: 512)
    /// Users, tokens and sessions in the store, with the access settings and the login throttle.
    public let accounts: Accounts

    /// `analyzer`: the one the CLI built (with the learned model, unless rules only were asked for);
    /// without it the rules alone judge.
    public init(
        corpus: Corpus,
        knowledge: KnowledgeBase,
        store: any Store,
        maxUploadBytes: Int = UploadLimit.defaultBytes,
        pdftotextPath: String? = nil,
        analyzer: Analyzer? = nil,
        watchFolder: URL? = nil,
        homeJurisdictions: [String] = [],
        access: AccessSettings = AccessSettings()
    ) throws {
        guard let accountStore = store as? any AccountStore else {
            throw StoreError.cannotOpen(path: "accounts", detail: "this store keeps no user accounts")
        }
        self.accounts = Accounts(store: accountStore, settings: access)
        self.corpus = corpus
        self.knowledge = knowledge.published
        self.analyzer = try analyzer ?? Analyzer(corpus: corpus)
        self.reader = DocumentReader(maxBytes: maxUploadBytes, pdftotextPath: pdftotextPath)
        self.store = store
        self.watchFolder = watchFolder
        self.homeJurisdictions = homeJurisdictions
    }

    /// The start-up work: loads the templates, scores the partnerships on their public terms and
    /// rebuilds the knowledge search index (derived from the corpus, so rebuilt at every start).
    /// Running it again does nothing.
    public func start() async throws {
        if startup.site != nil { return }
        let pages = try await Pages.load()
        let allied = try await loadAllies()
        allies.fill(allied)
        var catalog = KnowledgeCatalog(corpus: corpus, knowledge: knowledge, scorecards: partnershipScorecards())
        catalog.allies = allied.catalog
        try await store.replaceKnowledge(catalog.entries)
        startup.fill(Site(pages: pages, catalog: catalog))
    }

    func partnershipScorecards() -> [PartnershipScorecard] {
        guard let tier = corpus.playbook(Self.defaultProfile) ?? corpus.playbooks.first else { return [] }
        return PartnershipScorer(analyzer: analyzer, corpus: corpus, knowledge: knowledge, playbook: tier).scorecards()
    }

    /// The templates and the knowledge catalogue; a request before start-up finished is refused.
    var site: Site {
        get throws {
            guard let site = startup.site else { throw WebError.starting }
            return site
        }
    }

    var pages: Pages { get throws { try site.pages } }
    public var catalog: KnowledgeCatalog { get throws { try site.catalog } }

    public var maxUploadBytes: Int { reader.maxBytes }

    /// The tiers and playbooks a user can choose: the corpus's in order, then those adopted, then
    /// the allies' (named `publisher:id`, their names saying whose they are).
    var profiles: [Playbook] { corpus.playbooks + allies.snapshot.playbooks }
    static let defaultProfile = "tier1"
}

/// What the start-up work produces: the page templates and the knowledge catalogue.
struct Site: Sendable {
    let pages: Pages
    let catalog: KnowledgeCatalog
}

/// Holds the `Site` once start-up has made it (written once, read by every request).
final class StartupSlot: Sendable {
    private let value = Mutex<Site?>(nil)
    var site: Site? { value.withLock { $0 } }
    func fill(_ site: Site) { value.withLock { $0 = site } }
}

/// The upload limit, written once.
public enum UploadLimit {
    public static let defaultBytes = DocumentReader.defaultMaxBytes

    /// "25 MB", or "1000 bytes" for small test limits.
    static func described(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes) bytes"
    }
}
