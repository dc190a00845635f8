import FineprintReport
import FineprintStore
import Foundation
import Hummingbird

/// The audit log for administrators: the filtered page and the same rows as CSV.
struct AuditController {
    let bench: WebWorkbench

    /// GET /admin/audit — the newest rows first, filtered by date, actor and action.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let query = try request.uri.decodeQuery(as: AuditParameters.self, context: context)
        let events = try await log.events(try query.filter())
        return try bench.pages.page(AuditModel(events: events, query: query))
    }

    /// GET /admin/audit.csv — the rows the same filters select, as a CSV download.
    @Sendable func csv(_ request: Request, context: WebRequestContext) async throws -> Response {
        let query = try request.uri.decodeQuery(as: AuditParameters.self, context: context)
        var filter = try query.filter()
        filter.limit = AuditParameters.exportLimit
        let events = try await log.events(filter)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"fineprint-audit.csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: AuditCSV.render(events)))
        )
    }

    private var log: any AuditLog {
        get throws {
            guard let log = bench.auditLog else { throw WebError.notFound("audit log (this store keeps none)") }
            return log
        }
    }
}

/// The filters of the audit page, from its query string; empty values do not filter.
struct AuditParameters: Decodable {
    static let pageLimit = 500
    static let exportLimit = 1_000_000

    var since: String?
    var actor: String?
    var action: String?

    func filter() throws -> AuditFilter {
        var filter = AuditFilter(limit: Self.pageLimit)
        if let since, !since.isEmpty {
            guard let date = AuditDate.parse(since) else {
                throw WebError.badRequest("'\(since.prefix(40))' is not a date.", hint: "Write it as 2026-12-05.")
            }
            filter.since = date
        }
        if let actor, !actor.isEmpty { filter.actor = actor }
        if let action, !action.isEmpty {
            guard let known = AuditAction(rawValue: action) else {
                throw WebError.badRequest(
                    "'\(action.prefix(40))' is not an audit action.",
                    hint: "Pick one from the list."
                )
            }
            filter.action = known
        }
        return filter
    }
}

/// Dates as the filters take them: a day (2026-12-05, from midnight UTC) or a full ISO 8601 time.
public enum AuditDate {
    public static func parse(_ text: String) -> Date? {
        if let time = try? Date.ISO8601FormatStyle().parse(text) { return time }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
    }

    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// Audit rows as CSV (RFC 4180 quoting). A cell starting with = + - @ gets a leading apostrophe, so
/// a spreadsheet opening the export does not run a formula someone put in a file name.
public enum AuditCSV {
    public static let header = [
        "sequence", "time", "actor", "action", "target_kind", "target_id", "address", "detail",
        "previous_hash", "hash",
    ]

    public static func render(_ events: [AuditEvent]) -> String {
        var lines = [header.joined(separator: ",")]
        for e in events {
            let cells = [
                String(e.sequence), AuditDate.format(e.time), e.actor ?? "", e.action, e.targetKind, e.targetID,
                e.address ?? "", e.detail, e.previousHash, e.hash,
            ]
            lines.append(cells.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The audit page (view: audit.mustache).
struct AuditModel: PageModel {
    static let template = "audit"
    let title = "Audit log"
    var rows: [Row]
    var since: String
    var actor: String
    var actions: [Option]
    var csvQuery: String
    var limited: Bool

    struct Row {
        var sequence: Int64
        var time: String
        var actor: String
        var action: String
        var target: String
        var address: String
        var detail: String
    }

    struct Option {
        var value: String
        var selected: Bool
    }

    init(events: [AuditEvent], query: AuditParameters) {
        rows = events.map {
            Row(
                sequence: $0.sequence,
                time: AuditDate.format($0.time),
                actor: $0.actor ?? "—",
                action: $0.action,
                target: "\($0.targetKind) \($0.targetID)",
                address: $0.address ?? "",
                detail: FileNameDisplay.shortened($0.detail, limit: 160)
            )
        }
        since = query.since ?? ""
        actor = query.actor ?? ""
        actions = AuditAction.allCases.map { Option(value: $0.rawValue, selected: $0.rawValue == query.action) }
        var parts = URLComponents()
        parts.queryItems = [("since", since), ("actor", actor), ("action", query.action ?? "")]
            .filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        csvQuery = parts.percentEncodedQuery ?? ""
        limited = events.count >= AuditParameters.pageLimit
    }
}
