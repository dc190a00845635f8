import FineprintCore
import FineprintIngest
import FineprintStore
import Foundation

extension WebWorkbench {
    /// A job's work, for the worker pool: each file read, stored and analysed against the job's
    /// tier, in upload order, with progress reported between the steps. Reading and analysing run
    /// off the request threads. A file that cannot be read fails the job with the reader's reason.
    public func analyseJob(_ claimed: ClaimedJob, progress: JobProgress) async throws -> [Int64] {
        let playbook = try playbook(claimed.job.profile)
        let count = claimed.uploads.count
        var ids: [Int64] = []
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
            _ = try await store.saveDocument(
                NewDocument(
                    sha256: document.sha256,
                    name: document.name,
                    format: document.format,
                    bytes: upload.bytes,
                    text: document.text
                )
            )
            ids.append(try await store.saveAnalysis(analysis).id)
        }
        return ids
    }
}
