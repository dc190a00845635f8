import FineprintSignalDrafts
import FineprintSignals
import Foundation
import Hummingbird

/// A signal's own page and its promotion form: the same `SignalPublishing` call as `fineprint signals promote`,
/// with the knowledge validator's problems shown in the form when the item does not validate.
extension SignalsController {
    /// GET /signals/:id
    @Sendable func signalPage(_ request: Request, context: WebRequestContext) async throws -> HTML {
        try await signalPage(context, form: SignalPromotionForm(), problems: [], status: .ok)
    }

    func signalPage(
        _ context: WebRequestContext,
        form: SignalPromotionForm,
        problems: [String],
        status: HTTPResponse.Status
    ) async throws -> HTML {
        let store = try signals()
        let item = try await Self.item(context, store)
        let model = SignalPageModel(
            item: item,
            source: bench.signalSources.sources.first { $0.id == item.source },
            revisions: try await store.revisions(itemId: item.id).count,
            decisions: try await store.decisions(itemId: item.id),
            knowledge: bench.knowledge,
            promotion: SignalPageModel.PromotionState(
                available: bench.knowledgeDrafts != nil,
                form: form,
                problems: problems
            )
        )
        return HTML(try bench.pages.render(model), status: status)
    }

    /// POST /signals/:id/promote — writes the knowledge item, publishes the signal, records it; 303 to its page.
    func promoteFromPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: SignalPromotionForm.self, context: context)
        let store = try signals()
        let item = try await Self.item(context, store)
        guard let drafts = bench.knowledgeDrafts else {
            throw WebError.badRequest(
                "This server has no knowledge drafts folder to promote into.",
                hint: "Promote with `fineprint signals promote --into FOLDER`."
            )
        }
        guard let source = bench.signalSources.sources.first(where: { $0.id == item.source }) else {
            throw WebError.notFound("signal source \(item.source.prefix(40))")
        }
        let outcome: SignalPublishing.Outcome
        do {
            let target = try form.promotionTarget()
            outcome = try await SignalPublishing(store: store, drafts: drafts).promote(
                item,
                source: source,
                target: target,
                reviewer: form.reviewer ?? "",
                urlVerified: form.urlVerified,
                by: context.auditActor ?? "anonymous"
            )
        } catch let rejected as KnowledgeDraftRejected {
            return try await formAgain(request, context, form, ["\(rejected)."] + rejected.problems)
        } catch let error as SignalError {
            return try await formAgain(request, context, form, ["\(error)."])
        }
        let result = outcome.result
        try await bench.record(
            .review,
            "signal",
            item.id,
            detail: "promote to \(result.regulationId) v\(result.version) (\(outcome.confidence))",
            context: context
        )
        return Response.redirect(to: "/signals/\(item.id)", type: .normal)
    }

    /// The page again, answered 422, with the problems above the form and what was typed kept (its form
    /// tokens filled in, as every page's are).
    private func formAgain(
        _ request: Request,
        _ context: WebRequestContext,
        _ form: SignalPromotionForm,
        _ problems: [String]
    ) async throws -> Response {
        let page = try await signalPage(context, form: form, problems: problems, status: .unprocessableContent)
        return try page.response(from: request, context: context)
    }
}

/// The promotion form: a new regulation item in the reviewer's own words, or an amendment of an existing one.
struct SignalPromotionForm: Decodable {
    var target: String?
    var amends: String?
    var newId: String?
    var instrument: String?
    var jurisdiction: String?
    var article: String?
    var summary: String?
    var provisions: String?
    var reviewer: String?
    var verified: String?

    enum CodingKeys: String, CodingKey {
        case target, amends, instrument, jurisdiction, article, summary, provisions, reviewer, verified
        case newId = "new_id"
    }

    var urlVerified: Bool { verified == "1" || verified == "on" }

    /// The target the form names; a missing field is a `SignalError` the page shows.
    func promotionTarget() throws -> SignalPromotion.Target {
        func field(_ value: String?, _ label: String) throws -> String {
            let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw SignalError("give \(label)") }
            guard text.count <= 2000 else { throw SignalError("\(label) is longer than 2000 characters") }
            return text
        }
        guard (reviewer ?? "").isEmpty == false else { throw SignalError("choose the reviewer who signs it off") }
        if target == "amend" { return .amend(regulationId: try field(amends, "the regulation item it amends")) }
        guard target == "new" else { throw SignalError("choose a new item or an amendment") }
        return .new(
            .init(
                id: try field(newId, "the new item's id"),
                instrument: try field(instrument, "the instrument"),
                jurisdiction: try field(jurisdiction, "the jurisdiction"),
                article: try field(article, "the article"),
                summary: try field(summary, "a summary in your own words"),
                provisions: try field(provisions, "the taxonomy provisions").split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
            )
        )
    }
}
