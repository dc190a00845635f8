import FineprintCore
import FineprintReport
import FineprintReview
import FineprintStore
import Foundation

/// People's reviews: the store that keeps them, and the reviewed reading every output uses.
extension WebWorkbench {
    /// The review store on the workbench's database; every store the server opens has one.
    var reviews: any ReviewStore {
        get throws {
            guard let store = store as? any ReviewingStore else {
                throw WebError.notFound("reviews (this store cannot keep them)")
            }
            return store.reviewStore()
        }
    }

    /// The review of a stored analysis (an untouched draft when there is none, or no review store).
    func review(of stored: StoredAnalysis) async throws -> AnalysisReview {
        guard let store = store as? any ReviewingStore else { return AnalysisReview(analysisId: stored.summary.id) }
        return try await store.reviewStore().review(analysisId: stored.summary.id)
    }

    /// The playbook a stored analysis was made against (ours or an ally's), else the default tier.
    func playbook(madeWith stored: StoredAnalysis) -> Playbook {
        corpus.playbook(stored.analysis.profile) ?? alliedPlaybook(stored.analysis.profile) ?? corpus.playbooks[0]
    }

    /// Whether nobody has touched the review of a stored analysis (its report page may be cached).
    func isUnreviewed(_ id: Int64) async throws -> Bool {
        guard let store = store as? any ReviewingStore else { return true }
        return try await store.reviewStore().review(analysisId: id).isEmpty
    }

    /// `analysis` (the stored one, or its document re-run against another tier) with the stored
    /// analysis's review applied and scored against `playbook`; nil marks when nobody reviewed it.
    func reviewed(
        _ analysis: Analysis,
        review: AnalysisReview,
        playbook: Playbook
    ) -> (analysis: Analysis, marks: ReviewMarks?) {
        guard !review.isEmpty else { return (analysis, nil) }
        let reviewed = ReviewedAnalysis.apply(review, to: analysis, corpus: corpus, playbook: playbook)
        return (reviewed.analysis, reviewed.marks)
    }

    /// Saves a changed review, forgets the cached report page, and records the change in the audit log.
    func saveReview(
        _ review: AnalysisReview,
        of stored: StoredAnalysis,
        detail: String,
        context: WebRequestContext
    ) async throws {
        try await reviews.saveReview(review)
        reportPages.remove(review.analysisId)
        try await record(.review, "analysis", stored.summary.publicId, detail: detail, context: context)
    }

    /// The editor of a stored analysis's review, stamping changes with the caller and the time.
    func reviewEditor(_ stored: StoredAnalysis, context: WebRequestContext) async throws -> ReviewEditor {
        let sha = stored.analysis.document.sha256
        guard let document = try await store.document(sha256: sha) else {
            throw StoreError.unknownDocument(sha256: sha)
        }
        return ReviewEditor(
            machine: stored.analysis,
            text: document.text,
            stamp: ReviewStamp(by: context.auditActor, at: Date())
        )
    }
}
