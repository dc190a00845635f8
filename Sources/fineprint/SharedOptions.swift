import ArgumentParser
import FineprintCore
import FineprintIngest
import Foundation

// The options several commands share, each declared once and included with `@OptionGroup`.

/// Which corpus to read.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The corpus folder (default: the bundled corpus).")
    var corpus: String?
}

/// Whether the learned model takes part.
struct ModelOptions: ParsableArguments {
    @Flag(help: "Rules only: leave out the learned model (corpus/models/cuad-model.json).")
    var rulesOnly = false
}

/// How large an input (a file, a download or an upload) may be.
struct InputLimitOptions: ParsableArguments {
    @Option(help: "Largest input file or upload accepted, in bytes.")
    var maxSize = DocumentReader.defaultMaxBytes

    var reader: DocumentReader { DocumentReader(maxBytes: maxSize) }

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes") }
    }
}

/// The buyer's own jurisdictions: a governing law there is home, not foreign.
struct HomeJurisdictionOptions: ParsableArguments {
    @Option(
        name: .customLong("home"),
        help: ArgumentHelp(
            "A jurisdiction of the buyer's own, as the analyzer names it (Ireland, \"England and Wales\", UK); repeat for several. A governing law there is not flagged as foreign.",
            valueName: "place"
        )
    )
    var homeJurisdictions: [String] = []
}

/// The formats a command can write; `text` when none is asked for.
protocol OutputFormatChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {
    static var text: Self { get }
}

/// The format of a command's output and the file it goes to (standard output when none).
struct OutputOptions<Format: OutputFormatChoice>: ParsableArguments {
    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Write the output to this file instead of standard output.")
    var out: String?
}

/// Everything a command that judges documents needs: corpus, model, playbook, home jurisdictions, input limit.
struct JudgingOptions: ParsableArguments {
    @Option(help: "The sovereignty tier or playbook to judge against (tier1, tier2, tier3).")
    var profile = "tier1"

    @Option(help: "A playbook file of your own (YAML, as corpus/playbooks/*.yaml); overrides --profile.")
    var playbook: String?

    @OptionGroup var home: HomeJurisdictionOptions
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var limit: InputLimitOptions
    @OptionGroup var model: ModelOptions

    @OptionGroup(title: "Scanned PDFs")
    var ocr: OCROptions

    var reader: DocumentReader { DocumentReader(maxBytes: limit.maxSize, ocr: ocr.reader) }

    /// The corpus, analyzer and playbook; a problem is reported as one line and exit status 2.
    func load() throws -> (AnalysisSetup, FineprintCore.Playbook) {
        try CLIError.setup {
            let setup = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: model.rulesOnly)
            var chosen = try setup.playbook(profile: profile, file: playbook)
            chosen.homeJurisdictions += home.homeJurisdictions
            return (setup, chosen)
        }
    }
}
