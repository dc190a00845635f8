import FineprintCore
import FineprintSignals
import Foundation

/// One signal: what it says, why it scored, its decisions, and the forms to decide and promote it
/// (view: signal.mustache).
struct SignalPageModel: PageModel {
    static let template = "signal"
    var title: String
    var signal: SignalsModel.Row
    var summary: String
    var identifiers: [String]
    var revisions: Int
    var decisions: [Decision]
    var publication: String?
    var sourceName: String
    var primarySource: Bool
    var promotable: Bool
    var promotion: PromotionState
    var reviewers: [Option]
    var regulations: [Option]

    struct Decision {
        var action: String
        var by: String
        var at: String
        var reason: String
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// Whether the server can promote, and the form as sent with the validator's problems when it was refused.
    /// Stored fields, not computed ones: the templates read values by reflection.
    struct PromotionState {
        var available: Bool
        var problems: [String]
        var amend: Bool
        var verified: Bool
        var amends: String
        var newId: String
        var instrument: String
        var jurisdiction: String
        var article: String
        var summary: String
        var provisions: String
        let reviewer: String?

        init(available: Bool, form: SignalPromotionForm, problems: [String]) {
            self.available = available
            self.problems = problems
            amend = form.target == "amend"
            verified = form.urlVerified
            amends = form.amends ?? ""
            newId = form.newId ?? ""
            instrument = form.instrument ?? ""
            jurisdiction = form.jurisdiction ?? "EU"
            article = form.article ?? ""
            summary = form.summary ?? ""
            provisions = form.provisions ?? ""
            reviewer = form.reviewer
        }
    }

    init(
        item: SignalItem,
        source: SignalSource?,
        revisions: Int,
        decisions: [SignalDecision],
        knowledge: KnowledgeBase,
        promotion: PromotionState
    ) {
        title = item.entry.title
        signal = SignalsModel.Row(item)
        summary = item.entry.summary
        identifiers = item.entry.identifiers
        self.revisions = revisions
        self.decisions = decisions.map {
            Decision(action: $0.action.rawValue, by: $0.by, at: Format.date($0.at), reason: $0.reason)
        }
        publication = item.publication.map { "\($0.knowledgeItem) version \($0.version) (\($0.confidence))" }
        sourceName = source?.name ?? item.source
        primarySource = source?.primary ?? false
        promotable = item.state == .reviewed && source != nil
        self.promotion = promotion
        reviewers = knowledge.reviewers.map {
            Option(value: $0.id, label: "\($0.name) (\($0.role))", selected: $0.id == promotion.reviewer)
        }
        regulations = knowledge.regulations.map {
            Option(value: $0.id, label: "\($0.instrument) \($0.article)", selected: $0.id == promotion.amends)
        }
    }
}
