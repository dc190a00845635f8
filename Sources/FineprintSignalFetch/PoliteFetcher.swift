import AsyncHTTPClient
import FineprintSignals
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP GET as a polite harvester makes it: an identifying user agent, conditional headers from the last
/// success, caps on redirects, time, bytes and decompression. It never retries by itself (`SignalRunner` does).
public struct PoliteFetcher: Sendable {
    public struct Settings: Sendable {
        /// Names Fineprint and how to reach the operator (legislation.gov.uk's fair-use terms ask for both).
        public var userAgent: String
        public var maxBytes: Int
        public var maxRedirects: Int
        public var timeoutSeconds: Int64
        /// Largest ratio of decompressed to compressed bytes accepted (a gzip bomb stops here).
        public var maxDecompressionRatio: Int

        public init(
            contact: String,
            maxBytes: Int = 8 << 20,
            maxRedirects: Int = 5,
            timeoutSeconds: Int64 = 30,
            maxDecompressionRatio: Int = 25
        ) {
            userAgent = "Fineprint-signals/1 (+https://github.com/fineprint; contact: \(contact))"
            self.maxBytes = maxBytes
            self.maxRedirects = maxRedirects
            self.timeoutSeconds = timeoutSeconds
            self.maxDecompressionRatio = maxDecompressionRatio
        }
    }

    /// What came back.
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var body: Data
        public var etag: String?
        public var lastModified: String?
        /// Seconds from a `Retry-After` header (a number, or an HTTP date turned into seconds from now).
        public var retryAfter: Double?
    }

    public let settings: Settings

    public init(settings: Settings) {
        self.settings = settings
    }

    /// A client with the fetcher's caps; the caller shuts it down.
    public func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: settings.maxRedirects, allowCycles: false),
            timeout: .init(connect: .seconds(10), read: .seconds(settings.timeoutSeconds)),
            decompression: .enabled(limit: .ratio(settings.maxDecompressionRatio))
        )
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func get(
        _ url: URL,
        etag: String?,
        lastModified: String?,
        apiKey: String?,
        postBody: String? = nil,
        client: HTTPClient,
        now: Date
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let postBody {
            // A search by POST (TED) has no validators to send: it is fetched whole each time.
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Accept", value: "application/json")
            request.body = .bytes(ByteBuffer(string: postBody))
        } else {
            if let etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        }
        if let apiKey { request.headers.add(name: "X-Api-Key", value: apiKey) }
        let response = try await client.execute(request, timeout: .seconds(settings.timeoutSeconds + 5))
        if let declared = response.headers.first(name: "Content-Length").flatMap(Int.init), declared > settings.maxBytes
        {
            throw SignalError("the answer declares \(declared) bytes; at most \(settings.maxBytes) are read")
        }
        let body: ByteBuffer
        do { body = try await response.body.collect(upTo: settings.maxBytes) } catch {
            throw SignalError("the answer is larger than \(settings.maxBytes) bytes (or broke off): \(error)")
        }
        return Answer(
            status: Int(response.status.code),
            body: Data(body.readableBytesView),
            etag: response.headers.first(name: "ETag"),
            lastModified: response.headers.first(name: "Last-Modified"),
            retryAfter: response.headers.first(name: "Retry-After").flatMap { Self.seconds(retryAfter: $0, now: now) }
        )
    }

    /// `Retry-After` as seconds: delta-seconds, or an HTTP date.
    static func seconds(retryAfter value: String, now: Date) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v) { return max(0, s) }
        guard let date = FeedDates.parse(v) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
