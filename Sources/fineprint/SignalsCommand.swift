import ArgumentParser
import FineprintCorpus
import FineprintSignals
import FineprintStore
import Foundation

/// `fineprint signals …`: the regulatory signals harvester and its review queue (docs/signals.md).
struct SignalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract:
            "Harvest official feeds into a review queue of signals; promote reviewed ones into the knowledge base.",
        discussion: """
            Offline by default: `signals import` takes a hand-carried feed or API answer through the same pipeline
            that `signals run --allow-network` uses to fetch enabled sources. See docs/signals.md.
            """,
        subcommands: [
            SignalsImport.self, SignalsList.self, SignalsShow.self, SignalsAccept.self, SignalsReject.self,
            SignalsPromote.self, SignalsSources.self, SignalsRun.self, SignalsReparse.self, SignalsMeasure.self,
        ]
    )
}

/// The corpus (for the sources and the scoring) and the store every signals command opens.
struct SignalsOptions: ParsableArguments {
    @OptionGroup var storage: StorageOptions
    @OptionGroup var corpus: CorpusOptions

    /// The declared sources and the scorer built from the corpus's taxonomy, knowledge base and relevance data.
    func setup() throws -> (catalog: SignalSourceCatalog, scorer: RelevanceScorer, corpusURL: URL) {
        try CLIError.setup {
            let url = try CorpusLocator.locate(explicit: corpus.corpus)
            let loaded = try CorpusLoader.load(from: url)
            let knowledge = try KnowledgeLoader.load(fromCorpus: url)
            let config = try RelevanceConfig.load(fromCorpus: url)
            let scorer = RelevanceScorer(config: config, provisions: loaded.taxonomy.provisions, knowledge: knowledge)
            return (try SignalSourceCatalog.load(fromCorpus: url), scorer, url)
        }
    }

    func withSignals<T: Sendable>(
        _ body: (any SignalStore, any CommandStore) async throws -> T
    ) async throws -> T {
        try await storage.withStore { store in try await body(store.signalStore(), store) }
    }

    static func source(_ id: String, in catalog: SignalSourceCatalog) throws -> SignalSource {
        guard let source = catalog.source(id) else {
            let known = catalog.sources.map(\.id).joined(separator: ", ")
            throw CLIError("no signal source \(id) in corpus/signals/sources (known: \(known))", exitCode: 2)
        }
        return source
    }

    static func item(_ id: String, in store: any SignalStore) async throws -> SignalItem {
        guard let item = try await store.item(id: id) else { throw CLIError("no signal \(id)", exitCode: 1) }
        return item
    }
}

enum SignalsJSON {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

struct SignalsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a hand-carried feed or API answer as a source's snapshot (the air-gapped path).",
        discussion: """
            The bytes are kept content-addressed; importing the same file again adds nothing. Items are keyed by
            (source, native id): a changed item is a revision, not a new signal. On a source's first import only
            items of the last seven days scored relevant enter the queue; the rest are seeded (listed, not raised).
            """
    )

    @Argument(help: "The feed or API answer (Atom, RSS, JSON Feed, Federal Register JSON, or an HTML page).")
    var file: String

    @Option(help: "The id of the source it came from (corpus/signals/sources/ID.yaml).")
    var source: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: SignalsOptions

    func run() async throws {
        let (catalog, scorer, _) = try options.setup()
        let source = try SignalsOptions.source(self.source, in: catalog)
        let url = URL(fileURLWithPath: file).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CLIError("\(file): cannot read", exitCode: 2)
        }
        let report = try await options.withSignals { signals, store in
            let harvester = SignalHarvester(store: signals, scorer: scorer)
            let report = try await harvester.ingest(
                data,
                source: source,
                location: url.path,
                origin: .import,
                at: Date()
            )
            try await OperatorAudit.record(
                .upload,
                "signal_snapshot",
                report.snapshot,
                detail: "signals import \(url.lastPathComponent) as \(source.id): \(report.added) new, "
                    + "\(report.seeded) seeded, \(report.revised) revised",
                in: store.auditLog()
            )
            return report
        }
        if format == .json { return try SignalsJSON.print(report) }
        print(
            "\(source.id): \(report.entries) item(s) read — \(report.added) new, \(report.seeded) seeded, "
                + "\(report.revised) revised, \(report.unchanged) unchanged"
                + (report.snapshotIsNew ? "" : " (these bytes were already imported)")
        )
        for a in report.anomalies { print("  note: \(a)") }
    }
}
