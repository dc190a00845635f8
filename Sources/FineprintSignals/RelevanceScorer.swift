import FineprintCore
import Foundation

/// Why an item scored as it did: one hit, its weight, and what in Fineprint's knowledge it points at.
public struct RelevanceReason: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case identifier, instrument, partnership, provision, topic, procurement, negative
        case primarySource = "primary_source"
    }

    public var kind: Kind
    /// The term or identifier matched.
    public var term: String
    /// What it points at: a taxonomy provision id, a knowledge source or regulation id, a partnership id.
    public var target: String?
    /// `title`, `summary`, `identifier` or `source`.
    public var field: String
    public var weight: Double

    public init(kind: Kind, term: String, target: String?, field: String, weight: Double) {
        self.kind = kind
        self.term = term
        self.target = target
        self.field = field
        self.weight = weight
    }
}

public struct Relevance: Codable, Sendable, Equatable {
    public var score: Double
    public var relevant: Bool
    public var reasons: [RelevanceReason]

    public init(score: Double, relevant: Bool, reasons: [RelevanceReason]) {
        self.score = score
        self.relevant = relevant
        self.reasons = reasons
    }
}

/// Scores items offline against the taxonomy's provisions, the knowledge base's instruments and sources, and the
/// tracked partnerships (docs/signals.md, "Relevance"). Pure: the same item and corpus give the same score.
public struct RelevanceScorer: Sendable {
    struct Term: Sendable {
        var phrase: String
        var kind: RelevanceReason.Kind
        var target: String?
        var weight: Double
    }

    let config: RelevanceConfig
    let terms: [Term]
    /// Identifier (`celex:32024r1689`) → the knowledge source it names.
    let identifiers: [String: String]

    public init(config: RelevanceConfig, provisions: [Provision], knowledge: KnowledgeBase) {
        self.config = config
        let w = config.weights
        var terms: [Term] = []
        for p in provisions {
            let own = [p.name.lowercased()] + [p.id.replacingOccurrences(of: "_", with: " ")]
            for phrase in Set(own + (config.provisionTerms[p.id] ?? [])) {
                terms.append(Term(phrase: phrase, kind: .provision, target: p.id, weight: w.provision))
            }
        }
        for (short, aliases) in config.instrumentAliases {
            let target = knowledge.regulations.first { Self.shortName($0.instrument) == short }?.sources.first
            for a in Set(aliases + [short.lowercased()]) {
                terms.append(Term(phrase: a, kind: .instrument, target: target, weight: w.instrument))
            }
        }
        terms += Self.partyTerms(knowledge.partnerships, weight: w.partnership)
        terms += config.topicTerms.map { Term(phrase: $0, kind: .topic, target: nil, weight: w.topic) }
        terms += config.procurementTerms.map {
            Term(phrase: $0, kind: .procurement, target: nil, weight: w.procurement)
        }
        terms += config.negativeTerms.map { Term(phrase: $0, kind: .negative, target: nil, weight: w.negative) }
        self.terms = terms.map { t in
            var t = t
            t.phrase = Self.normalise(t.phrase).trimmingCharacters(in: .whitespaces)
            return t
        }.filter { !$0.phrase.isEmpty }
        var ids: [String: String] = [:]
        for s in knowledge.sources {
            for id in SignalIdentifiers.find(in: [s.url, s.title]) where ids[id] == nil { ids[id] = s.id }
        }
        identifiers = ids
    }

    /// The instrument's name before its first parenthesis: "EU AI Act (Regulation (EU) 2024/1689)" → "EU AI Act".
    public static func shortName(_ instrument: String) -> String {
        String(instrument.split(separator: "(", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// A partnership's parties long enough to mean something (country codes left out), each pointing at the
    /// partnerships naming it.
    static func partyTerms(_ partnerships: [Partnership], weight: Double) -> [Term] {
        var byParty: [String: [String]] = [:]
        for p in partnerships {
            for party in p.parties {
                let name = shortName(party)
                guard name.count >= 4 else { continue }
                byParty[name.lowercased(), default: []].append(p.id)
            }
        }
        return byParty.keys.sorted().map { party in
            Term(
                phrase: party,
                kind: .partnership,
                target: byParty[party]!.sorted().joined(separator: ","),
                weight: weight
            )
        }
    }

    public func score(_ entry: FeedEntry, source: SignalSource?) -> Relevance {
        var reasons: [RelevanceReason] = []
        for id in entry.identifiers {
            if let target = identifiers[id] {
                reasons.append(
                    RelevanceReason(
                        kind: .identifier,
                        term: id,
                        target: target,
                        field: "identifier",
                        weight: config.weights.identifier
                    )
                )
            }
        }
        let title = Self.normalise(entry.title)
        let summary = Self.normalise(entry.summary)
        var seen = Set<String>()
        for t in terms where seen.insert("\(t.kind.rawValue)|\(t.phrase)").inserted {
            if title.contains(" \(t.phrase) ") {
                reasons.append(reason(t, field: "title", weight: t.weight * config.titleFactor))
            } else if summary.contains(" \(t.phrase) ") {
                reasons.append(reason(t, field: "summary", weight: t.weight))
            }
        }
        reasons = Self.strongestPerGroup(reasons)
        if source?.primary == true, !reasons.isEmpty {
            reasons.append(
                RelevanceReason(
                    kind: .primarySource,
                    term: source!.id,
                    target: nil,
                    field: "source",
                    weight: config.weights.primarySource
                )
            )
        }
        let total = (reasons.reduce(0) { $0 + $1.weight } * 100).rounded() / 100
        return Relevance(score: total, relevant: total >= config.threshold, reasons: reasons)
    }

    /// One reason per kind and target, the strongest: "AI", "AI systems" and "general-purpose AI" in one title
    /// are one topic hit, and an instrument named three ways is one instrument hit.
    static func strongestPerGroup(_ reasons: [RelevanceReason]) -> [RelevanceReason] {
        var best: [String: RelevanceReason] = [:]
        var order: [String] = []
        for r in reasons {
            let key = r.kind.rawValue + "|" + (r.target ?? "")
            if let held = best[key] {
                if abs(r.weight) > abs(held.weight) || (r.weight == held.weight && r.term.count > held.term.count) {
                    best[key] = r
                }
            } else {
                best[key] = r
                order.append(key)
            }
        }
        return order.compactMap { best[$0] }
    }

    private func reason(_ t: Term, field: String, weight: Double) -> RelevanceReason {
        RelevanceReason(kind: t.kind, term: t.phrase, target: t.target, field: field, weight: weight)
    }

    /// Lowercase words separated by single spaces, padded, so a phrase matches whole words only.
    static func normalise(_ s: String) -> String {
        var out = " "
        var lastSpace = true
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "/" || ch == "." || ch == "-" {
                out.append(ch)
                lastSpace = false
            } else if !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        // Trailing sentence dots would hide a last word ("the AI Act."), so they go.
        return (out.hasSuffix(" ") ? out : out + " ").replacingOccurrences(of: ". ", with: " ")
    }
}
