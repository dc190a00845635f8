import FineprintSignalFetch
import FineprintSignals
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing

@Suite("The scheduled harvest: rounds at an interval, minimum intervals kept, failures in source health, clean stop")
struct HarvestServiceTests {
    typealias F = SignalFixtures

    /// The rounds the service reports, as they happen.
    actor Rounds {
        var rounds: [[SignalRunner.Outcome]] = []
        func add(_ r: [SignalRunner.Outcome]) { rounds.append(r) }
    }

    static func app(_ log: FeedServerLog) -> some ApplicationProtocol {
        let router = Router()
        router.get("feed") { request, _ -> Response in
            await log.note("feed", request.headers[.userAgent], nil)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: FetchTests.atom)))
        }
        router.get("broken") { _, _ -> Response in
            await log.note("broken", nil, nil)
            return Response(status: .internalServerError)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    @Test func roundsRunAtTheIntervalKeepEachSourcesMinimumAndStopOnShutdown() async throws {
        let log = FeedServerLog()
        try await Self.app(log).test(.live) { client in
            let port = try #require(client.port)
            try await F.withStore("sqlite") { store in
                let feed = try F.declared("local_feed", kind: "atom", address: "http://127.0.0.1:\(port)/feed")
                let broken = try F.declared("local_broken", kind: "atom", address: "http://127.0.0.1:\(port)/broken")
                var off = try F.declared("local_off", kind: "atom", address: "http://127.0.0.1:\(port)/feed")
                off.enabled = false
                let rounds = Rounds()
                let service = SignalHarvestService(
                    runner: SignalRunner(
                        harvester: try F.harvester(store),
                        fetcher: PoliteFetcher(settings: .init(contact: "signals@example.gov", timeoutSeconds: 300)),
                        sleep: { _ in }
                    ),
                    sources: [feed, broken, off],
                    interval: .milliseconds(50),
                    now: { F.now },
                    afterRound: { await rounds.add($0) }
                )
                let group = ServiceGroup(
                    configuration: .init(services: [.init(service: service)], logger: Logger(label: "test"))
                )
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    while await rounds.rounds.count < 2 { try await Task.sleep(for: .milliseconds(20)) }
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                }
                let seen = await rounds.rounds
                #expect(seen[0].map(\.source) == ["local_feed", "local_broken"])
                #expect(seen[0].map(\.failed) == [false, true])
                // The same clock: neither source is due again within its hour.
                #expect(seen[1].allSatisfy { $0.summary == "not due (minimum interval)" })
                // Fetched in the first round only (a retry after a timeout on a loaded machine is the same round).
                #expect(await log.requests.map(\.path).contains("feed"))
                let health = try #require(try await store.health(source: broken.id))
                #expect(health.failingSince == F.now)
                #expect(health.lastError == "HTTP 500")
                #expect(try await store.items(source: feed.id, state: nil).count == 1)
                #expect(try await store.health(source: off.id) == nil)
            }
        }
    }

    @Test func aRoundWithNoEnabledSourceFetchesNothing() async throws {
        try await F.withStore("sqlite") { store in
            var off = try F.declared("local_off", kind: "atom", address: "http://127.0.0.1:9/feed")
            off.enabled = false
            let service = SignalHarvestService(
                runner: SignalRunner(
                    harvester: try F.harvester(store),
                    fetcher: PoliteFetcher(settings: .init(contact: "x"))
                ),
                sources: [off],
                interval: .seconds(3600)
            )
            #expect(await service.harvestOnce().isEmpty)
            #expect(try await store.allHealth().isEmpty)
        }
    }
}
