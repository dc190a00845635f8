import AsyncHTTPClient
import FineprintSignals
import Foundation

/// `signals run`: fetches every enabled source that is due, one request at a time (so never two at once on one
/// host), through the same pipeline as an import. Every attempt is logged; a 304 is a success without bytes; a
/// 429 or 503 is retried after its `Retry-After` (or an exponential backoff) within the run when short, and
/// otherwise put off to a later run.
public struct SignalRunner: Sendable {
    public struct Policy: Sendable {
        /// Retries after a 429/503 or a network error within one run.
        public var maxRetries = 3
        /// First backoff when the server gives no `Retry-After`; doubled each retry.
        public var baseBackoffSeconds = 2.0
        /// A longer wait than this is not slept in the run: the source is put off until then.
        public var maxWaitInRunSeconds = 60.0
        /// Fetch sources even before their minimum interval has passed (an operator's explicit run).
        public var ignoreInterval = false

        public init() {}
    }

    /// What happened to one source.
    public struct Outcome: Sendable, Equatable {
        public var source: String
        public var summary: String
        public var report: SignalHarvester.Report?
        public var failed: Bool
    }

    let harvester: SignalHarvester
    let fetcher: PoliteFetcher
    let policy: Policy
    let environment: [String: String]
    let sleep: @Sendable (Double) async throws -> Void

    public init(
        harvester: SignalHarvester,
        fetcher: PoliteFetcher,
        policy: Policy = Policy(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }
    ) {
        self.harvester = harvester
        self.fetcher = fetcher
        self.policy = policy
        self.environment = environment
        self.sleep = sleep
    }

    public func run(_ sources: [SignalSource], now: @Sendable () -> Date = { Date() }) async throws -> [Outcome] {
        let client = fetcher.makeClient()
        var outcomes: [Outcome] = []
        do {
            for source in sources where source.enabled {
                outcomes.append(try await runOne(source, client: client, now: now))
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return outcomes
    }

    func runOne(_ source: SignalSource, client: HTTPClient, now: () -> Date) async throws -> Outcome {
        let health = try await harvester.store.health(source: source.id) ?? SourceHealth(source: source.id)
        let start = now()
        if let notBefore = health.retryAfter, notBefore > start {
            return Outcome(source: source.id, summary: "put off until \(notBefore) (Retry-After)", failed: false)
        }
        if !policy.ignoreInterval, let last = health.lastAttempt,
            start.timeIntervalSince(last) < source.minimumIntervalHours * 3600
        {
            return Outcome(source: source.id, summary: "not due (minimum interval)", failed: false)
        }
        guard let url = source.requestURL else {
            return try await fail(source, "the address is not a URL", at: start)
        }
        var apiKey: String?
        if let variable = source.keyEnvironment {
            guard let key = environment[variable], !key.isEmpty else {
                return try await fail(source, "needs an API key in $\(variable)", at: start)
            }
            apiKey = key
        }
        let request = Request(source: source, url: url, apiKey: apiKey, health: health)
        return try await fetchWithRetries(request, client: client, now: now)
    }

    struct Request {
        var source: SignalSource
        var url: URL
        var apiKey: String?
        var health: SourceHealth
    }

    /// GETs until an answer settles it: content, 304, a refusal, or retries spent.
    private func fetchWithRetries(_ r: Request, client: HTTPClient, now: () -> Date) async throws -> Outcome {
        var attempt = 0
        while true {
            let at = now()
            let answer: PoliteFetcher.Answer
            do {
                answer = try await fetcher.get(
                    r.url,
                    etag: r.health.etag,
                    lastModified: r.health.lastModified,
                    apiKey: r.apiKey,
                    postBody: r.source.postBody,
                    client: client,
                    now: at
                )
            } catch {
                // A shutdown is not the source's failure: nothing is recorded against its health.
                if Task.isCancelled { throw CancellationError() }
                try await log(r, at: at, status: nil, bytes: 0, sha: nil, "failed: \(error)")
                attempt += 1
                if attempt <= policy.maxRetries, error is HTTPClientError {
                    try await sleep(backoff(attempt, retryAfter: nil))
                    continue
                }
                return try await fail(r.source, "\(error)", at: at)
            }
            switch answer.status {
            case 304:
                try await log(r, at: at, status: 304, bytes: 0, sha: nil, "not modified")
                try await harvester.recordSuccess(source: r.source.id, newest: nil, at: at)
                return Outcome(source: r.source.id, summary: "not modified", failed: false)
            case 200..<300:
                let sha = answer.body.signalSHA256
                try await log(r, at: at, status: answer.status, bytes: answer.body.count, sha: sha, "fetched")
                return try await ingest(answer, source: r.source, url: r.url, at: at)
            case 429, 503:
                attempt += 1
                let wait = backoff(attempt, retryAfter: answer.retryAfter)
                try await log(
                    r,
                    at: at,
                    status: answer.status,
                    bytes: answer.body.count,
                    sha: nil,
                    "asked to wait \(Int(wait)) s"
                )
                if attempt <= policy.maxRetries, wait <= policy.maxWaitInRunSeconds {
                    try await sleep(wait)
                    continue
                }
                return try await putOff(r.source, status: answer.status, seconds: wait, at: at)
            default:
                try await log(r, at: at, status: answer.status, bytes: answer.body.count, sha: nil, "refused")
                return try await fail(r.source, "HTTP \(answer.status)", at: at)
            }
        }
    }

    /// A wait too long for this run: the source is not fetched again before it is over.
    private func putOff(_ source: SignalSource, status: Int, seconds: Double, at: Date) async throws -> Outcome {
        var health = try await harvester.store.health(source: source.id) ?? SourceHealth(source: source.id)
        health.retryAfter = at.addingTimeInterval(seconds)
        try await harvester.store.saveHealth(health)
        return try await fail(source, "HTTP \(status); put off for \(Int(seconds)) s", at: at)
    }

    func backoff(_ attempt: Int, retryAfter: Double?) -> Double {
        retryAfter ?? policy.baseBackoffSeconds * pow(2, Double(max(0, attempt - 1)))
    }

    private func ingest(
        _ answer: PoliteFetcher.Answer,
        source: SignalSource,
        url: URL,
        at: Date
    ) async throws
        -> Outcome
    {
        do {
            let report = try await harvester.ingest(
                answer.body,
                source: source,
                location: url.absoluteString,
                origin: .fetch,
                status: answer.status,
                at: at
            )
            var health = try await harvester.store.health(source: source.id) ?? SourceHealth(source: source.id)
            health.etag = answer.etag
            health.lastModified = answer.lastModified
            health.retryAfter = nil
            try await harvester.store.saveHealth(health)
            let summary =
                "\(report.added) new, \(report.seeded) seeded, \(report.revised) revised, \(report.unchanged) unchanged"
            return Outcome(source: source.id, summary: summary, report: report, failed: false)
        } catch let error as SignalError {
            return Outcome(source: source.id, summary: "unreadable: \(error)", failed: true)
        }
    }

    private func fail(_ source: SignalSource, _ message: String, at: Date) async throws -> Outcome {
        try await harvester.recordFailure(source: source.id, error: message, at: at)
        return Outcome(source: source.id, summary: message, failed: true)
    }

    private func log(_ r: Request, at: Date, status: Int?, bytes: Int, sha: String?, _ outcome: String) async throws {
        try await harvester.store.logAttempt(
            FetchAttempt(
                source: r.source.id,
                at: at,
                url: r.url.absoluteString,
                status: status,
                bytes: bytes,
                sha256: sha,
                outcome: outcome
            )
        )
    }
}

extension SignalRunner.Outcome {
    init(source: String, summary: String, failed: Bool) {
        self.init(source: source, summary: summary, report: nil, failed: failed)
    }
}
