import ArgumentParser
import FineprintCorpus
import FineprintSignalDrafts
import FineprintSignals
import FineprintStore
import Foundation

/// Accepting or rejecting a signal: a decision kept with who, when and why, and the state it moves to.
enum SignalReview {
    static func decide(
        _ id: String,
        _ action: SignalDecision.Action,
        reason: String,
        options: SignalsOptions
    ) async throws -> SignalItem {
        try await options.withSignals { signals, store in
            let item = try await SignalsOptions.item(id, in: signals)
            guard item.state != .published else {
                throw CLIError("\(id) is published; a published signal is not reviewed again", exitCode: 1)
            }
            let who = OperatorAudit.operatorName ?? "operator"
            let decision = SignalDecision(
                itemId: id,
                action: action,
                by: who,
                at: Date(),
                reason: reason,
                scoredRelevant: item.relevance.relevant
            )
            let state: SignalState = action == .reject ? .rejected : .reviewed
            _ = try await signals.decide(decision, state: state)
            try await OperatorAudit.record(
                .review,
                "signal",
                id,
                detail: "\(action.rawValue)\(reason.isEmpty ? "" : ": \(reason)")",
                in: store.auditLog()
            )
            var moved = item
            moved.state = state
            return moved
        }
    }
}

struct SignalsAccept: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Mark a signal reviewed: it matters, and may be promoted."
    )

    @Argument(help: "The signal's id.")
    var id: String

    @Option(help: "Why (kept with the decision).")
    var reason = ""

    @OptionGroup var options: SignalsOptions

    func run() async throws {
        let item = try await SignalReview.decide(id, .accept, reason: reason, options: options)
        print("\(item.id): reviewed")
    }
}

struct SignalsReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a signal (kept, with the reason, as data for measuring the scoring)."
    )

    @Argument(help: "The signal's id.")
    var id: String

    @Option(help: "Why (out of scope, duplicate, not primary…).")
    var reason = ""

    @OptionGroup var options: SignalsOptions

    func run() async throws {
        let item = try await SignalReview.decide(id, .reject, reason: reason, options: options)
        print("\(item.id): rejected")
    }
}

struct SignalsPromote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Write a reviewed signal into a knowledge base folder and validate it.",
        discussion: """
            Adds the signal's document to knowledge/sources.yaml and either amends a regulation (--amends: the
            source cited, version + 1) or adds one in your own words (--new-id with --instrument, --article,
            --summary, --provisions). Every promotion stamps confidence, reviewer, date and a provenance block.
            It writes into --into (default DATA_DIR/knowledge-drafts, seeded from the bundled corpus's knowledge
            folder on first use), never into the bundled corpus, and undoes the write if the knowledge validator
            finds a problem.
            """
    )

    @Argument(help: "The signal's id (accepted first).")
    var id: String

    @Option(help: "A reviewer id from knowledge/reviewers.yaml.")
    var reviewer: String

    @Option(help: "The regulation item (regulations.yaml id) this signal amends.")
    var amends: String?

    @Option(help: "The id of a new regulation item.")
    var newId: String?
    @Option(help: "For --new-id: the instrument (\"EU AI Act (Regulation (EU) 2024/1689)\").")
    var instrument: String?
    @Option(help: "For --new-id: the article (\"Art. 113\").")
    var article: String?
    @Option(help: "For --new-id: the jurisdiction.")
    var jurisdiction = "EU"
    @Option(help: "For --new-id: a summary in your own words.")
    var summary: String?
    @Option(help: "For --new-id: taxonomy provision ids, comma-separated.")
    var provisions: String?

    @Flag(help: "You opened the primary document at the signal's address (needed for primary_source).")
    var urlVerified = false

    @Option(help: "The corpus-shaped folder to write into (its knowledge/ subfolder).")
    var into: String?

    @OptionGroup var options: SignalsOptions

    func validate() throws {
        if (amends == nil) == (newId == nil) { throw ValidationError("give either --amends or --new-id") }
        if newId != nil, [instrument, article, summary, provisions].contains(where: { $0 == nil }) {
            throw ValidationError("--new-id needs --instrument, --article, --summary and --provisions")
        }
    }

    var target: SignalPromotion.Target {
        if let amends { return .amend(regulationId: amends) }
        return .new(
            .init(
                id: newId!,
                instrument: instrument!,
                jurisdiction: jurisdiction,
                article: article!,
                summary: summary!,
                provisions: provisions!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            )
        )
    }

    func run() async throws {
        let (catalog, _, corpusURL) = try options.setup()
        let folder = URL(
            fileURLWithPath: into ?? options.storage.dataDirectory.appendingPathComponent("knowledge-drafts").path
        )
        let drafts = KnowledgeDrafts(folder: folder, bundledCorpus: corpusURL)
        try await options.withSignals { signals, store in
            let item = try await SignalsOptions.item(id, in: signals)
            guard item.state == .reviewed else {
                throw CLIError(
                    "\(id) is \(item.state.rawValue); accept it (signals accept) before promoting",
                    exitCode: 1
                )
            }
            let source = try SignalsOptions.source(item.source, in: catalog)
            let outcome: SignalPublishing.Outcome
            do {
                outcome = try await SignalPublishing(store: signals, drafts: drafts).promote(
                    item,
                    source: source,
                    target: target,
                    reviewer: reviewer,
                    urlVerified: urlVerified,
                    by: OperatorAudit.operatorName ?? "operator"
                )
            } catch let rejected as KnowledgeDraftRejected {
                for p in rejected.problems { Console.error(p) }
                throw CLIError("\(rejected)")
            }
            let result = outcome.result
            try await OperatorAudit.record(
                .review,
                "signal",
                id,
                detail:
                    "promote to \(result.regulationId) v\(result.version) (\(outcome.confidence)) in \(folder.path)",
                in: store.auditLog()
            )
            print(
                "\(id): published as \(result.regulationId) version \(result.version) "
                    + "(\(outcome.confidence)) in \(drafts.knowledgeFolder.path); "
                    + "the knowledge base there validates"
            )
        }
    }
}
