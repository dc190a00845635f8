import ArgumentParser
import FineprintCore
import FineprintEval
import Foundation

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the analyzer against labelled documents.",
        subcommands: [CUAD.self, Labels.self, Parties.self, Invariance.self]
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
            do {
                let bench = try options.workbench()
                let split = options.split
                var categories = Dictionary(
                    uniqueKeysWithValues: bench.corpus.taxonomy.provisions.compactMap { p in
                        p.cuad.map { (p.id, $0) }
                    }
                )
                if let wanted = options.wanted {
                    categories = categories.filter { wanted.contains($0.key) }
                }
                guard !categories.isEmpty else {
                    throw CLIError("no provision of the taxonomy maps to a CUAD category")
                }
                let documents = split.filter(
                    try CUADDataset.load(from: URL(fileURLWithPath: data), categories: categories)
                )
                let order = bench.corpus.taxonomy.provisions.map(\.id).filter { categories[$0] != nil }
                let evaluator = Evaluator(
                    analyzer: bench.analyzer,
                    playbook: try bench.playbook(profile: "tier1", file: nil)
                )
                let report = try await evaluator.evaluate(
                    documents,
                    provisions: order,
                    dataset: "CUAD (\(data))",
                    split: split
                )
                try options.publish(report)
            } catch let error as ExitCode {
                throw error
            } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
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
            do {
                let bench = try options.workbench()
                let split = options.split
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue
                else {
                    Console.error(
                        "eval labels skipped: no data folder at \(data) (the documents are not part of the repository)"
                    )
                    return
                }
                let labelsURL =
                    labels.map { URL(fileURLWithPath: $0) }
                    ?? bench.corpusURL.deletingLastPathComponent().appendingPathComponent("eval/labels/vendor-terms")
                let all = bench.corpus.taxonomy.provisions.map(\.id)
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
                let evaluator = Evaluator(
                    analyzer: bench.analyzer,
                    playbook: try bench.playbook(profile: "tier1", file: nil)
                )
                let report = try await evaluator.evaluate(
                    documents,
                    provisions: order,
                    dataset: "vendor terms (\(labelsURL.lastPathComponent) labels)",
                    split: split
                )
                try options.publish(report)
            } catch let error as ExitCode {
                throw error
            } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
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

    @Option(help: "The corpus folder (default: the bundled corpus).")
    var corpus: String?

    @Option(help: "Only these provisions (comma-separated ids).")
    var only: String?

    @Flag(help: "Rules only: leave out the learned model, to compare against the combination.")
    var rulesOnly = false

    func workbench() throws -> Workbench { try Workbench(corpusPath: corpus, rulesOnly: rulesOnly) }

    var wanted: Set<String>? { only.map { Set($0.split(separator: ",").map(String.init)) } }

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
