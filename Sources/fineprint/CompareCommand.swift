import ArgumentParser
import FineprintCompare
import FineprintCore
import FineprintIngest
import FineprintNegotiation
import FineprintReport
import Foundation

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare suppliers' terms side by side: which protects the buyer best?",
        discussion: """
            Analyses every FILE against one playbook and shows a matrix of provisions × documents
            (status, strength, value, confidence), the kill-list moves each document contains, each
            document's score explained and dimension scores, the best offer per requirement, and a
            ranking. A folder stands for the documents in it. --format docx or pdf writes the one-page
            award sheet (PDF through LibreOffice) to --out. See docs/compare-and-diff.md.
            """
    )

    @Argument(help: "The documents to compare (files or folders), at least two.")
    var inputs: [String]

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var output: OutputOptions<Format>

    @Option(
        help: "The matter's name for the award sheet's title and header (docx, pdf); the profile's name when absent."
    )
    var matter: String?

    enum Format: String, OutputFormatChoice {
        case text, json, markdown, html, csv, docx, pdf
        /// The text formats; nil for the award sheet's docx and pdf.
        var compare: CompareFormat? { CompareFormat(rawValue: rawValue) }
    }

    func validate() throws {
        if output.format.compare == nil && output.out == nil {
            throw ValidationError("--format \(output.format.rawValue) writes a file: give --out PATH")
        }
    }

    func run() async throws {
        let (setup, chosen) = try judging.load()
        let files = try CLIError.setup { try InputFiles.expand(inputs) }
        guard files.count >= 2 else {
            throw CLIError("compare needs at least two documents (got \(files.count))", exitCode: 2)
        }
        let documents: [AnalysedFile] = try analyse(files, setup: setup, playbook: chosen)
        let analyses = documents.map { $0.analysis }
        let comparison = Comparison.build(analyses, corpus: setup.corpus, playbook: chosen)
        guard output.format.compare == nil, let out = output.out else {
            try OutputSink.write(
                try ComparisonRenderer.render(comparison, as: output.format.compare ?? .text),
                to: output.out
            )
            return
        }
        let reports = documents.map {
            ReportInput(analysis: $0.analysis, corpus: setup.corpus, playbook: chosen, text: $0.text)
        }
        let sheet = AwardSheet(comparison, inputs: reports, matter: matter, date: Negotiate.today())
        let docx = try AwardDocxRenderer.render(sheet)
        let data = try output.format == .pdf ? CLIError.setup { try OfficeConversion.pdf(fromDocx: docx) } : docx
        do { try data.write(to: URL(fileURLWithPath: out)) } catch {
            throw CLIError("cannot write \(out): \(error.localizedDescription)")
        }
        Console.error(
            "wrote \(out): award sheet of \(sheet.suppliers.count) suppliers, \(sheet.requirements.count) requirements"
        )
    }

    /// Each file read and analysed against `playbook`, with its extracted text.
    func analyse(_ files: [URL], setup: AnalysisSetup, playbook chosen: Playbook) throws -> [AnalysedFile] {
        let reader = judging.reader
        var analyses: [AnalysedFile] = []
        for url in files {
            do {
                let document = try reader.read(fileAt: url)
                var analysis = setup.analyzer.analyze(document, playbook: chosen)
                // Folders can hold several files of one name; show enough of the path to tell them apart.
                analysis.document.name = displayName(url, among: files)
                analyses.append(AnalysedFile(analysis: analysis, text: document.text))
            } catch {
                throw CLIError("\(url.path): \(error)")
            }
        }
        return analyses
    }
}

/// One compared file: its analysis and the extracted text the analysis's offsets refer to.
struct AnalysedFile {
    var analysis: Analysis
    var text: String
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
