import ArgumentParser
import FineprintCompare
import FineprintCore
import FineprintIngest
import Foundation

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare suppliers' terms side by side: which protects the buyer best?",
        discussion: """
            Analyses every FILE against one playbook and shows a matrix of provisions × documents
            (status, strength, value, confidence), the kill-list moves each document contains, each
            document's score and dimension scores, and a ranking. A folder stands for the documents in it.
            See docs/compare-and-diff.md.
            """
    )

    @Argument(help: "The documents to compare (files or folders), at least two.")
    var inputs: [String]

    @OptionGroup var judging: JudgingOptions

    @Option(help: "Output format: text, json, markdown, html or csv.")
    var format: Format = .text

    @Option(help: "Write the comparison to this file instead of standard output.")
    var out: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, html, csv
        var compare: CompareFormat { CompareFormat(rawValue: rawValue)! }
    }

    func run() async throws {
        let (bench, chosen) = try judging.load()
        let files: [URL]
        do {
            files = try InputFiles.expand(inputs)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        guard files.count >= 2 else {
            Console.error("compare needs at least two documents (got \(files.count))")
            throw ExitCode(2)
        }
        let reader = judging.reader
        var analyses: [Analysis] = []
        for url in files {
            do {
                let document = try reader.read(fileAt: url)
                var analysis = bench.analyzer.analyze(document, playbook: chosen)
                // Folders can hold several files of one name; show enough of the path to tell them apart.
                analysis.document.name = displayName(url, among: files)
                analyses.append(analysis)
            } catch {
                Console.error("\(url.path): \(error)")
                throw ExitCode(1)
            }
        }
        let comparison = Comparison.build(analyses, corpus: bench.corpus, playbook: chosen)
        do {
            let text = try ComparisonRenderer.render(comparison, as: format.compare)
            try OutputSink.write(text, to: out)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
    }
}

/// The file name, or "folder/file name" when another input has the same file name.
func displayName(_ url: URL, among files: [URL]) -> String {
    let name = url.lastPathComponent
    let clashes = files.filter { $0.lastPathComponent == name }.count > 1
    return clashes ? url.deletingLastPathComponent().lastPathComponent + "/" + name : name
}

enum OutputSink {
    /// Writes to the file at `path`, or standard output when nil.
    static func write(_ text: String, to path: String?) throws {
        if let path {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CLIError("cannot write \(path): \((error as NSError).localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
