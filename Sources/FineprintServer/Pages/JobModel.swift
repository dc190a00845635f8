import FineprintCore
import Foundation

/// The job page (view: job.mustache): a progress bar while the job waits or runs, the failure, or
/// the list of reports.
struct JobModel: PageModel {
    static let template = "job"

    struct Result {
        let id: String
        let name: String
    }

    let title: String
    let heading: String
    let files: String
    let profile: String
    let waiting: Bool
    let percent: Int
    let step: String
    let failed: Bool
    let error: String
    let analyses: [Result]

    /// `publicIDs`: the public ids of the job's analyses (jobs record the store's internal ones).
    init(_ job: AnalysisJob, publicIDs: [Int64: String]) {
        let names = job.files.map { Format.fileName($0.name) }
        files = names.count == 1 ? names[0] : "\(names.count) files: " + names.prefix(10).joined(separator: ", ")
        profile = job.profile
        waiting = !job.state.isFinished
        percent = Int((job.progress * 100).rounded())
        step = job.state == .queued ? "Waiting for a worker" : job.step.prefix(1).uppercased() + job.step.dropFirst()
        failed = job.state == .failed
        error = job.error ?? ""
        analyses = zip(job.analysisIds, names).compactMap { id, name in
            publicIDs[id].map { Result(id: $0, name: name) }
        }
        switch job.state {
        case .queued, .running: heading = "Analysing…"
        case .done: heading = "Analysed"
        case .failed: heading = "The analysis failed"
        }
        title = heading
    }
}

/// A job as the API returns it.
struct JobItem: Codable {
    struct File: Codable {
        let name: String
        let byteCount: Int
    }

    struct Result: Codable {
        let id: String
        let name: String
        let url: String
    }

    let id: String
    let state: String
    let progress: Double
    let step: String
    let profile: String
    let files: [File]
    let analyses: [Result]
    let error: String?
    let attempts: Int
    let createdAt: Date
    let updatedAt: Date
    let url: String

    init(_ job: AnalysisJob, publicIDs: [Int64: String]) {
        id = job.id
        state = job.state.rawValue
        progress = job.progress
        step = job.step
        profile = job.profile
        files = job.files.map { File(name: $0.name, byteCount: $0.byteCount) }
        analyses = zip(job.analysisIds, job.files).compactMap { id, file in
            publicIDs[id].map { Result(id: $0, name: file.name, url: "/api/analyses/\($0)") }
        }
        error = job.error
        attempts = job.attempts
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        url = "/api/jobs/\(job.id)"
    }
}
