import ArgumentParser
import FineprintAnalysis
import FineprintCorpus
import FineprintServer
import FineprintStore
import Foundation
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web workbench: upload contracts, read reports, search the knowledge base.",
        discussion: """
            Serves the web pages and the JSON API (/api/openapi.json describes it) on HOST:PORT. \
            Uploaded documents and analyses are kept in an SQLite database in the data folder, so a restart \
            loses nothing; with --database postgres://… (or FINEPRINT_DATABASE_URL) they are kept in \
            PostgreSQL instead, for a workbench several servers or users share. The knowledge base is indexed from the corpus at every start. No external assets: \
            it works on an air-gapped network. Every page and API call needs a signed-in user or an API token \
            (`fineprint users add`, `fineprint tokens create`); behind an authenticating proxy, --trusted-header \
            names the header it sets. Requests for another host name than --public-url's are refused. See docs/web.md.
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

    @OptionGroup var home: HomeJurisdictionOptions
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var limit: InputLimitOptions
    @OptionGroup var model: ModelOptions

    @Option(help: "A `fineprint watch` store to show on the Watched terms page (its versions, changes and Atom feed).")
    var watchStore: String?

    @Option(help: "Our share key folder (`fineprint share keygen --key-dir`), shown on Admin › Sharing.")
    var shareKeyDir: String?

    @Option(
        name: .customLong("our-evaluation"),
        help:
            "Our results (the JSON of `fineprint eval … --json`), shown beside an ally's on its item page; repeatable."
    )
    var ourEvaluation: [String] = []

    @Option(
        help:
            "How much the server logs: trace, debug, info (one line per request, with its id), notice, warning, error."
    )
    var logLevel: Logger.Level = .info

    @Option(
        help:
            "How many analyses this server runs at once (default: one per core; 0: none, leave them to `fineprint worker`)."
    )
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The most uploads waiting or being analysed; more are answered 503 with Retry-After.")
    var queueCapacity = 100

    @OptionGroup var access: ServeAccessOptions
    @OptionGroup var signals: ServeSignalsOptions
    @Option(
        help: ArgumentHelp(
            "Delete documents (with their analyses) once they are this many days old, checked daily and recorded in the audit log (default: keep them).",
            valueName: "days"
        )
    )
    var retentionDays: Int?

    func validate() throws {
        guard (0...256).contains(workers) else { throw ValidationError("--workers must be from 0 to 256") }
        guard (1...100_000).contains(queueCapacity) else {
            throw ValidationError("--queue-capacity must be from 1 to 100000")
        }
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535.") }
        try access.validate(host: host)
        if let days = retentionDays, !(1...36_500).contains(days) {
            throw ValidationError("--retention-days must be from 1 to 36500")
        }
    }

    func run() async throws {
        let app: any ApplicationProtocol
        let arguments: ServeArguments
        do {
            // The same corpus, model and analyzer as the other commands.
            let judging = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: model.rulesOnly)
            arguments = try ServeArguments(command: self, judging: judging)
            app = try await buildApplication(arguments)
        } catch {
            throw CLIError("\(error)", exitCode: 2)
        }
        Console.progress(
            "fineprint: serving on http://\(host):\(port)/ (data \(arguments.storage.describedForHumans))\n"
        )
        try await app.runService()
    }
}

/// `serve`'s options as the web app's build arguments.
struct ServeArguments: AppArguments {
    var host: String
    var port: Int
    var logLevel: Logger.Level
    var storage: StorageLocation
    var corpusURL: URL
    var analyzer: Analyzer?
    var maxUploadBytes: Int
    var watchFolder: URL?
    var homeJurisdictions: [String]
    var jobs: JobSettings?
    var access: AccessSettings
    var retentionDays: Int?
    var shareKeyDirectory: URL?
    var knowledgeDraftsFolder: URL?
    var signalHarvest: SignalHarvestSettings?
    var ourEvaluationFiles: [URL]

    init(command: Serve, judging: AnalysisSetup) throws {
        host = command.host
        port = command.port
        logLevel = command.logLevel
        if let url = command.database ?? ProcessInfo.processInfo.environment["FINEPRINT_DATABASE_URL"], !url.isEmpty {
            storage = .postgres(url: url)
        } else {
            storage = .sqlite(folder: URL(fileURLWithPath: command.dataDir))
        }
        corpusURL = judging.corpusURL
        analyzer = judging.analyzer
        maxUploadBytes = command.limit.maxSize
        watchFolder = command.watchStore.map { URL(fileURLWithPath: $0) }
        homeJurisdictions = command.home.homeJurisdictions
        jobs = JobSettings(workers: command.workers, queueCapacity: command.queueCapacity)
        access = try command.access.settings()
        retentionDays = command.retentionDays
        shareKeyDirectory = command.shareKeyDir.map { URL(fileURLWithPath: $0) }
        // Where `fineprint signals promote` writes by default, so the page and the CLI share the drafts.
        knowledgeDraftsFolder = URL(fileURLWithPath: command.dataDir).appendingPathComponent("knowledge-drafts")
        signalHarvest = command.signals.settings
        ourEvaluationFiles = command.ourEvaluation.map { URL(fileURLWithPath: $0) }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension StorageLocation {
    /// Where the data is, for the start-up line (a PostgreSQL address without its password).
    var describedForHumans: String {
        switch self {
        case .sqlite(let folder): return "in \(folder.path)/fineprint.sqlite"
        case .postgres(let url):
            return (try? PostgresEndpoint(url: url)).map { "in PostgreSQL at \($0)" } ?? "in PostgreSQL"
        case .opened: return "in the given store"
        }
    }
}
