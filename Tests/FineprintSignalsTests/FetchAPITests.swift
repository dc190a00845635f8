import FineprintSignalFetch
import FineprintSignals
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What the local API server saw.
actor APIServerLog {
    var keys: [String?] = []
    var methods: [String] = []
    var bodies: [String] = []

    func note(key: String?, method: String, body: String) {
        keys.append(key)
        methods.append(method)
        bodies.append(body)
    }
}

@Suite("Fetching the API adapters: the key from the environment, never logged; TED's search by POST")
struct FetchAPITests {
    typealias F = SignalFixtures

    static func app(_ log: APIServerLog) -> some ApplicationProtocol {
        let router = Router()
        router.get("v4/documents") { request, _ -> Response in
            await log.note(key: request.headers[.init("X-Api-Key")!], method: "GET", body: "")
            guard request.headers[.init("X-Api-Key")!] == "secret-key-123" else { return Response(status: .forbidden) }
            let fixture = try F.data("regulations-gov.json")
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: fixture)))
        }
        router.post("v3/notices/search") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 10_000)
            await log.note(key: nil, method: "POST", body: String(buffer: body))
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: try F.data("ted-search.json"))))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    func runner(_ store: any SignalStore, environment: [String: String]) throws -> SignalRunner {
        var policy = SignalRunner.Policy()
        policy.ignoreInterval = true
        return SignalRunner(
            harvester: try F.harvester(store),
            fetcher: PoliteFetcher(settings: .init(contact: "signals@example.gov", timeoutSeconds: 300)),
            policy: policy,
            environment: environment,
            sleep: { _ in }
        )
    }

    @Test func regulationsGovSendsTheKeyInAHeaderAndNeverLogsIt() async throws {
        let log = APIServerLog()
        try await Self.app(log).test(.live) { client in
            let port = try #require(client.port)
            try await F.withStore("sqlite") { store in
                var source = try F.source("regs_gov_ai")
                source.address = "http://127.0.0.1:\(port)/v4/documents"
                source.enabled = true
                let missing = try await runner(store, environment: [:]).run([source], now: { F.now })
                #expect(missing.first?.summary == "needs an API key in $FINEPRINT_REGULATIONS_GOV_KEY")
                let env = ["FINEPRINT_REGULATIONS_GOV_KEY": "secret-key-123"]
                let outcome = try await runner(store, environment: env).run([source], now: { F.now })
                #expect(outcome.first?.failed == false)
                // A loaded machine may time a request out and the runner retry it: every request carries the key.
                let keys = await log.keys
                #expect(!keys.isEmpty && keys.allSatisfy { $0 == "secret-key-123" })
                let attempts = try await store.attempts(source: source.id, limit: 10)
                #expect(!attempts.isEmpty)
                #expect(attempts.allSatisfy { !$0.url.contains("secret") && !$0.outcome.contains("secret") })
                #expect(try await store.health(source: source.id)?.lastError?.contains("secret") != true)
                #expect(try await store.items(source: source.id, state: nil).count == 3)
            }
        }
    }

    @Test func tedSearchesByPostingTheSourcesBody() async throws {
        let log = APIServerLog()
        try await Self.app(log).test(.live) { client in
            let port = try #require(client.port)
            try await F.withStore("sqlite") { store in
                var source = try F.source("ted_ai_notices")
                source.address = "http://127.0.0.1:\(port)/v3/notices/search"
                source.enabled = true
                let outcome = try await runner(store, environment: [:]).run([source], now: { F.now })
                #expect(outcome.first?.failed == false)
                #expect(await log.methods == ["POST"])
                let sent = try #require(await log.bodies.first)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(sent.utf8)) as? [String: Any])
                #expect((body["fields"] as? [String])?.contains("publication-number") == true)
                #expect(try await store.items(source: source.id, state: nil).count == 2)
            }
        }
    }
}
