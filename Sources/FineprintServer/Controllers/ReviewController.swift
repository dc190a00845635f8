import FineprintCore
import FineprintReview
import FineprintStore
import Foundation
import Hummingbird

/// A person's review of a stored analysis: the report page's forms (confirm or correct a finding,
/// confirm or dismiss a move, notes, the state) and the API's GET and PUT. Every change goes to the
/// audit log; the machine's analysis is never changed.
struct ReviewController {
    let bench: WebWorkbench

    /// The analysis named in the address, through the matter scope every `/analyses/{id}` route
    /// uses; `changing` also asks for an analyst's rights in its matter.
    func stored(_ context: WebRequestContext, changing: Bool = true) async throws -> StoredAnalysis {
        let scope = try await bench.scope(context)
        let stored = try await scope.analysis(try context.parameters.require("id"))
        if changing { try scope.require(.analyst, in: stored.summary.matterId) }
        return stored
    }

    /// The report page again, at the part that changed.
    static func back(to stored: StoredAnalysis, anchor: String) -> Response {
        Response.redirect(to: "/analyses/\(stored.summary.publicId)#\(anchor)", type: .normal)
    }

    /// POST /analyses/:id/review/state — moves the review on (form field `state`).
    @Sendable func state(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await stored(context)
        let form = try await ReviewForm(request)
        guard let state = form.value("state").flatMap(ReviewState.init(rawValue:)) else {
            throw WebError.badRequest("Say which state the review moves to.", hint: "Use the button on the report.")
        }
        let editor = try await bench.reviewEditor(stored, context: context)
        let review = try editor.setState(state, in: try await bench.review(of: stored))
        try await bench.saveReview(review, of: stored, detail: "state \(state.rawValue)", context: context)
        return Self.back(to: stored, anchor: "review")
    }

    /// POST /analyses/:id/review/findings/:provision — confirms or corrects one finding, or restores
    /// the machine's reading (`action=restore`).
    @Sendable func finding(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await stored(context)
        let provision = try context.parameters.require("provision")
        let form = try await ReviewForm(request)
        let editor = try await bench.reviewEditor(stored, context: context)
        let current = try await bench.review(of: stored)
        let review: AnalysisReview
        if form.value("action") == "restore" {
            review = try editor.clearFinding(provision, in: current)
        } else {
            let machine = stored.analysis.provisions.first { $0.id == provision }
            guard let machine else { throw WebError.notFound("provision '\(provision.prefix(80))' in this analysis") }
            review = try editor.setFinding(
                try form.findingUpdate(machine, reading: current.finding(provision)),
                in: current
            )
        }
        try await bench.saveReview(review, of: stored, detail: "finding \(provision)", context: context)
        return Self.back(to: stored, anchor: "review-\(provision)")
    }

    /// POST /analyses/:id/review/moves/:move — confirms or dismisses (with a reason) a kill-list move,
    /// or restores the machine's finding (`decision=restore`).
    @Sendable func move(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await stored(context)
        let move = try context.parameters.require("move")
        let form = try await ReviewForm(request)
        let editor = try await bench.reviewEditor(stored, context: context)
        var review = try await bench.review(of: stored)
        switch form.value("decision") {
        case "restore":
            let moves = review.moves.filter { $0.move != move }.map {
                MoveUpdate(move: $0.move, decision: $0.decision, reason: $0.reason)
            }
            review = try editor.apply(ReviewUpdate(moves: moves), to: review)
        case let decision?:
            guard let decision = MoveDecision(rawValue: decision) else {
                throw WebError.badRequest("'\(decision.prefix(40))' is not a decision.", hint: "Confirm or dismiss.")
            }
            review = try editor.setMove(
                MoveUpdate(move: move, decision: decision, reason: form.value("reason")),
                in: review
            )
        case nil:
            throw WebError.badRequest("Say whether the move is confirmed or dismissed.", hint: "Use the buttons.")
        }
        try await bench.saveReview(
            review,
            of: stored,
            detail: "move \(move) \(form.value("decision") ?? "")",
            context: context
        )
        return Self.back(to: stored, anchor: "moves")
    }

    /// POST /analyses/:id/review/notes — adds a note (form field `text`).
    @Sendable func note(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await stored(context)
        let form = try await ReviewForm(request)
        let editor = try await bench.reviewEditor(stored, context: context)
        let review = try editor.addNote(form.value("text") ?? "", to: try await bench.review(of: stored))
        try await bench.saveReview(review, of: stored, detail: "note", context: context)
        return Self.back(to: stored, anchor: "review")
    }

    /// GET /api/analyses/:id/review — the review with the reviewed score and the changed cells.
    @Sendable func get(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await stored(context, changing: false)
        try await bench.record(.view, "review", stored.summary.publicId, context: context)
        return try JSONResponse.make(try await document(stored))
    }

    /// PUT /api/analyses/:id/review — replaces the parts of the review the body gives.
    @Sendable func put(_ request: Request, context: WebRequestContext) async throws -> Response {
        let stored = try await stored(context)
        let update = try await request.decode(as: ReviewUpdate.self, context: context)
        let editor = try await bench.reviewEditor(stored, context: context)
        let current = try await bench.review(of: stored)
        let review = try editor.apply(update, to: current)
        if review != current {
            try await bench.saveReview(
                review,
                of: stored,
                detail: "API: state \(review.state.rawValue)",
                context: context
            )
        }
        return try JSONResponse.make(try await document(stored))
    }

    func document(_ stored: StoredAnalysis) async throws -> ReviewDocument {
        let review = try await bench.review(of: stored)
        let playbook = bench.corpus.playbook(stored.analysis.profile) ?? bench.corpus.playbooks[0]
        let reviewed = ReviewedAnalysis.apply(review, to: stored.analysis, corpus: bench.corpus, playbook: playbook)
        return ReviewDocument(review: review, marks: reviewed.marks, score: reviewed.analysis.score)
    }
}

/// The API's review document: the review as kept, which cells it changes, and the reviewed score.
struct ReviewDocument: Encodable {
    var schema = "fineprint.review/1"
    var review: AnalysisReview
    var marks: ReviewMarks
    var score: Int
}

/// A review form's fields (URL-encoded; `remove` repeats, one per quote to drop).
struct ReviewForm {
    var fields: [(name: String, value: String)]

    init(_ request: Request) async throws {
        var request = request
        let body = String(buffer: try await request.collectBody(upTo: 64 * 1024))
        fields = body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = URLEncodedField.decode(parts[0]) else { return nil }
            return (name, parts.count > 1 ? URLEncodedField.decode(parts[1]) ?? "" : "")
        }
    }

    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The reviewer's reading from the finding form: the shown quotes less those ticked for removal,
    /// plus the selected one.
    func findingUpdate(_ machine: ProvisionFinding, reading: FindingReading?) throws -> FindingUpdate {
        guard let status = value("status").flatMap(ProvisionStatus.init(rawValue:)) else {
            throw WebError.badRequest("Choose present or absent.", hint: "Use the finding's form on the report.")
        }
        let strength = value("strength").flatMap { $0.isEmpty ? nil : Strength(rawValue: $0) }
        let removed = Set(values("remove"))
        var quotes = (reading?.evidence ?? machine.evidence).filter { !removed.contains("\($0.start)-\($0.end)") }
            .map { QuoteSelection(start: $0.start, end: $0.end) }
        if let start = number("quote_start"), let end = number("quote_end") {
            quotes.append(QuoteSelection(start: start, end: end))
        } else if number("quote_start") != nil || number("quote_end") != nil {
            throw WebError.badRequest("A quote needs both offsets.", hint: "Select the text in the document again.")
        }
        return FindingUpdate(
            provision: machine.id,
            status: status,
            strength: status == .present ? strength : nil,
            value: value("value"),
            evidence: quotes,
            note: value("note")
        )
    }

    func number(_ name: String) -> Int? {
        guard let text = value(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return Int(text) ?? -1
    }
}

extension ReviewError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        WebError(
            .unprocessableContent,
            title: "Review not saved",
            message: description.prefix(1).uppercased() + description.dropFirst() + ".",
            hint: "Nothing was changed; correct it and try again."
        )
    }
}

extension ReviewStoreError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        switch self {
        case .unknownAnalysis(let id): .notFound("analysis number \(id)")
        }
    }
}
