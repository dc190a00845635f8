import FineprintSignalFetch
import FineprintSignals
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A feed server on loopback that answers like real publishers do: ETags, 429 with Retry-After, redirect loops.
actor FeedServerLog {
    var requests: [(path: String, userAgent: String?, ifNoneMatch: String?)] = []
    var busyCount = 0

    func note(_ path: String, _ ua: String?, _ inm: String?) { requests.append((path, ua, inm)) }
    func nextBusy() -> Int {
        busyCount += 1
        return busyCount
    }
}

@Suite("Fetching politely: conditional GET, Retry-After and backoff, caps; against a local server")
struct FetchTests {
    typealias F = SignalFixtures

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>t</id><title>t</title>
        <updated>2026-12-08T00:00:00Z</updated><entry><id>urn:x:1</id><title>AI procurement clauses for public buyers</title>
        <updated>2026-12-08T00:00:00Z</updated><link href="https://example.gov/1"/></entry></feed>
        """

    static func app(_ log: FeedServerLog) -> some ApplicationProtocol {
        let router = Router()
        router.get("feed") { request, _ -> Response in
            await log.note("feed", request.headers[.userAgent], request.headers[.ifNoneMatch])
            if request.headers[.ifNoneMatch] == "\"v1\"" { return Response(status: .notModified) }
            return Response(
                status: .ok,
                headers: [.eTag: "\"v1\"", .contentType: "application/atom+xml"],
                body: .init(byteBuffer: ByteBuffer(string: atom))
            )
        }
        router.get("busy") { request, _ -> Response in
            await log.note("busy", request.headers[.userAgent], nil)
            if await log.nextBusy() == 1 { return Response(status: .tooManyRequests, headers: [.retryAfter: "7"]) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: atom)))
        }
        router.get("slow-down") { _, _ -> Response in
            Response(status: .tooManyRequests, headers: [.retryAfter: "3600"])
        }
        router.get("loop") { _, _ -> Response in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("big") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: String(repeating: "x", count: 300_000))))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    actor Sleeps {
        var waits: [Double] = []
        func add(_ s: Double) { waits.append(s) }
    }

    func withRunner(
        maxBytes: Int = 100_000,
        _ body: @Sendable (SignalRunner, any SignalStore, Int, FeedServerLog, Sleeps) async throws -> Void
    ) async throws {
        let log = FeedServerLog()
        let sleeps = Sleeps()
        try await Self.app(log).test(.live) { client in
            let port = try #require(client.port)
            try await F.withStore("sqlite") { store in
                var policy = SignalRunner.Policy()
                policy.ignoreInterval = true
                // A machine busy with other suites can keep the in-process server from answering within the
                // default 30 s; a timeout would then be retried and counted as another attempt.
                let runner = SignalRunner(
                    harvester: try F.harvester(store),
                    fetcher: PoliteFetcher(
                        settings: .init(contact: "signals@example.gov", maxBytes: maxBytes, timeoutSeconds: 300)
                    ),
                    policy: policy,
                    sleep: { await sleeps.add($0) }
                )
                try await body(runner, store, port, log, sleeps)
            }
        }
    }

    func source(_ path: String, port: Int) throws -> SignalSource {
        try F.declared(
            "local_\(path.replacingOccurrences(of: "-", with: "_"))",
            kind: "atom",
            address: "http://127.0.0.1:\(port)/\(path)"
        )
    }

    @Test func aSecondRunSendsTheETagAndA304IsASuccessWithoutBytes() async throws {
        try await withRunner { runner, store, port, log, _ in
            let feed = try source("feed", port: port)
            let first = try await runner.run([feed], now: { F.now })
            #expect(first.first?.report?.added == 1 || first.first?.report?.seeded == 1)
            let second = try await runner.run([feed], now: { F.now.addingTimeInterval(7200) })
            #expect(second.first?.summary == "not modified")
            let requests = await log.requests
            #expect(requests.map(\.ifNoneMatch) == [nil, "\"v1\""])
            #expect(requests.allSatisfy { $0.userAgent?.contains("Fineprint") == true })
            #expect(requests.allSatisfy { $0.userAgent?.contains("signals@example.gov") == true })
            let attempts = try await store.attempts(source: feed.id, limit: 10)
            #expect(attempts.map(\.status) == [304, 200])
            #expect(try await store.health(source: feed.id)?.etag == "\"v1\"")
        }
    }

    @Test func a429IsObeyedWithItsRetryAfterAndRetried() async throws {
        try await withRunner { runner, store, port, _, sleeps in
            let busy = try source("busy", port: port)
            let outcome = try await runner.run([busy], now: { F.now })
            #expect(outcome.first?.failed == false)
            #expect(await sleeps.waits == [7])
            #expect(try await store.attempts(source: busy.id, limit: 10).map(\.status) == [200, 429])
        }
    }

    @Test func aLongRetryAfterPutsTheSourceOffUntilThen() async throws {
        try await withRunner { runner, store, port, _, sleeps in
            let slow = try source("slow-down", port: port)
            let first = try await runner.run([slow], now: { F.now })
            #expect(first.first?.failed == true)
            #expect(await sleeps.waits.isEmpty)
            #expect(try await store.health(source: slow.id)?.retryAfter == F.now.addingTimeInterval(3600))
            let again = try await runner.run([slow], now: { F.now.addingTimeInterval(60) })
            #expect(again.first?.summary.contains("put off") == true)
            #expect(try await store.attempts(source: slow.id, limit: 10).count == 1)
        }
    }

    @Test func redirectLoopsAndOversizedAnswersFailCleanly() async throws {
        try await withRunner(maxBytes: 100_000) { runner, store, port, _, _ in
            let loop = try source("loop", port: port)
            let big = try source("big", port: port)
            let outcomes = try await runner.run([loop, big], now: { F.now })
            #expect(outcomes.map(\.failed) == [true, true])
            #expect(try await store.health(source: big.id)?.failingSince == F.now)
            #expect(try await store.attempts(source: loop.id, limit: 10).isEmpty == false)
        }
    }

    @Test func disabledSourcesAreNeverFetched() async throws {
        try await withRunner { runner, store, port, log, _ in
            var feed = try source("feed", port: port)
            feed.enabled = false
            let outcomes = try await runner.run([feed], now: { F.now })
            #expect(outcomes.isEmpty)
            #expect(await log.requests.isEmpty)
            #expect(try await store.attempts(source: nil, limit: 10).isEmpty)
        }
    }
}
