import ArgumentParser
import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintIngest
import FineprintLearn
import Foundation

/// What every command that analyses needs: the corpus, an analyzer over it, and the chosen playbook.
struct Workbench {
    let corpusURL: URL
    let corpus: Corpus
    let analyzer: Analyzer

    /// `rulesOnly`: leave the learned model out even when the corpus ships one.
    init(corpusPath: String?, rulesOnly: Bool = false) throws {
        corpusURL = try CorpusLocator.locate(explicit: corpusPath)
        corpus = try CorpusLoader.load(from: corpusURL)
        analyzer = try Analyzer(
            corpus: corpus,
            model: rulesOnly ? nil : try Self.loadModel(corpusURL: corpusURL, corpus: corpus)
        )
    }

    /// The model shipped beside the corpus (corpus/models/cuad-model.json), checked against the taxonomy;
    /// nil when the corpus has none.
    static let modelPath = "models/cuad-model.json"
    static func loadModel(corpusURL: URL, corpus: Corpus) throws -> LearnedModel? {
        let url = corpusURL.appendingPathComponent(modelPath)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let model: LearnedModel
        do { model = try LearnedModel.decode(try Data(contentsOf: url)) } catch {
            throw CLIError("\(url.path): \(error)")
        }
        let known = Set(corpus.taxonomy.provisions.map(\.id))
        if let unknown = model.categories.map(\.provision).first(where: { !known.contains($0) }) {
            throw CLIError("\(url.path): provision '\(unknown)' is not in the taxonomy; retrain with `fineprint train`")
        }
        return model
    }

    /// The playbook from a user's file, or the bundled one named by `profile`.
    func playbook(profile: String, file: String?) throws -> Playbook {
        if let file {
            let playbook = try CorpusLoader.loadPlaybook(at: URL(fileURLWithPath: file))
            let problems = CorpusValidator.validate(playbook: playbook, in: corpus)
            if !problems.isEmpty {
                throw CLIError("playbook \(file) is not valid: " + problems.map(\.message).joined(separator: "; "))
            }
            return playbook
        }
        guard let playbook = corpus.playbook(profile) else {
            throw CLIError(
                "unknown profile '\(profile)'; the corpus has: "
                    + corpus.playbooks.map(\.id).sorted().joined(separator: ", ")
            )
        }
        return playbook
    }
}

/// An error the CLI reports as one line.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("fineprint: \(message)\n".utf8))
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data(message.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) != 0 }

    /// Runs a command's body; any error becomes one line on standard error and exit status 1.
    static func failing(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
    }
}

/// The options every judging command shares: which corpus, which playbook, how large an input.
struct JudgingOptions: ParsableArguments {
    @Option(help: "The sovereignty tier or playbook to judge against (tier1, tier2, tier3).")
    var profile = "tier1"

    @Option(help: "A playbook file of your own (YAML, as corpus/playbooks/*.yaml); overrides --profile.")
    var playbook: String?

    @Option(
        name: .customLong("home"),
        help: ArgumentHelp(
            "A jurisdiction of the buyer's own, as the analyzer names it (Ireland, \"England and Wales\", UK); repeat for several. A governing law there is not flagged as foreign.",
            valueName: "place"
        )
    )
    var homeJurisdictions: [String] = []

    @Option(help: "The corpus folder (default: the bundled corpus).")
    var corpus: String?

    @Option(help: "Largest input file accepted, in bytes.")
    var maxSize = 25_000_000

    @Flag(help: "Rules only: leave out the learned model (corpus/models/cuad-model.json).")
    var rulesOnly = false

    @OptionGroup(title: "Scanned PDFs")
    var ocr: OCROptions

    var reader: DocumentReader { DocumentReader(maxBytes: maxSize, ocr: ocr.reader) }

    /// The corpus, analyzer and playbook; a problem is reported as one line and exit status 2.
    func load() throws -> (Workbench, FineprintCore.Playbook) {
        do {
            let bench = try Workbench(corpusPath: corpus, rulesOnly: rulesOnly)
            var chosen = try bench.playbook(profile: profile, file: playbook)
            chosen.homeJurisdictions += homeJurisdictions
            return (bench, chosen)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
    }
}
