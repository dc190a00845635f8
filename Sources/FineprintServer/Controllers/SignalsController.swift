import FineprintSignals
import Foundation
import Hummingbird

/// The signals review queue: the page with filters and accept/reject forms, source health beside it, the JSON
/// API, and Fineprint's Atom feed of published, primary-sourced signals. A signal's own page promotes it into the
/// knowledge drafts (`SignalsController+Promotion`), as `fineprint signals promote` does.
struct SignalsController {
    let bench: WebWorkbench

    func signals() throws -> any SignalStore {
        guard let provider = bench.store as? any SignalStoreProvider else {
            throw WebError.notFound("signal store (this store keeps no signals)")
        }
        return provider.signalStore()
    }

    /// GET /signals?state=&source=&queue=1
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let filter = try SignalFilter(request)
        let store = try signals()
        let items = filter.apply(try await store.items(source: filter.source, state: filter.state))
        let health = SignalSourceStatus.rows(
            catalog: bench.signalSources,
            health: try await store.allHealth(),
            now: Date()
        )
        return try bench.pages.page(SignalsModel(items: items, health: health, filter: filter))
    }

    /// GET /api/signals?state=&source=&queue=1
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        try APIQueryChoice.refuseEmpty(request, "state", choices: SignalState.allCases.map(\.rawValue))
        let filter = try SignalFilter(request)
        let items = filter.apply(try await signals().items(source: filter.source, state: filter.state))
        return try JSONResponse.make(SignalListAnswer(signals: items.map(SignalView.init)))
    }

    /// GET /api/signals/:id
    @Sendable func detail(_ request: Request, context: WebRequestContext) async throws -> Response {
        let store = try signals()
        let item = try await Self.item(context, store)
        return try JSONResponse.make(
            SignalDetailAnswer(
                signal: SignalView(item),
                revisions: try await store.revisions(itemId: item.id).count,
                decisions: try await store.decisions(itemId: item.id).map(SignalDecisionAnswer.init)
            )
        )
    }

    /// POST /signals/:id/accept and /signals/:id/reject from the page's forms (303 back to the queue).
    @Sendable func decideFromPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        let action = try context.parameters.require("action")
        if action == "promote" { return try await promoteFromPage(request, context: context) }
        guard action == "accept" || action == "reject" else {
            throw WebError.notFound("signal action \(action.prefix(20))")
        }
        let form = try await request.decode(as: SignalDecisionForm.self, context: context)
        let item = try await decide(context, action == "accept" ? .accept : .reject, reason: form.reason ?? "")
        let back = form.back == "signal" ? "/signals/\(item.id)" : "/signals"
        return Response.redirect(to: back, type: .normal)
    }

    /// POST /api/signals/:id/decision {"action": "accept"|"reject", "reason": "…"}
    @Sendable func decideFromAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        let body = try await request.decode(as: SignalDecisionBody.self, context: context)
        guard let action = SignalDecision.Action(rawValue: body.action), action != .promote else {
            throw WebError.badRequest("'\(body.action.prefix(20))' is not a decision.", hint: "Use accept or reject.")
        }
        let item = try await decide(context, action, reason: body.reason ?? "")
        return try JSONResponse.make(SignalView(item))
    }

    private func decide(
        _ context: WebRequestContext,
        _ action: SignalDecision.Action,
        reason: String
    ) async throws
        -> SignalItem
    {
        let store = try signals()
        var item = try await Self.item(context, store)
        guard item.state != .published else {
            throw WebError.badRequest("\(item.id) is published.", hint: "A published signal is not reviewed again.")
        }
        guard reason.count <= 500 else {
            throw WebError.badRequest("The reason is longer than 500 characters.", hint: "Say it in fewer words.")
        }
        let trimmed = reason
        let state: SignalState = action == .reject ? .rejected : .reviewed
        let decision = SignalDecision(
            itemId: item.id,
            action: action,
            by: context.auditActor ?? "anonymous",
            at: Date(),
            reason: trimmed,
            scoredRelevant: item.relevance.relevant
        )
        _ = try await store.decide(decision, state: state)
        try await bench.record(
            .review,
            "signal",
            item.id,
            detail: "\(action.rawValue)\(trimmed.isEmpty ? "" : ": \(trimmed)")",
            context: context
        )
        item.state = state
        return item
    }

    /// GET /signals/feed.atom — published, primary-sourced signals; 304 on If-Modified-Since.
    @Sendable func feed(_ request: Request, context: WebRequestContext) async throws -> Response {
        let items = try await signals().items(source: nil, state: .published)
        let modified = SignalFeed.lastModified(items)
        let stamp = HTTPDate.format(modified)
        if let since = request.headers[.ifModifiedSince], since == stamp {
            return Response(status: .notModified, headers: [.lastModified: stamp])
        }
        let xml = SignalFeed.atom(items, selfURL: "/signals/feed.atom")
        return Response(
            status: .ok,
            headers: [.contentType: "application/atom+xml; charset=utf-8", .lastModified: stamp],
            body: .init(byteBuffer: ByteBuffer(string: xml))
        )
    }

    static func item(_ context: WebRequestContext, _ store: any SignalStore) async throws -> SignalItem {
        let id = try context.parameters.require("id")
        guard id.utf8.count == 20, id.hasPrefix("sig-"), let item = try await store.item(id: id) else {
            throw WebError.notFound("signal \(id.prefix(40))")
        }
        return item
    }
}

/// An HTTP date (RFC 9110, IMF-fixdate) for Last-Modified.
enum HTTPDate {
    static func format(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: date)
    }
}

struct SignalDecisionForm: Decodable {
    var reason: String?
    /// "signal": back to the signal's own page rather than the queue.
    var back: String?
}

struct SignalDecisionBody: Decodable {
    var action: String
    var reason: String?
}

/// The queue's filters from the query: a state, a source, and whether only undecided, unseeded items show.
struct SignalFilter {
    var state: SignalState?
    var source: String?
    var queue: Bool

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let s = query["state"].map(String.init), !s.isEmpty {
            guard let state = SignalState(rawValue: s) else {
                throw WebError.badRequest(
                    "'\(s.prefix(20))' is not a signal state.",
                    hint: "Use \(SignalState.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            self.state = state
        }
        source = query["source"].map(String.init).flatMap { $0.isEmpty ? nil : String($0.prefix(80)) }
        queue = query["queue"].map { $0 == "1" || $0 == "true" } ?? false
    }

    func apply(_ items: [SignalItem]) -> [SignalItem] {
        (queue ? items.filter(\.awaitsReview) : items).sorted {
            ($0.relevance.score, $1.id) > ($1.relevance.score, $0.id)
        }
    }
}
