import ArgumentParser
import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintReport
import Foundation

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find the sovereignty provisions, kill-list moves and gaps in contracts.",
        discussion: """
            FILE may be a .txt, .md, .html, .pdf or .docx file, or a folder (read recursively). With
            several inputs, --out names a folder that receives one report per input; without --out the
            reports go to standard output (JSON as an array).
            """
    )

    @Argument(help: "Files or folders to analyse.")
    var inputs: [String]

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var allies: AlliedProfileOptions

    @OptionGroup var output: OutputOptions<OutputFormat>

    @Flag(help: "No progress line.")
    var quiet = false

    enum OutputFormat: String, OutputFormatChoice {
        case text, json, markdown, html
        var report: ReportFormat { ReportFormat(rawValue: rawValue)! }
    }

    var format: OutputFormat { output.format }
    var out: String? { output.out }

    func run() async throws {
        let (setup, chosen) = try await judging.load(allies: allies)
        let files = try InputFiles.expand(inputs)
        if files.count > 1, format == .html, out == nil {
            throw CLIError("several HTML reports need --out FOLDER", exitCode: 2)
        }
        let showProgress = !quiet && files.count > 1
        let started = Date()
        let results = await analyse(files, setup: setup, playbook: chosen, showProgress: showProgress)
        var failures = 0
        var reports: [(url: URL, input: ReportInput)] = []
        for (url, result) in zip(files, results) {
            switch result {
            case .success(let input): reports.append((url, input))
            case .failure(let error):
                failures += 1
                Console.error("\(url.path): \(error)")
            }
        }
        // A folder given as input, or as --out, gets reports in a folder even when it holds one document.
        let intoFolder = files.count > 1 || (inputs + [out].compactMap { $0 }).contains(where: InputFiles.isFolder)
        try write(reports, multiple: files.count > 1, intoFolder: intoFolder)
        if showProgress {
            let seconds = Date().timeIntervalSince(started)
            Console.progress(String(format: "analysed %d of %d files in %.2f s\n", reports.count, files.count, seconds))
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Reads and analyses the files on every core, a few at a time; the results in the files' order.
    private func analyse(
        _ files: [URL],
        setup: AnalysisSetup,
        playbook: Playbook,
        showProgress: Bool
    ) async -> [Result<ReportInput, Error>] {
        let reader = judging.reader
        var results = [Int: Result<ReportInput, Error>]()
        var done = 0
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        await withTaskGroup(of: (Int, Result<ReportInput, Error>).self) { group in
            var next = 0
            func submit() {
                guard next < files.count else { return }
                let index = next
                let url = files[index]
                next += 1
                group.addTask {
                    (
                        index,
                        Result {
                            let document = try reader.read(fileAt: url)
                            let analysis = setup.analyzer.analyze(document, playbook: playbook)
                            return ReportInput(
                                analysis: analysis,
                                corpus: setup.corpus,
                                playbook: playbook,
                                text: document.text
                            )
                        }
                    )
                }
            }
            for _ in 0..<workers { submit() }
            for await (index, result) in group {
                results[index] = result
                done += 1
                if showProgress { Self.showProgress(done: done, of: files.count, file: files[index]) }
                submit()
            }
        }
        if showProgress && Console.stderrIsTerminal { Console.progress("\n") }
        return files.indices.map { results[$0]! }
    }

    /// One line per file on a terminal (rewritten in place), one every 50 files into a log.
    private static func showProgress(done: Int, of count: Int, file: URL) {
        guard Console.stderrIsTerminal || done % 50 == 0 || done == count else { return }
        let line = "[\(done)/\(count)] \(file.lastPathComponent)"
        Console.progress(Console.stderrIsTerminal ? "\r\u{1B}[K" + String(line.prefix(100)) : line + "\n")
    }

    private func write(_ reports: [(url: URL, input: ReportInput)], multiple: Bool, intoFolder: Bool) throws {
        let fm = FileManager.default
        if let out, intoFolder {
            try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
            var used = Set<String>()
            for report in reports {
                var name = report.url.deletingPathExtension().lastPathComponent
                while !used.insert(name).inserted {
                    name += "-" + String(report.input.analysis.document.sha256.prefix(8))
                }
                let path = (out as NSString).appendingPathComponent(name + "." + format.report.fileExtension)
                try Data(ReportRenderer.render(report.input, as: format.report).utf8).write(
                    to: URL(fileURLWithPath: path)
                )
            }
            return
        }
        let text: String
        if format == .json && multiple {
            text =
                "[\n" + (try reports.map { try JSONReport.render($0.input.analysis) }).joined(separator: ",\n")
                + "\n]\n"
        } else {
            text =
                try reports.map { try ReportRenderer.render($0.input, as: format.report) }.joined(separator: "\n")
                + (format == .json ? "\n" : "")
        }
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// Expands folders into the documents they contain, in a stable order.
enum InputFiles {
    static let extensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "pdf", "docx"]

    /// Whether a folder exists at `path`.
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func expand(_ inputs: [String]) throws -> [URL] {
        var files: [URL] = []
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw CLIError("\(input): no such file or folder")
            }
            if isDirectory.boolValue {
                let root = URL(fileURLWithPath: input)
                guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
                    continue
                }
                var found: [URL] = []
                for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
                    found.append(url)
                }
                if found.isEmpty { throw CLIError("\(input): no .txt, .md, .html, .pdf or .docx files in this folder") }
                files += found.sorted { $0.path < $1.path }
            } else {
                files.append(URL(fileURLWithPath: input))
            }
        }
        return files
    }
}
