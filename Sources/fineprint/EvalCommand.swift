import ArgumentParser
import FineprintCore
import FineprintEval
import Foundation

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the analyzer against labelled documents.",
        subcommands: [CUAD.self])

    struct CUAD: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cuad",
            abstract: "Score analyze on the CUAD categories the taxonomy maps (docs/evaluation.md).")

        @Option(help: "A CUAD-format folder (master_clauses.csv and contracts/*.txt).")
        var data: String

        @Option(help: "dev, validation (held out: never tune on it) or all.")
        var split: DataSplit = .validation

        @Option(help: "Also write the report as JSON here.")
        var json: String?

        @Option(help: "The corpus folder (default: the bundled corpus).")
        var corpus: String?

        @Option(help: "Only these provisions (comma-separated ids).")
        var only: String?

        func run() async throws {
            do {
                let bench = try Workbench(corpusPath: corpus)
                var categories = Dictionary(uniqueKeysWithValues: bench.corpus.taxonomy.provisions.compactMap { p in
                    p.cuad.map { (p.id, $0) }
                })
                if let only {
                    let wanted = Set(only.split(separator: ",").map(String.init))
                    categories = categories.filter { wanted.contains($0.key) }
                }
                guard !categories.isEmpty else { throw CLIError("no provision of the taxonomy maps to a CUAD category") }
                let documents = split.filter(try CUADDataset.load(from: URL(fileURLWithPath: data), categories: categories))
                let order = bench.corpus.taxonomy.provisions.map(\.id).filter { categories[$0] != nil }
                let evaluator = Evaluator(analyzer: bench.analyzer, playbook: try bench.playbook(profile: "tier1", file: nil))
                let report = try await evaluator.evaluate(documents, provisions: order, dataset: "CUAD (\(data))", split: split)
                print(report.table, terminator: "")
                if let json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    try encoder.encode(report).write(to: URL(fileURLWithPath: json))
                }
            } catch let error as ExitCode {
                throw error
            } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
        }
    }
}

extension DataSplit: ExpressibleByArgument {}
