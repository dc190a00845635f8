import ServiceLifecycle

/// Runs a service once the workbench's start-up work is done. `buildApplication` runs that work
/// (after PostgreSQL's migration) just before the server starts, while the other services already
/// run: job workers wait for it, so their first claim finds the queue's tables.
struct AfterStartup<Wrapped: Service>: Service {
    let bench: WebWorkbench
    let service: Wrapped

    func run() async throws {
        while bench.startup.site == nil {
            if Task.isShuttingDownGracefully || Task.isCancelled { return }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(50)) }
        }
        try await service.run()
    }
}
