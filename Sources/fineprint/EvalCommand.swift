import ArgumentParser
import FineprintCore
import FineprintEval
import Foundation

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the analyzer against labelled documents.",
        subcommands: [CUAD.self, Labels.self, Scores.self, Parties.self, Invariance.self, Lovo.self, Read.self]
    )

    struct CUAD: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cuad",
            abstract: "Score analyze on the CUAD categories the taxonomy maps (docs/evaluation.md)."
        )

        @Option(help: "A CUAD-format folder (master_clauses.csv and contracts/*.txt).")
        var data: String

        @OptionGroup var options: EvalOptions

        func run() async throws {
            let setup = try options.analysisSetup()
            let split = options.split
            var categories = setup.cuadCategories
            if let wanted = options.wanted {
                categories = categories.filter { wanted.contains($0.key) }
            }
            guard !categories.isEmpty else {
                throw CLIError("no provision of the taxonomy maps to a CUAD category")
            }
            let documents = split.filter(
                try CUADDataset.load(from: URL(fileURLWithPath: data), categories: categories)
            )
            let order = setup.corpus.taxonomy.provisions.map(\.id).filter { categories[$0] != nil }
            try await options.evaluate(documents, provisions: order, dataset: "CUAD (\(data))", setup: setup)
        }
    }

    struct Labels: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "labels",
            abstract: "Score analyze on our own gold labels for the vendor terms (docs/labels-format.md).",
            discussion: """
                Reads every label file in --labels, checks it against its document in --data (hash, all 40
                provisions, every quote found), runs the analyzer and prints the same table as `eval cuad`.
                The split is declared in each label file. When the data folder is absent (it lives outside
                the repository), prints why and exits 0 without scoring. --check stops after the checks,
                so annotators can validate a blind label file without ever running the analyzer on it.
                """
        )

        @Option(help: "The folder the label files' document paths are relative to (e.g. ../shared/data/vendor-terms).")
        var data: String

        @Option(help: "The folder of label files (default: eval/labels/vendor-terms beside the corpus).")
        var labels: String?

        @Option(help: "Only the label files of this annotation set (their annotated.set; docs/labels-format.md).")
        var set: Int?

        @Flag(help: "Only check the label files against their documents; do not run the analyzer.")
        var check = false

        @OptionGroup var options: EvalOptions

        func run() async throws {
            let setup = try options.analysisSetup()
            let split = options.split
            guard InputFiles.isFolder(data) else {
                Console.error(
                    "eval labels skipped: no data folder at \(data) (the documents are not part of the repository)"
                )
                return
            }
            let labelsURL =
                labels.map { URL(fileURLWithPath: $0) }
                ?? setup.corpusURL.deletingLastPathComponent().appendingPathComponent("eval/labels/vendor-terms")
            let all = setup.corpus.taxonomy.provisions.map(\.id)
            var labelled = try GoldLabels.load(labels: labelsURL, data: URL(fileURLWithPath: data), provisions: all)
            if let set {
                labelled = labelled.filter { $0.labels.annotated.set == set }
                guard !labelled.isEmpty else { throw CLIError("no label file of set \(set) in \(labelsURL.path)") }
            }
            if check {
                let counts = Dictionary(grouping: labelled, by: \.split).mapValues(\.count)
                print(
                    "\(labelled.count) label files check out (dev \(counts[.dev] ?? 0), validation \(counts[.validation] ?? 0))"
                )
                return
            }
            var order = all
            if let wanted = options.wanted {
                if let unknown = wanted.subtracting(all).sorted().first {
                    throw CLIError("'\(unknown)' is not a provision of the taxonomy")
                }
                order = all.filter { wanted.contains($0) }
            }
            let documents = split.filter(labelled)
            guard !documents.isEmpty else { throw CLIError("no labelled document in split \(split.rawValue)") }
            try await options.evaluate(
                documents,
                provisions: order,
                dataset: "vendor terms (\(labelsURL.lastPathComponent) labels)",
                setup: setup
            )
        }
    }
}

/// The options both evaluations share: which split, which corpus and provisions, rules alone or not, and where
/// to write the JSON.
struct EvalOptions: ParsableArguments {
    @Option(help: "dev, validation (held out: never tune on it) or all.")
    var split: DataSplit = .validation

    @Option(help: "Also write the report as JSON here.")
    var json: String?

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Only these provisions (comma-separated ids).")
    var only: String?

    @OptionGroup var model: ModelOptions

    func analysisSetup() throws -> AnalysisSetup {
        try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: model.rulesOnly)
    }

    var wanted: Set<String>? { only.map { Set($0.split(separator: ",").map(String.init)) } }

    /// Scores the analyzer on the documents against the tier-1 playbook, then publishes the report.
    func evaluate(
        _ documents: [LabelledDocument],
        provisions: [String],
        dataset: String,
        setup: AnalysisSetup
    ) async throws {
        let evaluator = Evaluator(analyzer: setup.analyzer, playbook: try setup.playbook(profile: "tier1", file: nil))
        try publish(try await evaluator.evaluate(documents, provisions: provisions, dataset: dataset, split: split))
    }

    /// Prints the table and, when asked, writes the report as JSON.
    func publish(_ report: EvaluationReport) throws {
        print(report.table, terminator: "")
        guard let json else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: json))
    }
}

extension DataSplit: ExpressibleByArgument {}
