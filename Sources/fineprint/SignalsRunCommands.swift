import ArgumentParser
import FineprintSignalFetch
import FineprintSignals
import FineprintStore
import Foundation

struct SignalsRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch the enabled sources that are due, politely, into the review queue (for cron).",
        discussion: """
            Nothing goes online without --allow-network, and only sources with `enabled: true` are fetched. One
            request at a time, an identifying user agent with --contact, conditional GET (ETag, Last-Modified),
            429/503 obeyed with Retry-After and backoff, at most 5 redirects, --max-bytes per answer and a bounded
            decompression ratio; every attempt is logged in the store.
            """
    )

    @Flag(help: "Allow fetching enabled sources. Without it the command refuses and nothing goes online.")
    var allowNetwork = false

    @Option(help: "How the operator can be reached, sent in the User-Agent (an address or URL).")
    var contact: String = ProcessInfo.processInfo.environment["FINEPRINT_SIGNALS_CONTACT"] ?? "operator unknown"

    @Option(help: "Only these sources (repeatable); each must still be enabled.")
    var source: [String] = []

    @Flag(help: "Fetch even sources whose minimum interval has not passed.")
    var ignoreInterval = false

    @Option(help: "Largest answer read, in bytes.")
    var maxBytes = 8 << 20

    @OptionGroup var options: SignalsOptions

    func validate() throws {
        guard allowNetwork else {
            throw ValidationError(
                "signals run fetches over the network; give --allow-network (Fineprint stays offline otherwise)"
            )
        }
    }

    func run() async throws {
        let (catalog, scorer, _) = try options.setup()
        let chosen = try source.isEmpty ? catalog.sources : source.map { try SignalsOptions.source($0, in: catalog) }
        let enabled = chosen.filter(\.enabled)
        if enabled.isEmpty { print("no enabled source to fetch (set `enabled: true` in corpus/signals/sources)") }
        var policy = SignalRunner.Policy()
        policy.ignoreInterval = ignoreInterval
        let fetcher = PoliteFetcher(settings: .init(contact: contact, maxBytes: maxBytes))
        let outcomes = try await options.withSignals { signals, store in
            let runner = SignalRunner(
                harvester: SignalHarvester(store: signals, scorer: scorer),
                fetcher: fetcher,
                policy: policy
            )
            let outcomes = try await runner.run(enabled)
            for o in outcomes where o.report != nil {
                try await OperatorAudit.record(
                    .upload,
                    "signal_snapshot",
                    o.report!.snapshot,
                    detail: "signals run \(o.source): \(o.summary)",
                    in: store.auditLog()
                )
            }
            return outcomes
        }
        for o in outcomes { print("\(o.source): \(o.summary)") }
        if outcomes.contains(where: \.failed) { throw ExitCode(1) }
    }
}

struct SignalsReparse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reparse",
        abstract: "Read every stored snapshot again with the current parser (after an upgrade) without raising signals."
    )

    @OptionGroup var options: SignalsOptions

    func run() async throws {
        let (catalog, scorer, _) = try options.setup()
        let reports = try await options.withSignals { signals, _ in
            try await SignalHarvester(store: signals, scorer: scorer).reparse(catalog: catalog, at: Date())
        }
        for r in reports {
            print(
                "\(r.source) \(r.snapshot.prefix(12)): \(r.revised) re-read, \(r.seeded) found and seeded, "
                    + "\(r.unchanged) unchanged"
            )
            for a in r.anomalies { print("  note: \(a)") }
        }
    }
}
