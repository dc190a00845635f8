import FineprintCore
import FineprintIngest
import FineprintStore
import Foundation

extension WebWorkbench {
    /// A job's work, for the worker pool: each file read and analysed against the job's tier, in
    /// upload order, with progress reported between the steps. Reading and analysing run off the
    /// request threads. Nothing is stored here: the queue stores the results with the job's
    /// completion, in one transaction. A file that cannot be read fails the job with the reader's reason.
    public func analyseJob(_ claimed: ClaimedJob, progress: JobProgress) async throws -> [JobResult] {
        try await findAlliedPlaybook(claimed.job.profile)
        let playbook = try playbook(claimed.job.profile)
        let count = claimed.uploads.count
        var results: [JobResult] = []
        for (index, upload) in claimed.uploads.enumerated() {
            let place = count > 1 ? " (\(index + 1) of \(count))" : ""
            try await progress.report(Double(index) / Double(count), "analysing \(upload.name)\(place)")
            let format = try UploadedFile(filename: upload.name, data: upload.bytes).claimedFormat()
            results.append(
                try await readAndAnalyse(upload.bytes, name: upload.name, format: format, playbook: playbook)
            )
        }
        return results
    }

    /// Reads one file and analyses it, on a thread of its own so that requests keep being answered
    /// meanwhile. The reader checks the content is what the extension claims (a PDF header, a
    /// DOCX zip, text that is not binary); nothing uploaded is ever run.
    func readAndAnalyse(
        _ bytes: Data,
        name: String,
        format: DocumentFormat,
        playbook: Playbook
    ) async throws -> JobResult {
        let reader = self.reader
        let analyzer = self.analyzer
        return try await OffThread.run {
            let document = try FineprintMetrics.countingFailures {
                try reader.read(data: bytes, name: name, format: format)
            }
            let analysis = FineprintMetrics.timingAnalysis(format: document.format) {
                analyzer.analyze(document, playbook: playbook)
            }
            let stored = NewDocument(
                sha256: document.sha256,
                name: document.name,
                format: document.format,
                bytes: bytes,
                text: document.text
            )
            return JobResult(document: stored, analysis: analysis)
        }
    }
}
