import ArgumentParser
import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import Foundation

struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Check and describe the knowledge corpus.",
        subcommands: [Validate.self, Stats.self])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check schema, references, ids and patterns.")

        @Option(help: "The corpus folder (default: the bundled corpus).")
        var corpus: String?

        func run() async throws {
            let url: URL
            let loaded: Corpus
            do {
                url = try CorpusLocator.locate(explicit: corpus)
                loaded = try CorpusLoader.load(from: url)
            } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
            var problems = CorpusValidator.validate(loaded).map(\.description)
            do { _ = try Analyzer(corpus: loaded) } catch { problems.append("patterns: \(error)") }
            if problems.isEmpty {
                print("corpus \(url.path) is valid: \(summary(loaded))")
            } else {
                for p in problems { Console.error(p) }
                Console.error("\(problems.count) problem(s) in \(url.path)")
                throw ExitCode(1)
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count what the corpus holds.")

        @Option(help: "The corpus folder (default: the bundled corpus).")
        var corpus: String?

        func run() async throws {
            do {
                let loaded = try CorpusLoader.load(from: try CorpusLocator.locate(explicit: corpus))
                print(summary(loaded))
                for d in loaded.taxonomy.dimensions {
                    let ids = loaded.taxonomy.provisions(in: d.id).map(\.id)
                    let cues = loaded.rules.filter { ids.contains($0.provision) }.reduce(0) { $0 + $1.cues.count }
                    print("  \(d.id): \(ids.count) provisions, \(cues) cues")
                }
            } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
        }
    }
}

func summary(_ c: Corpus) -> String {
    let cues = c.rules.reduce(0) { $0 + $1.cues.count }
    return "\(c.taxonomy.dimensions.count) dimensions, \(c.taxonomy.provisions.count) provisions, "
        + "\(c.rules.count) rules with \(cues) cues, \(c.moves.count) kill-list moves, "
        + "\(c.clauses.count) model clauses, \(c.playbooks.count) playbooks, "
        + "\(c.jurisdictions.count) jurisdictions"
}
