import FineprintSignals
import Foundation

/// Promotes a reviewed signal: writes the knowledge item through `KnowledgeDrafts` (validated), marks the signal
/// published with its knowledge item, version and confidence, and records the promote decision. The one library
/// call behind `fineprint signals promote` and the signals web page; each shell records its own audit event.
public struct SignalPublishing: Sendable {
    public let store: any SignalStore
    public let drafts: KnowledgeDrafts

    public init(store: any SignalStore, drafts: KnowledgeDrafts) {
        self.store = store
        self.drafts = drafts
    }

    /// What a promotion did.
    public struct Outcome: Sendable {
        public var item: SignalItem
        public var result: SignalPromotion.Result
        public var confidence: String
    }

    /// `by`: who promoted it (the signed-in user or the operator), kept with the publication and the decision.
    public func promote(
        _ item: SignalItem,
        source: SignalSource,
        target: SignalPromotion.Target,
        reviewer: String,
        urlVerified: Bool,
        by: String,
        at: Date = Date()
    ) async throws -> Outcome {
        guard item.state == .reviewed else {
            throw SignalError("\(item.id) is \(item.state.rawValue); accept it before promoting")
        }
        guard item.source == source.id else { throw SignalError("\(item.id) is not from the source \(source.id)") }
        let promotion = SignalPromotion(
            item: item,
            source: source,
            target: target,
            reviewer: reviewer,
            date: SignalDay.string(from: at),
            urlVerified: urlVerified
        )
        let result = try drafts.write(promotion)
        var published = item
        published.publication = .init(
            knowledgeItem: result.regulationId,
            version: result.version,
            confidence: promotion.confidence.rawValue,
            by: by,
            at: at
        )
        try await store.saveItems([published], revisions: [])
        let decision = SignalDecision(
            itemId: item.id,
            action: .promote,
            by: by,
            at: at,
            reason: "\(result.regulationId) v\(result.version)",
            scoredRelevant: item.relevance.relevant
        )
        _ = try await store.decide(decision, state: .published)
        published.state = .published
        return Outcome(item: published, result: result, confidence: promotion.confidence.rawValue)
    }
}
