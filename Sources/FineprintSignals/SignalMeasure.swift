import Foundation

/// The scoring measured on reviewers' decisions: of the items a reviewer accepted (or promoted), the share scored
/// relevant (the relevant rate); of those rejected, the share scored relevant all the same (the false-relevant
/// rate). An item's latest decision counts.
public struct SignalMeasure: Codable, Sendable, Equatable {
    public var accepted: Int
    public var rejected: Int
    public var acceptedScoredRelevant: Int
    public var rejectedScoredRelevant: Int

    public var relevantRate: Double? { accepted == 0 ? nil : Double(acceptedScoredRelevant) / Double(accepted) }
    public var falseRelevantRate: Double? { rejected == 0 ? nil : Double(rejectedScoredRelevant) / Double(rejected) }
    /// Of the decided items scored relevant, the share a reviewer kept.
    public var precision: Double? {
        let scored = acceptedScoredRelevant + rejectedScoredRelevant
        return scored == 0 ? nil : Double(acceptedScoredRelevant) / Double(scored)
    }

    /// Measures `items`' current relevance against their latest decision.
    public static func measure(items: [SignalItem], decisions: [SignalDecision]) -> SignalMeasure {
        var latest: [String: SignalDecision.Action] = [:]
        for d in decisions { latest[d.itemId] = d.action }
        var m = SignalMeasure(accepted: 0, rejected: 0, acceptedScoredRelevant: 0, rejectedScoredRelevant: 0)
        for item in items {
            guard let action = latest[item.id] else { continue }
            if action == .reject {
                m.rejected += 1
                if item.relevance.relevant { m.rejectedScoredRelevant += 1 }
            } else {
                m.accepted += 1
                if item.relevance.relevant { m.acceptedScoredRelevant += 1 }
            }
        }
        return m
    }

    enum CodingKeys: String, CodingKey {
        case accepted, rejected
        case acceptedScoredRelevant = "accepted_scored_relevant"
        case rejectedScoredRelevant = "rejected_scored_relevant"
    }
}
