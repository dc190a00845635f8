import ArgumentParser
import FineprintSignals
import Foundation

enum SignalText {
    /// "AI Act (instrument, title, +5.0)" for each reason.
    static func reasons(_ r: Relevance) -> String {
        r.reasons.map { reason in
            let target = reason.target.map { " → \($0)" } ?? ""
            return
                "\(reason.kind.rawValue) '\(reason.term)'\(target) [\(reason.field)] \(String(format: "%+.1f", reason.weight))"
        }.joined(separator: "; ")
    }

    static func line(_ i: SignalItem) -> String {
        let flag = i.seeded ? " seeded" : ""
        return String(
            format: "%@  %-9@ %5.1f  %@%@\n    %@",
            i.id,
            i.state.rawValue,
            i.relevance.score,
            i.source,
            flag,
            i.entry.title
        )
    }
}

struct SignalsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The signals with their relevance and its reasons, most relevant first."
    )

    @Option(help: "Only this state: \(SignalState.allCases.map(\.rawValue).joined(separator: ", ")).")
    var state: SignalState?

    @Option(help: "Only this source.")
    var source: String?

    @Flag(help: "Only the review queue: not seeded, not yet decided.")
    var queue = false

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: SignalsOptions

    func run() async throws {
        var items = try await options.withSignals { signals, _ in try await signals.items(source: source, state: state)
        }
        if queue { items = items.filter(\.awaitsReview) }
        items.sort { ($0.relevance.score, $1.id) > ($1.relevance.score, $0.id) }
        if format == .json { return try SignalsJSON.print(items.map(SignalView.init)) }
        if items.isEmpty { print("no signals") }
        for i in items {
            print(SignalText.line(i))
            if !i.relevance.reasons.isEmpty { print("    why: \(SignalText.reasons(i.relevance))") }
        }
    }
}

extension SignalState: ExpressibleByArgument {}

struct SignalsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One signal: what it says, why it scored, its revisions, decisions and cluster."
    )

    @Argument(help: "The signal's id (sig-…).")
    var id: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: SignalsOptions

    struct Detail: Encodable {
        var item: SignalView
        var revisions: [SignalRevision]
        var decisions: [SignalDecision]
        var cluster: [String]
    }

    func run() async throws {
        let detail = try await options.withSignals { signals, _ in
            let item = try await SignalsOptions.item(id, in: signals)
            let cluster = try await signals.items(source: nil, state: nil).filter {
                $0.cluster == item.cluster && $0.id != item.id
            }
            return Detail(
                item: SignalView(item),
                revisions: try await signals.revisions(itemId: id),
                decisions: try await signals.decisions(itemId: id),
                cluster: cluster.map(\.id)
            )
        }
        if format == .json { return try SignalsJSON.print(detail) }
        let i = detail.item
        print("\(i.id) [\(i.state)\(i.seeded ? ", seeded" : "")] from \(i.source), revision \(i.revision)")
        print("title: \(i.entry.title)")
        if let url = i.entry.url { print("url: \(url)") }
        if !i.entry.summary.isEmpty { print("summary: \(i.entry.summary)") }
        if !i.entry.identifiers.isEmpty { print("identifiers: \(i.entry.identifiers.joined(separator: ", "))") }
        print(String(format: "relevance: %.1f (%@)", i.relevance.score, i.relevance.relevant ? "relevant" : "low"))
        for r in i.relevance.reasons {
            print("  - \(r.kind.rawValue) '\(r.term)'\(r.target.map { " → \($0)" } ?? "") in \(r.field): \(r.weight)")
        }
        for a in i.entry.anomalies { print("note: \(a)") }
        for d in detail.decisions { print("decision: \(d.action.rawValue) by \(d.by) at \(d.at): \(d.reason)") }
        if detail.revisions.count > 1 { print("revisions: \(detail.revisions.count)") }
        if !detail.cluster.isEmpty { print("same document elsewhere: \(detail.cluster.joined(separator: ", "))") }
    }
}

struct SignalsSources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "The declared sources with their health: last success, failing since, stale."
    )

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: SignalsOptions

    func run() async throws {
        let (catalog, _, _) = try options.setup()
        let health = try await options.withSignals { signals, _ in try await signals.allHealth() }
        let rows = SignalSourceStatus.rows(catalog: catalog, health: health, now: Date())
        if format == .json { return try SignalsJSON.print(rows) }
        for r in rows {
            let state = r.failingSince.map { "FAILING since \(ShareDates.show($0))" } ?? (r.stale ? "STALE" : "ok")
            let last = r.lastSuccess.map { ShareDates.show($0) } ?? "never"
            print("\(r.id) [\(r.enabled ? "enabled" : "disabled"), \(r.kind)] \(state); last success \(last)")
            if let error = r.lastError { print("    last error: \(error)") }
        }
    }
}

struct SignalsMeasure: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "The relevance scoring against reviewers' decisions: relevant rate, false-relevant rate."
    )

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: SignalsOptions

    func run() async throws {
        let m = try await options.withSignals { signals, _ in
            SignalMeasure.measure(
                items: try await signals.items(source: nil, state: nil),
                decisions: try await signals.decisions(itemId: nil)
            )
        }
        if format == .json { return try SignalsJSON.print(m) }
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f %%", $0 * 100) } ?? "n/a" }
        print("decided: \(m.accepted) accepted, \(m.rejected) rejected")
        print(
            "relevant rate (accepted scored relevant): \(m.acceptedScoredRelevant)/\(m.accepted) = \(pct(m.relevantRate))"
        )
        print(
            "false-relevant rate (rejected scored relevant): \(m.rejectedScoredRelevant)/\(m.rejected) = "
                + pct(m.falseRelevantRate)
        )
        print("precision of 'relevant': \(pct(m.precision))")
    }
}
