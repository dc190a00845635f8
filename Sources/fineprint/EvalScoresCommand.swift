import ArgumentParser
import FineprintCore
import FineprintEval
import FineprintIngest
import Foundation

extension Eval {
    struct Scores: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scores",
            abstract:
                "How documents' scores spread per profile: min, quartiles, max, at 0 and at 100 (docs/scoring.md).",
            discussion: """
                Analyses every document under --data (recursively, skipping folders named history) against
                each profile and prints the distribution, whether the same document ever scores higher
                against a stricter tier, and the scores of the main terms named by --show.
                """
        )

        @Option(help: "A folder of documents (e.g. ../shared/data/vendor-terms).")
        var data: String

        @Option(help: "Profiles, strictest first (comma-separated).")
        var profiles: String = "tier1,tier2,tier3"

        @Option(help: "Documents to show by name, as paths under --data (comma-separated).")
        var show: String =
            "ChatGPT/Commercial Terms.md,Claude.ai/Commercial Terms.md,Le Chat/Commercial Terms.md,Vibe/Commercial Terms.md,Google Generative AI Services/Terms of Service.md,Microsoft Copilot/Terms of Service.md"

        @OptionGroup var corpus: CorpusOptions

        @OptionGroup var model: ModelOptions

        func run() async throws {
            let root = URL(fileURLWithPath: data)
            guard InputFiles.isFolder(root.path) else {
                Console.error("eval scores skipped: no data folder at \(data)")
                return
            }
            let bench = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: model.rulesOnly)
            let playbooks = try profiles.split(separator: ",").map {
                try bench.playbook(profile: String($0), file: nil)
            }
            let documents = try Self.documents(under: root)
            guard !documents.isEmpty else { throw CLIError("no readable document under \(data)") }
            let distribution = ScoreDistribution.measure(
                documents: documents,
                analyzer: bench.analyzer,
                playbooks: playbooks
            )
            print("\(documents.count) documents under \(data)\n")
            print(distribution.table(named: show.split(separator: ",").map(String.init)), terminator: "")
            let violations = distribution.orderViolations(strictFirst: playbooks.map(\.id))
            print(
                "\nscoring higher against a stricter profile: \(violations.isEmpty ? "none" : violations.joined(separator: ", "))"
            )
        }

        /// Every readable document under the folder, named by its path relative to it, in path order.
        static func documents(under root: URL) throws -> [ExtractedDocument] {
            let reader = DocumentReader()
            let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
                .filter { path in
                    !path.split(separator: "/").contains("history")
                        && DocumentReader.format(forExtension: (path as NSString).pathExtension) != nil
                        && !(path as NSString).lastPathComponent.hasPrefix("LICENSE")
                }
                .sorted()
            return try files.map { path in
                var document = try reader.read(fileAt: root.appendingPathComponent(path))
                document.name = path
                return document
            }
        }
    }
}
