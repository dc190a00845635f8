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
        let playbook = try playbook(claimed.job.profile)
        let count = claimed.uploads.count
        var results: [JobResult] = []
        for (index, upload) in claimed.uploads.enumerated() {
            let place = count > 1 ? " (\(index + 1) of \(count))" : ""
            try await progress.report(Double(index) / Double(count), "analysing \(upload.name)\(place)")
            let format = try UploadedFile(filename: upload.name, data: upload.bytes).claimedFormat()
            let reader = self.reader
            let analyzer = self.analyzer
            let (document, analysis) = try await OffThread.run {
                let document = try FineprintMetrics.countingFailures {
                    try reader.read(data: upload.bytes, name: upload.name, format: format)
                }
                let analysis = FineprintMetrics.timingAnalysis(format: document.format) {
                    analyzer.analyze(document, playbook: playbook)
                }
                return (document, analysis)
            }
            let stored = NewDocument(
                sha256: document.sha256,
                name: document.name,
                format: document.format,
                bytes: upload.bytes,
                text: document.text
            )
            results.append(JobResult(document: stored, analysis: analysis))
        }
        return results
    }
}
