import ArgumentParser
import FineprintCore
import FineprintEval
import FineprintIngest
import FineprintReading
import Foundation

extension Eval {
    /// Prints what the reading layer reads from one document: to check a miss of `eval parties` or a
    /// supplier that vendor terms never define.
    struct Read: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "read",
            abstract: "Print the parties and defined terms the reading layer reads from a document."
        )

        @Argument(help: "A document (txt, md, html, pdf, docx).")
        var file: String

        @Option(help: "Read the document after this invariance transformation (rename-parties, rename-terms, …).")
        var transform: String?

        @Option(help: "With --transform: also write the transformed text to this file.")
        var write: String?

        @OptionGroup var corpus: CorpusOptions

        func run() async throws {
            let bench = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: true)
            var text = try DocumentReader(ocr: nil).read(fileAt: URL(fileURLWithPath: file)).text
            if let transform {
                guard let transformation = Transformation(rawValue: transform) else {
                    let names = Transformation.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ValidationError("--transform takes one of: \(names)")
                }
                let invariance = FineprintEval.Invariance(
                    analyzer: bench.analyzer,
                    playbook: try bench.playbook(profile: "tier1", file: nil),
                    skipWords: FineprintEval.Invariance.wordsThatAreNotNames(bench.corpus),
                    termClasses: FineprintEval.Invariance.renamedClasses
                )
                text = invariance.transformed(text, by: transformation) ?? text
                if let write { try Data(text.utf8).write(to: URL(fileURLWithPath: write)) }
            }
            let reading = bench.analyzer.reader.read(text: text)
            print("language: \(reading.language)")
            for party in reading.parties {
                print("party \(party.role?.rawValue ?? "?"): \(party.names.joined(separator: " / "))")
            }
            let words = reading.partyWords.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
            print("party words: \(words.joined(separator: " "))")
            let names = reading.nameWords.filter { reading.partyWords[$0.key] == nil }.sorted { $0.key < $1.key }
            print("name words: \(names.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: " "))")
            for term in reading.terms {
                print("term \(term.termClass ?? "-"): \(term.name)")
            }
        }
    }
}
