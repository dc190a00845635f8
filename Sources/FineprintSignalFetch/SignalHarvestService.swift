import FineprintSignals
import Foundation
import Logging
import ServiceLifecycle

/// The scheduled harvest inside `fineprint serve --signals-interval`: every interval it runs the enabled sources
/// through `SignalRunner` (which skips a source until its own minimum interval has passed and obeys Retry-After),
/// logs what each did, and sleeps. A source that fails is recorded in its health by the runner; a run that fails
/// as a whole (the store unreachable) is logged and tried again at the next interval. It stops when the service
/// group shuts down, between sources or in its sleep.
public struct SignalHarvestService: Service {
    public let runner: SignalRunner
    public let sources: [SignalSource]
    public let interval: Duration
    /// The clock the runner judges intervals by (tests move it forward).
    public var now: @Sendable () -> Date
    /// Called after each round with its outcomes (tests wait on it; nil in the server).
    public var afterRound: (@Sendable ([SignalRunner.Outcome]) async -> Void)?
    let logger: Logger

    public init(
        runner: SignalRunner,
        sources: [SignalSource],
        interval: Duration,
        logger: Logger = Logger(label: "fineprint.signals"),
        now: @escaping @Sendable () -> Date = { Date() },
        afterRound: (@Sendable ([SignalRunner.Outcome]) async -> Void)? = nil
    ) {
        self.runner = runner
        self.sources = sources.filter(\.enabled)
        self.interval = interval
        self.logger = logger
        self.now = now
        self.afterRound = afterRound
    }

    public func run() async throws {
        logger.info(
            "signals harvest scheduled",
            metadata: ["sources": "\(sources.count)", "interval": "\(interval)"]
        )
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let outcomes = await harvestOnce()
            await afterRound?(outcomes)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One round over the enabled sources; never throws (a failure is logged and the next round tries again).
    public func harvestOnce() async -> [SignalRunner.Outcome] {
        guard !sources.isEmpty else { return [] }
        do {
            let outcomes = try await cancelWhenGracefulShutdown { try await runner.run(sources, now: now) }
            for o in outcomes {
                let level: Logger.Level = o.failed ? .warning : .info
                logger.log(
                    level: level,
                    "signals source harvested",
                    metadata: ["source": "\(o.source)", "outcome": "\(o.summary)"]
                )
            }
            return outcomes
        } catch is CancellationError {
            return []
        } catch {
            logger.error("the signals harvest failed: \(error)")
            return []
        }
    }
}
