import ArgumentParser
import FineprintCorpus
import FineprintServer
import FineprintStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web workbench: upload contracts, read reports, search the knowledge base.",
        discussion: """
            Serves the web pages and the JSON API (/api/openapi.json describes it) on HOST:PORT. \
            Uploaded documents and analyses are kept in an SQLite database in the data folder, so a restart \
            loses nothing; with --database postgres://… (or FINEPRINT_DATABASE_URL) they are kept in \
            PostgreSQL instead, for a workbench several servers or users share. The knowledge base is indexed from the corpus at every start. No external assets: \
            it works on an air-gapped network. There is no login: serve it on a trusted network, or put an \
            authenticating proxy in front. See docs/web.md.
            """
    )

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The folder for the database (created if missing).")
    var dataDir = "fineprint-data"

    @Option(
        help: ArgumentHelp(
            "A PostgreSQL database to keep everything in instead of SQLite: postgres://user:password@host:5432/database?schema=fineprint (default: $FINEPRINT_DATABASE_URL, else SQLite in --data-dir).",
            valueName: "url"
        )
    )
    var database: String?

    @Option(
        name: .customLong("home"),
        help: ArgumentHelp(
            "A jurisdiction of the deploying government's own (Ireland, \"England and Wales\", UK); repeat for several. Every analysis counts a governing law there as home, not foreign.",
            valueName: "place"
        )
    )
    var homeJurisdictions: [String] = []

    @Option(help: "The corpus folder (default: the bundled corpus).")
    var corpus: String?

    @Option(help: "Largest upload accepted, in bytes.")
    var maxSize = 25_000_000

    @Option(help: "A `fineprint watch` store to show on the Watched terms page (its versions, changes and Atom feed).")
    var watchStore: String?

    @Flag(help: "Rules only: leave out the learned model (corpus/models/cuad-model.json).")
    var rulesOnly = false

    @Option(
        help:
            "How many analyses this server runs at once (default: one per core; 0: none, leave them to `fineprint worker`)."
    )
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The most uploads waiting or being analysed; more are answered 503 with Retry-After.")
    var queueCapacity = 100

    func validate() throws {
        guard (0...256).contains(workers) else { throw ValidationError("--workers must be from 0 to 256") }
        guard (1...100_000).contains(queueCapacity) else {
            throw ValidationError("--queue-capacity must be from 1 to 100000")
        }
    }

    func run() async throws {
        let bench: WebWorkbench
        var place = ""
        let url = database ?? ProcessInfo.processInfo.environment["FINEPRINT_DATABASE_URL"]
        do {
            // The same corpus, model and analyzer as the other commands.
            let judging = try Workbench(corpusPath: corpus, rulesOnly: rulesOnly)
            let store: any Store
            if let url, !url.isEmpty {
                let endpoint = try PostgresEndpoint(url: url)
                store = try await PostgresStore(endpoint: endpoint)
                place = "in PostgreSQL at \(endpoint)"
            } else {
                store = try SQLiteStore(dataDirectory: URL(fileURLWithPath: dataDir))
                place = "in \(dataDir)/fineprint.sqlite"
            }
            bench = try await WebWorkbench.load(
                corpusURL: judging.corpusURL,
                store: store,
                maxUploadBytes: maxSize,
                analyzer: judging.analyzer,
                watchFolder: watchStore.map { URL(fileURLWithPath: $0) },
                homeJurisdictions: homeJurisdictions
            )
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        Console.progress("fineprint: serving on http://\(host):\(port)/ (data \(place))\n")
        try await JobQueueLocation.withQueue(databaseURL: url, dataDirectory: URL(fileURLWithPath: dataDir)) {
            [bench, host, port, workers, queueCapacity] queue in
            var bench = bench
            bench.jobs = JobDesk(queue: queue, capacity: queueCapacity)
            var services: [any Service] = [WebApp.application(bench, host: host, port: port)]
            if workers > 0 {
                services.append(
                    JobWorkerPool(queue: queue, settings: .init(workers: workers), work: bench.analyseJob)
                )
            }
            var logger = Logger(label: "fineprint.serve")
            logger.logLevel = .notice
            let group = ServiceGroup(
                configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            )
            try await group.run()
        }
    }
}
