import ArgumentParser
import FineprintCore
import FineprintCorpus
import FineprintShare
import FineprintStore
import Foundation

/// `fineprint share adopt PUBLISHER/KIND:ID [--as ID]`: an ally's item copied into our namespace.
struct ShareAdopt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Copy an ally's item into our own namespace, keeping where it came from (never over one of ours).",
        discussion: """
            ITEM is PUBLISHER/KIND:ID as `fineprint share items` lists it; the newest version held is adopted.
            An id we already use (in the corpus, or adopted before) is refused: choose another with --as.
            """
    )

    @Argument(help: "PUBLISHER/KIND:ID, e.g. ee-mkm/clause:audit_and_inspection.")
    var item: String

    @Option(name: .customLong("as"), help: "Our id for it (default: the ally's id).")
    var newID: String?

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var store: ShareStoreOptions

    func run() async throws {
        let corpusURL = try CLIError.setup { try CorpusLocator.locate(explicit: corpus.corpus) }
        let (ours, knowledge) = try CLIError.setup {
            (try CorpusLoader.load(from: corpusURL), try KnowledgeLoader.load(fromCorpus: corpusURL))
        }
        let standards = OurStandards.ids(corpusURL: corpusURL)
        let (item, newID) = (item, newID)
        let adopted = try await store.withStore { store in
            let ledger = store.shareLedger()
            let adopter = ShareAdopter(
                ledger: ledger,
                ourIDs: ShareAdopter.ourIDs(
                    corpus: ours,
                    knowledge: knowledge,
                    standards: standards,
                    adopted: try await ledger.adoptedItems()
                ),
                auditLog: store.auditLog(),
                operatorName: OperatorAudit.operatorName
            )
            return try await adopter.adopt(item, as: newID)
        }
        print(
            "adopted \(adopted.fromPublisher)/\(adopted.kind):\(adopted.fromId) v\(adopted.fromVersion) as our \(adopted.kind) \"\(adopted.id)\" (signed by \(SharePublicKey.grouped(adopted.signer)))"
        )
    }
}

enum OurStandards {
    /// The file names of our crosswalks (corpus/standards/*.yaml), the ids a standard item would take.
    static func ids(corpusURL: URL) -> [String] {
        let folder = corpusURL.appendingPathComponent("standards")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    }
}

/// Reads the allies' catalogue from the store.
enum AlliedCatalogLoader {
    static func load(_ ledger: any ShareLedger) async throws -> AlliedCatalog {
        AlliedCatalog(items: try await ledger.sharedItems(publisher: nil), adopted: try await ledger.adoptedItems())
    }
}

/// `fineprint share evaluations [--ours FILE]`: allies' evaluation figures, beside ours.
struct ShareEvaluations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluations",
        abstract: "Show allies' evaluation figures, beside ours (the JSON of `fineprint eval labels|cuad --json`)."
    )

    @Option(help: "Our own results: the JSON file `fineprint eval … --json` wrote.")
    var ours: String?

    @OptionGroup var store: ShareStoreOptions

    func run() async throws {
        let mine = try ours.map { path in
            guard let data = FileManager.default.contents(atPath: path), let evaluation = SharedEvaluation(data) else {
                throw CLIError("cannot read evaluation results from \(path)", exitCode: 2)
            }
            return evaluation
        }
        let catalog = try await store.withLedger { ledger in try await AlliedCatalogLoader.load(ledger) }
        if catalog.evaluations.isEmpty { print("no evaluation results imported from allies") }
        for item in catalog.evaluations {
            let value = item.value
            print(
                "\(item.reference) — \(value.dataset) \(value.split), \(value.documents ?? 0) documents [\(item.origin.badge)]"
            )
            if let mine, mine.dataset != value.dataset || mine.split != value.split {
                print("  (ours are on \(mine.dataset) \(mine.split): not the same data, compare with care)")
            }
            for row in value.beside(ours: mine) {
                let theirs = String(format: "%.3f", row.theirs)
                let ours = row.ours.map { String(format: "%.3f", $0) } ?? "—"
                print("  \(row.name.padding(toLength: 40, withPad: " ", startingAt: 0)) theirs \(theirs)  ours \(ours)")
            }
        }
    }
}
