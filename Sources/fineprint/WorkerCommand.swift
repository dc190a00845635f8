import ArgumentParser
import FineprintCore
import FineprintCorpus
import FineprintServer
import FineprintStore
import Foundation
import Logging
import ServiceLifecycle

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Analyse queued uploads without serving the web pages.",
        discussion: """
            Runs the same workers as `fineprint serve`, on the same database: each takes the next queued \
            upload, analyses it and stores the analyses, renewing its claim while it works. With PostgreSQL \
            (--database or FINEPRINT_DATABASE_URL) several workers on several machines share one queue; a \
            worker that dies leaves its job to be resumed by another once its claim expires. Stops after the \
            job in hand on SIGTERM or SIGINT.
            """
    )

    @Option(help: "The folder of the SQLite database (as given to `fineprint serve`).")
    var dataDir = "fineprint-data"

    @Option(
        help: ArgumentHelp(
            "The PostgreSQL database the servers use: postgres://user:password@host:5432/database?schema=fineprint (default: $FINEPRINT_DATABASE_URL, else SQLite in --data-dir).",
            valueName: "url"
        )
    )
    var database: String?

    @Option(help: "How many analyses to run at once (default: one per core).")
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var home: HomeJurisdictionOptions
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var model: ModelOptions

    func validate() throws {
        guard (1...256).contains(workers) else { throw ValidationError("--workers must be from 1 to 256") }
    }

    func run() async throws {
        let url = database ?? ProcessInfo.processInfo.environment["FINEPRINT_DATABASE_URL"]
        let judging: AnalysisSetup
        let knowledge: KnowledgeBase
        (judging, knowledge) = try CLIError.setup {
            let setup = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: model.rulesOnly)
            return (setup, try KnowledgeLoader.load(fromCorpus: setup.corpusURL))
        }
        // The same storage as `fineprint serve`: the queue lives in the store's own database.
        if let url, !url.isEmpty {
            let endpoint: PostgresEndpoint
            endpoint = try CLIError.setup { try PostgresEndpoint(url: url) }
            try await PostgresStore.withRunningStore(endpoint: endpoint) { store in
                try await work(store: store, judging: judging, knowledge: knowledge)
            }
        } else {
            let store = try CLIError.setup { try SQLiteStore(dataDirectory: URL(fileURLWithPath: dataDir)) }
            try await work(store: store, judging: judging, knowledge: knowledge)
        }
    }

    /// Runs the worker pool on the store's queue until SIGTERM or SIGINT.
    private func work(store: some JobQueueStore, judging: AnalysisSetup, knowledge: KnowledgeBase) async throws {
        let bench = try WebWorkbench(
            corpus: judging.corpus,
            knowledge: knowledge,
            store: store,
            analyzer: judging.analyzer,
            homeJurisdictions: home.homeJurisdictions
        )
        var logger = Logger(label: "fineprint.worker")
        logger.logLevel = .notice
        let settings = JobWorkerPool.Settings(workers: workers)
        let pool = JobWorkerPool(queue: store.jobQueue(), settings: settings, logger: logger, work: bench.analyseJob)
        Console.progress("fineprint: \(settings.workers) workers waiting for jobs\n")
        let group = ServiceGroup(
            configuration: .init(services: [pool], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
