import ArgumentParser
import FineprintCore
import FineprintCorpus
import FineprintStandards
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a contract against a standard, article by article (met, partly met, not met, …).",
        discussion: """
            The standards are the crosswalks in corpus/standards/ (see docs/standards.md); --list names them.
            Text output is one line per article with its verdict; --verbose adds the reason and the
            contract's evidence below each line.
            """
    )

    @Argument(help: "The contract to check (.txt, .md, .html, .pdf or .docx).")
    var file: String?

    @Option(help: "The standard to check against, by id (see --list).")
    var standard: String?

    @Flag(help: "List the standards and exit.")
    var list = false

    @Flag(help: "Text format: show the reason and the evidence under each article.")
    var verbose = false

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var output: OutputOptions<OutputFormat>

    enum OutputFormat: String, OutputFormatChoice {
        case text, json, markdown
        var check: CheckFormat { CheckFormat(rawValue: rawValue)! }
    }

    func validate() throws {
        if list { return }
        guard file != nil else { throw ValidationError("give the contract to check, or --list") }
        guard standard != nil else { throw ValidationError("name the standard with --standard (see --list)") }
    }

    func run() async throws {
        if list {
            let crosswalks = try CLIError.setup {
                try StandardsLoader.load(fromCorpus: try CorpusLocator.locate(explicit: judging.corpus.corpus))
            }
            print(Self.listing(crosswalks), terminator: "")
            return
        }
        let (setup, playbook) = try judging.load()
        let crosswalk = try CLIError.setup { try Self.crosswalk(standard ?? "", corpusURL: setup.corpusURL) }
        let document = try judging.reader.read(fileAt: URL(fileURLWithPath: file ?? ""))
        let analysis = setup.analyzer.analyze(document, playbook: playbook)
        let result = StandardCheck.run(analysis, against: crosswalk, taxonomy: setup.corpus.taxonomy)
        let text = try CheckRenderer.render(result, as: output.format.check, verbose: verbose)
        if let out = output.out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// The crosswalk with this id; an unknown id names the ones there are.
    static func crosswalk(_ id: String, corpusURL: URL) throws -> Crosswalk {
        let crosswalks = try StandardsLoader.load(fromCorpus: corpusURL)
        guard let found = crosswalks.first(where: { $0.id == id }) else {
            throw CLIError(
                "unknown standard '\(id)'; the corpus has: " + crosswalks.map(\.id).joined(separator: ", "),
                exitCode: 2
            )
        }
        return found
    }

    /// One line per standard: id, short name, version, number of articles.
    static func listing(_ crosswalks: [Crosswalk]) -> String {
        let width = crosswalks.map(\.id.count).max() ?? 0
        return crosswalks.map { c in
            c.id.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(c.shortName) (\(c.version)), \(c.articles.count) articles\n"
        }.joined()
    }
}
