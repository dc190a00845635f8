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

    @OptionGroup var output: OutputOptions<Format>

    enum Format: String, OutputFormatChoice {
        case text, json, markdown, html, csv
        var compare: CompareFormat { CompareFormat(rawValue: rawValue)! }
    }

    func run() async throws {
        let (setup, chosen) = try judging.load()
        let files = try CLIError.setup { try InputFiles.expand(inputs) }
        guard files.count >= 2 else {
            throw CLIError("compare needs at least two documents (got \(files.count))", exitCode: 2)
        }
        let reader = judging.reader
        var analyses: [Analysis] = []
        for url in files {
            do {
                let document = try reader.read(fileAt: url)
                var analysis = setup.analyzer.analyze(document, playbook: chosen)
                // Folders can hold several files of one name; show enough of the path to tell them apart.
                analysis.document.name = displayName(url, among: files)
                analyses.append(analysis)
            } catch {
                throw CLIError("\(url.path): \(error)")
            }
        }
        let comparison = Comparison.build(analyses, corpus: setup.corpus, playbook: chosen)
        try OutputSink.write(try ComparisonRenderer.render(comparison, as: output.format.compare), to: output.out)
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
