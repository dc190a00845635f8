import ArgumentParser
import FineprintCore
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

        @OptionGroup var corpus: CorpusOptions

        func run() async throws {
            let bench = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: true)
            let document = try DocumentReader(ocr: nil).read(fileAt: URL(fileURLWithPath: file))
            let reading = bench.analyzer.reader.read(text: document.text)
            print("language: \(reading.language)")
            for party in reading.parties {
                print("party \(party.role?.rawValue ?? "?"): \(party.names.joined(separator: " / "))")
            }
            let words = reading.partyWords.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
            print("party words: \(words.joined(separator: " "))")
            for term in reading.terms {
                print("term \(term.termClass ?? "-"): \(term.name)")
            }
        }
    }
}
