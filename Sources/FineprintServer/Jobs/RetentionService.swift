import FineprintStore
import Foundation
import Logging
import ServiceLifecycle

/// Enforces the retention periods: at start-up and then once a day, deletes the documents each
/// matter has held longer than its period (its own, else the server's default) (with their analyses and jobs), records each in the audit log, and
/// forgets their cached report pages. A failed sweep is logged and tried again the next day.
struct RetentionService: Service {
    let bench: WebWorkbench
    /// The default period, for matters without their own (nil: they keep their documents).
    let days: Int?
    var interval: Duration = .seconds(86_400)
    /// The time a sweep judges ages by (tests move it forward).
    var now: @Sendable () -> Date = { Date() }
    let logger = Logger(label: "fineprint.retention")

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await sweepOnce()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func sweepOnce() async {
        do {
            let sweep = MatterRetentionSweep(defaultDays: days, store: try bench.matterStore, log: bench.auditLog)
            let deleted = try await sweep.run(now: now())
            for id in deleted.flatMap(\.analysisIds) { bench.reportPages.remove(id) }
            if !deleted.isEmpty {
                logger.notice(
                    "retention deleted documents",
                    metadata: ["documents": "\(deleted.count)", "default days": "\(days.map(String.init) ?? "none")"]
                )
            }
        } catch {
            logger.error("the retention sweep failed: \(error)")
        }
    }
}
