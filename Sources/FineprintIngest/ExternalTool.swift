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
        let fm = FileManager.default
        _ = fm.createFile(atPath: errorFile.path, contents: nil)
        guard let errHandle = try? FileHandle(forWritingTo: errorFile) else { throw .noTempFile }
        defer { try? errHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { throw .cannotStart }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw .timedOut
        }
        let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, stderr: stderr)
    }

    /// The standard output of a short run of `executable` (e.g. `tesseract --list-langs`), or nil if it
    /// fails or takes over ten seconds.
    static func capture(_ executable: String, _ arguments: [String]) throws -> String? {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("fineprint-tool-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let out = work.appendingPathComponent("out.txt")
        _ = fm.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + 10) == .timedOut {
            process.terminate()
            return nil
        }
        return process.terminationStatus == 0 ? try String(contentsOf: out, encoding: .utf8) : nil
    }
}
