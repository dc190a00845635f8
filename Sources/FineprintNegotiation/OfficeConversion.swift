import Foundation

/// Converts a DOCX to PDF with LibreOffice headless (`soffice --headless --convert-to pdf`), so the
/// PDF is the DOCX as an office suite lays it out: one path for both formats.
public enum OfficeConversion {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// No `soffice` on the PATH.
        case missing
        /// LibreOffice ran but wrote no PDF (exit status and what it said).
        case failed(status: Int32, message: String)
        case timedOut(seconds: Int)

        public var description: String {
            switch self {
            case .missing:
                "PDF needs LibreOffice, and soffice is not on the PATH: install it "
                    + "(apt-get install -y --no-install-recommends libreoffice-writer-nogui) or export DOCX instead"
            case .failed(let status, let message):
                "LibreOffice could not convert the document to PDF (exit \(status))"
                    + (message.isEmpty ? "" : ": " + message)
            case .timedOut(let seconds): "LibreOffice did not finish the PDF within \(seconds) seconds"
            }
        }
    }

    /// The longest a conversion may take before it is stopped.
    public static let timeLimit = 120

    /// The first `soffice` on the PATH, or nil.
    public static func soffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The PDF of `docx`. Each conversion runs in a folder of its own with a private LibreOffice
    /// profile, so conversions side by side do not share LibreOffice's lock; the folder is removed after.
    public static func pdf(fromDocx docx: Data) throws -> Data {
        guard let tool = soffice() else { throw Failure.missing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document.docx")
        try docx.write(to: input)
        let (status, message) = try run(
            tool,
            [
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", folder.path, input.path,
            ]
        )
        let output = folder.appendingPathComponent("document.pdf")
        guard let pdf = try? Data(contentsOf: output), !pdf.isEmpty else {
            throw Failure.failed(status: status, message: message)
        }
        return pdf
    }

    /// Runs the tool to its end (or the time limit), returning its exit status and standard error.
    static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(TimeInterval(timeLimit))
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw Failure.timedOut(seconds: timeLimit)
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
