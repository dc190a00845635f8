import Foundation

/// Runs a command-line tool (pdftotext, pdftoppm, tesseract) with a time limit, its standard error
/// kept in a file so that a chatty tool can never block on a full pipe.
struct ExternalTool: Sendable {
    /// The outcome of one run: exit status and what the tool wrote on standard error.
    struct Outcome {
        var status: Int32
        var stderr: String
    }

    enum Failure: Error {
        /// The executable could not be started.
        case cannotStart
        /// The run did not finish within the time limit and was stopped.
        case timedOut
        /// No temporary file for standard error could be made.
        case noTempFile
    }

    var executable: String

    /// The executable named `name` on PATH, or nil.
    static func onPath(_ name: String) -> String? {
        let fm = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/" + name
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the tool with `arguments`, its standard error written to `errorFile`.
    func run(_ arguments: [String], errorFile: URL, timeout: TimeInterval) throws(Failure) -> Outcome {
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else { throw .noTempFile }
        let child: ChildProcess
        do { child = try ChildProcess.start(executable, arguments, output: nil, errors: errorFile.path) } catch {
            throw .cannotStart
        }
        guard let status = child.wait(timeout: timeout) else { throw .timedOut }
        let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Outcome(status: status, stderr: stderr)
    }

    /// The standard output of a short run of `executable` (e.g. `tesseract --list-langs`), or nil if it
    /// fails or takes over ten seconds.
    static func capture(_ executable: String, _ arguments: [String]) throws -> String? {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("fineprint-tool-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let out = work.appendingPathComponent("out.txt")
        let child = try ChildProcess.start(executable, arguments, output: out.path, errors: nil)
        guard child.wait(timeout: 10) == 0 else { return nil }
        return try String(contentsOf: out, encoding: .utf8)
    }
}
