import FineprintSignals
import Foundation

/// The signals review queue (view: signals.mustache).
struct SignalsModel: PageModel {
    static let template = "signals"
    let title = "Regulatory signals"
    var signals: [Row]
    var sources: [SourceRow]
    var states: [StateOption]
    var queue: Bool
    var source: String

    struct Row {
        var id: String
        var title: String
        var url: String?
        var source: String
        var state: String
        var score: String
        var relevant: Bool
        var seeded: Bool
        var published: String
        var reasons: [String]
        var anomalies: [String]
        var decidable: Bool

        init(_ i: SignalItem) {
            id = i.id
            title = i.entry.title
            url = i.entry.url
            source = i.source
            state = i.state.rawValue
            score = String(format: "%.1f", i.relevance.score)
            relevant = i.relevance.relevant
            seeded = i.seeded
            published = (i.entry.published ?? i.entry.updated).map(Format.date) ?? "undated"
            reasons = i.relevance.reasons.map(SignalsModel.reason)
            anomalies = i.entry.anomalies
            decidable = i.state != .published
        }
    }

    struct SourceRow {
        var id: String
        var name: String
        var enabled: Bool
        var status: String
        var lastSuccess: String
        var problem: Bool
    }

    struct StateOption {
        var value: String
        var selected: Bool
    }

    init(items: [SignalItem], health: [SignalSourceStatus], filter: SignalFilter) {
        signals = items.prefix(500).map(Row.init)
        sources = health.map { h in
            let status = h.failingSince.map { "failing since \(Format.date($0))" } ?? (h.stale ? "stale" : "ok")
            return SourceRow(
                id: h.id,
                name: h.name,
                enabled: h.enabled,
                status: status,
                lastSuccess: h.lastSuccess.map(Format.date) ?? "never",
                problem: h.failingSince != nil || h.stale
            )
        }
        states = SignalState.allCases.map { StateOption(value: $0.rawValue, selected: $0 == filter.state) }
        queue = filter.queue
        source = filter.source ?? ""
    }

    static func reason(_ r: RelevanceReason) -> String {
        let target = r.target.map { " → \($0)" } ?? ""
        return "\(r.kind.rawValue.replacingOccurrences(of: "_", with: " ")) “\(r.term)”\(target) in the \(r.field) "
            + String(format: "(%+.1f)", r.weight)
    }
}

struct SignalListAnswer: Encodable {
    var signals: [SignalView]
}

struct SignalDecisionAnswer: Encodable {
    var action: String
    var by: String
    var at: Date
    var reason: String

    init(_ d: SignalDecision) {
        action = d.action.rawValue
        by = d.by
        at = d.at
        reason = d.reason
    }
}

struct SignalDetailAnswer: Encodable {
    var signal: SignalView
    var revisions: Int
    var decisions: [SignalDecisionAnswer]
}
