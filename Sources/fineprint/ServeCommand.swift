import ArgumentParser
import FineprintCorpus
import FineprintServer
import FineprintStore
import Foundation
import Hummingbird

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

    func run() async throws {
        if let url = database ?? ProcessInfo.processInfo.environment["FINEPRINT_DATABASE_URL"], !url.isEmpty {
            let endpoint: PostgresEndpoint
            do { endpoint = try PostgresEndpoint(url: url) } catch { throw Self.startFailure(error) }
            // The pool runs for as long as the server does; migrating it is part of starting up.
            do {
                try await PostgresStore.withRunningStore(endpoint: endpoint) { store in
                    try await serve(store, place: "in PostgreSQL at \(endpoint)")
                }
            } catch let error as StoreError {
                throw Self.startFailure(error)
            }
        } else {
            let store: SQLiteStore
            do { store = try SQLiteStore(dataDirectory: URL(fileURLWithPath: dataDir)) } catch {
                throw Self.startFailure(error)
            }
            try await serve(store, place: "in \(dataDir)/fineprint.sqlite")
        }
    }

    private func serve(_ store: any Store, place: String) async throws {
        let bench: WebWorkbench
        do {
            // The same corpus, model and analyzer as the other commands.
            let judging = try Workbench(corpusPath: corpus, rulesOnly: rulesOnly)
            bench = try await WebWorkbench.load(
                corpusURL: judging.corpusURL,
                store: store,
                maxUploadBytes: maxSize,
                analyzer: judging.analyzer,
                watchFolder: watchStore.map { URL(fileURLWithPath: $0) },
                homeJurisdictions: homeJurisdictions
            )
        } catch {
            throw Self.startFailure(error)
        }
        Console.progress("fineprint: serving on http://\(host):\(port)/ (data \(place))\n")
        try await WebApp.application(bench, host: host, port: port).runService()
    }

    /// What could not be opened or loaded, said once; the command then exits with status 2.
    private static func startFailure(_ error: any Error) -> ExitCode {
        Console.error("\(error)")
        return ExitCode(2)
    }
}
