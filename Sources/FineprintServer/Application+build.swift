import FineprintAnalysis
import FineprintCorpus
import FineprintSignalDrafts
import FineprintSignalFetch
import FineprintSignals
import FineprintStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// What `buildApplication` needs to know: where to listen, where the data lives, the corpus and
/// the settings. `fineprint serve` fills it from its options, the tests with temporary folders.
public protocol AppArguments: Sendable {
    var host: String { get }
    var port: Int { get }
    var logLevel: Logger.Level { get }
    var storage: StorageLocation { get }
    var corpusURL: URL { get }
    /// The analyzer the CLI built (with the learned model unless rules only); nil: the rules alone.
    var analyzer: Analyzer? { get }
    var maxUploadBytes: Int { get }
    var watchFolder: URL? { get }
    var homeJurisdictions: [String] { get }
    /// The job queue's settings; nil: each upload is analysed while its request waits.
    var jobs: JobSettings? { get }
    /// The public address, proxy header and session settings.
    var access: AccessSettings { get }
    /// Documents older than this many days are deleted daily; nil: kept until deleted by hand.
    var retentionDays: Int? { get }
    /// Our share key folder (`fineprint share keygen --key-dir`), shown on Admin › Sharing; nil: none.
    var shareKeyDirectory: URL? { get }
    /// The corpus-shaped folder the signals page promotes into; nil: `knowledge-drafts` in an SQLite data folder,
    /// and no promotion from the web on PostgreSQL.
    var knowledgeDraftsFolder: URL? { get }
    /// The scheduled harvest of enabled signal sources (`serve --signals-interval`); nil: none.
    var signalHarvest: SignalHarvestSettings? { get }
    /// Our evaluation results (the JSON of `fineprint eval … --json`), beside allies' figures.
    var ourEvaluationFiles: [URL] { get }
}

extension AppArguments {
    public var jobs: JobSettings? { nil }
    public var access: AccessSettings { AccessSettings() }
    public var retentionDays: Int? { nil }
    public var shareKeyDirectory: URL? { nil }
    public var knowledgeDraftsFolder: URL? { nil }
    public var signalHarvest: SignalHarvestSettings? { nil }
    public var ourEvaluationFiles: [URL] { [] }
}

/// How a server queues uploads: the queue's bound and how many analyses it runs itself (0: none,
/// `fineprint worker` processes run them).
public struct JobSettings: Sendable {
    public var workers: Int
    public var queueCapacity: Int

    public init(workers: Int, queueCapacity: Int) {
        self.workers = workers
        self.queueCapacity = queueCapacity
    }
}

/// Where uploads and analyses are kept.
public enum StorageLocation: Sendable {
    /// SQLite in a data folder (created if missing).
    case sqlite(folder: URL)
    /// PostgreSQL (`postgres://user:password@host:5432/database?schema=…`).
    case postgres(url: String)
    /// A store the caller opened (tests).
    case opened(any Store)

    /// The folder signal promotions write into: the one given, else `knowledge-drafts` beside the SQLite database
    /// (where `fineprint signals promote` writes by default).
    func knowledgeDrafts(_ given: URL?) -> URL? {
        if let given { return given }
        if case .sqlite(let folder) = self { return folder.appendingPathComponent("knowledge-drafts") }
        return nil
    }

    func open() async throws -> any Store {
        switch self {
        case .sqlite(let folder): return try SQLiteStore(dataDirectory: folder)
        // Its client runs as a service of the application; it is migrated before the server starts.
        case .postgres(let url): return PostgresStore(endpoint: try PostgresEndpoint(url: url))
        case .opened(let store): return store
        }
    }
}

/// The web workbench: opens the store, loads the corpus, and builds the application around them.
public func buildApplication(_ arguments: some AppArguments) async throws -> some ApplicationProtocol {
    let corpus = try arguments.analyzer?.corpus ?? CorpusLoader.load(from: arguments.corpusURL)
    let store = try await arguments.storage.open()
    let knowledge = try KnowledgeLoader.load(fromCorpus: arguments.corpusURL)
    var bench = try WebWorkbench(
        corpus: corpus,
        knowledge: knowledge,
        store: store,
        maxUploadBytes: arguments.maxUploadBytes,
        analyzer: arguments.analyzer,
        watchFolder: arguments.watchFolder,
        homeJurisdictions: arguments.homeJurisdictions,
        access: arguments.access
    )
    bench.standards = try StandardsLoader.load(fromCorpus: arguments.corpusURL)
    bench.registerPolicies = try RegisterPolicies.load(fromCorpus: arguments.corpusURL)
    bench.signalSources = try SignalSourceCatalog.load(fromCorpus: arguments.corpusURL)
    bench.shareKeyDirectory = arguments.shareKeyDirectory
    bench.knowledgeDrafts = arguments.storage.knowledgeDrafts(arguments.knowledgeDraftsFolder).map {
        KnowledgeDrafts(folder: $0, bundledCorpus: arguments.corpusURL)
    }
    bench.ourEvaluations = try OurEvaluations.load(arguments.ourEvaluationFiles)
    if let jobs = arguments.jobs {
        // The queue lives in the store's own database, so `fineprint worker` finds it there.
        guard let queueStore = store as? any JobQueueStore else {
            throw StoreError.cannotOpen(path: "job queue", detail: "this store keeps no job queue")
        }
        bench.jobs = JobDesk(queue: queueStore.jobQueue(), capacity: jobs.queueCapacity)
    }
    var logger = Logger(label: "fineprint.web")
    logger.logLevel = arguments.logLevel
    let harvest = try arguments.signalHarvest.map {
        try SignalHarvestSetup(settings: $0, corpusURL: arguments.corpusURL, corpus: corpus, knowledge: knowledge)
            .service(bench: bench, logLevel: arguments.logLevel)
    }
    let opened: Bool
    if case .opened = arguments.storage { opened = true } else { opened = false }
    return buildApplication(
        bench,
        host: arguments.host,
        port: arguments.port,
        logger: logger,
        workers: arguments.jobs?.workers ?? 0,
        runsStore: !opened,
        retentionDays: arguments.retentionDays,
        signalHarvest: harvest
    )
}

/// The application around a workbench: the router, the store's client as a service when it runs
/// one, and the start-up work before the server accepts a request. `runsStore`: the application
/// opened the store, so it runs and migrates its client; a store the caller opened is already
/// running (a PostgreSQL client may be run only once).
public func buildApplication(
    _ bench: WebWorkbench,
    host: String = "127.0.0.1",
    port: Int = 8080,
    logger: Logger,
    workers: Int = 0,
    runsStore: Bool = false,
    retentionDays: Int? = nil,
    signalHarvest: SignalHarvestService? = nil
) -> some ApplicationProtocol {
    var app = Application(
        router: buildRouter(bench),
        configuration: .init(address: .hostname(host, port: port), serverName: "fineprint"),
        logger: logger
    )
    if runsStore, let service = bench.store as? any Service { app.addServices(service) }
    if let desk = bench.jobs, workers > 0 {
        let pool = JobWorkerPool(queue: desk.queue, settings: .init(workers: workers), work: bench.analyseJob)
        app.addServices(AfterStartup(bench: bench, service: pool))
    }
    // Matters may have their own periods, so the sweep runs even without a server default.
    if retentionDays != nil || bench.store is any MatterStore {
        app.addServices(AfterStartup(bench: bench, service: RetentionService(bench: bench, days: retentionDays)))
    }
    if let signalHarvest { app.addServices(AfterStartup(bench: bench, service: signalHarvest)) }
    app.beforeServerStarts {
        if runsStore, let postgres = bench.store as? PostgresStore { try await postgres.migrate() }
        try await bench.start()
    }
    return app
}

/// The router: framework middleware (request log with its id), our security headers and error
/// rendering, the Host allow-list and authentication, then the route table.
public func buildRouter(_ bench: WebWorkbench) -> Router<WebRequestContext> {
    FineprintMetrics.bootstrap()
    let router = Router(context: WebRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ResponseHeadersMiddleware())
    router.add(middleware: WebErrorMiddleware(bench: bench, routes: routeMethods(bench)))
    router.add(middleware: HostAllowListMiddleware(settings: bench.accounts.settings))
    router.add(middleware: AccessMiddleware(accounts: bench.accounts, maxUploadBytes: bench.maxUploadBytes))
    addRoutes(to: router, bench: bench)
    return router
}

/// The methods of every route, read from the route table on a router of its own (middleware
/// has to be added before the routes it wraps).
func routeMethods(_ bench: WebWorkbench) -> RouteMethods {
    let table = Router(context: WebRequestContext.self)
    addRoutes(to: table, bench: bench)
    return RouteMethods(table)
}
