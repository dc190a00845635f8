import FineprintCore
import FineprintIngest
import FineprintStore
import Foundation
import Hummingbird
import Metrics
import Prometheus

/// The server's metrics, in Prometheus text format at `/metrics`. swift-metrics is bootstrapped
/// once per process with a Prometheus registry, so Hummingbird's `MetricsMiddleware` (requests
/// and latencies by route, method and status) and the analysis figures below land in one place.
///
/// Recorded here: `fineprint_analysis_duration_seconds` (histogram, by format),
/// `fineprint_analysis_failures_total` (counter, by kind) and `fineprint_queue_depth` (gauge).
public enum FineprintMetrics {
    /// The registry `/metrics` prints; the first use bootstraps swift-metrics with it.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Makes sure swift-metrics reports to `registry` (idempotent; call before recording).
    public static func bootstrap() { _ = registry }

    /// Jobs waiting to be analysed; a job queue sets it whenever it changes.
    public static func setQueueDepth(_ jobs: Int) {
        bootstrap()
        Gauge(label: "fineprint_queue_depth").record(jobs)
    }

    /// Runs one analysis and records how long it took, by document format.
    public static func timingAnalysis<T>(format: DocumentFormat, _ analysis: () throws -> T) rethrows -> T {
        bootstrap()
        let start = ContinuousClock.now
        let result = try analysis()
        let timer = Metrics.Timer(
            label: "fineprint_analysis_duration_seconds",
            dimensions: [("format", format.rawValue)],
            preferredDisplayUnit: .seconds
        )
        timer.record(duration: ContinuousClock.now - start)
        return result
    }

    /// Runs a step of an analysis; a failure is counted by its kind (see `failureKind`) and rethrown.
    public static func countingFailures<T>(_ step: () throws -> T) rethrows -> T {
        do {
            return try step()
        } catch {
            recordFailure(error)
            throw error
        }
    }

    /// Counts one failed analysis by kind.
    public static func recordFailure(_ error: any Error) {
        bootstrap()
        Counter(label: "fineprint_analysis_failures_total", dimensions: [("kind", failureKind(error))]).increment()
    }

    /// A short, bounded name for what went wrong: the reader's reason, the store, or internal.
    public static func failureKind(_ error: any Error) -> String {
        switch error {
        case let error as IngestError: return ingestKind(error)
        case is StoreError: return "store"
        case let error as WebError: return "rejected_\(error.status.code)"
        default: return "internal"
        }
    }

    static func ingestKind(_ error: IngestError) -> String {
        switch error {
        case .notFound, .unreadable: return "unreadable"
        case .empty: return "empty"
        case .tooLarge: return "too_large"
        case .binary: return "binary"
        case .undecodable: return "undecodable"
        case .unsupportedFormat: return "unsupported_format"
        case .encryptedPDF: return "encrypted_pdf"
        case .malformedPDF: return "malformed_pdf"
        case .noTextInPDF: return "no_text_in_pdf"
        case .pdftotextMissing: return "pdftotext_missing"
        case .pdftotextFailed: return "pdftotext_failed"
        case .corruptDOCX: return "corrupt_docx"
        case .ocrToolMissing: return "ocr_tool_missing"
        case .ocrFailed: return "ocr_failed"
        case .tooManyOCRPages: return "too_many_ocr_pages"
        case .badOCRLanguages: return "bad_ocr_languages"
        }
    }

    /// Everything recorded so far, in the Prometheus text exposition format.
    public static func exposition() -> String { registry.emitToString() }
}

/// `GET /metrics`: everything recorded, for a Prometheus scraper.
struct MetricsController {
    @Sendable func metrics(_ request: Request, context: WebRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: FineprintMetrics.exposition()))
        )
    }
}
