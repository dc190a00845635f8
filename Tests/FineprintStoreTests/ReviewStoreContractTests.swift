import FineprintCore
import FineprintStore
import Foundation
import Testing

/// What every `ReviewStore` must do, on each backend of `StoreContract`.
extension StoreContract {
    func withReviews<T: Sendable>(_ body: (any Store, any ReviewStore) async throws -> T) async throws -> T {
        try await withStore { store in
            let reviewing = try #require(store as? any ReviewingStore)
            return try await body(store, reviewing.reviewStore())
        }
    }

    static let reviewDay = Date(timeIntervalSince1970: 1_796_000_000.5)

    static func review(of id: Int64) -> AnalysisReview {
        let ada = ReviewStamp(by: "ada", at: reviewDay)
        return AnalysisReview(
            analysisId: id,
            state: .inReview,
            stateStamp: ada,
            findings: [
                FindingReading(
                    provision: "governing_law",
                    status: .present,
                    strength: .adequate,
                    value: "Ireland",
                    evidence: [Evidence(start: 0, end: 5, quote: "hello")],
                    note: "the DPA's clause counts",
                    stamp: ada
                ),
                FindingReading(
                    provision: "data_deletion",
                    status: .absent,
                    strength: nil,
                    value: nil,
                    evidence: [],
                    stamp: ReviewStamp(by: nil, at: reviewDay.addingTimeInterval(5))
                ),
            ],
            moves: [
                MoveReading(move: "unilateral_change", decision: .dismissed, reason: "notice and exit", stamp: ada)
            ],
            notes: [ReviewNote(text: "first", stamp: ada), ReviewNote(text: "second", stamp: ada)]
        )
    }

    func aReviewRoundTripsBesideTheUntouchedAnalysis() async throws {
        let id = try await withReviews { store, reviews in
            let document = Fixtures.document("hello world")
            _ = try await store.saveDocument(document)
            let id = try await store.saveAnalysis(Fixtures.analysis(sha: document.sha256)).id
            #expect(try await reviews.review(analysisId: id) == AnalysisReview(analysisId: id))
            try await reviews.saveReview(Self.review(of: id))
            return id
        }
        try await withReviews { store, reviews in
            let stored = try await reviews.review(analysisId: id)
            // Rows come back in provision and move order; notes in the order written.
            var expected = Self.review(of: id)
            expected.findings.sort { $0.provision < $1.provision }
            #expect(stored == expected)
            #expect(try await reviews.reviewedAnalysisIds(state: .inReview) == [id])
            #expect(try await reviews.reviewedAnalysisIds(state: .reviewed).isEmpty)
            #expect(try await reviews.reviewedAnalysisIds(state: nil) == [id])
            // The machine's reading is kept as it was.
            let machine = try #require(try await store.analysis(id: id))
            #expect(machine.analysis == Fixtures.analysis(sha: machine.analysis.document.sha256))
        }
    }

    func savingAReviewReplacesItWhole() async throws {
        try await withReviews { store, reviews in
            let document = Fixtures.document("hello world")
            _ = try await store.saveDocument(document)
            let id = try await store.saveAnalysis(Fixtures.analysis(sha: document.sha256)).id
            try await reviews.saveReview(Self.review(of: id))
            var smaller = AnalysisReview(
                analysisId: id,
                state: .reviewed,
                stateStamp: ReviewStamp(by: "grace", at: Self.reviewDay)
            )
            smaller.notes = [ReviewNote(text: "only this", stamp: ReviewStamp(by: "grace", at: Self.reviewDay))]
            try await reviews.saveReview(smaller)
            #expect(try await reviews.review(analysisId: id) == smaller)
            #expect(try await reviews.reviewedAnalysisIds(state: .reviewed) == [id])
        }
    }

    func aReviewOfAnUnknownAnalysisIsRefusedAndGoesWithItsAnalysis() async throws {
        try await withReviews { store, reviews in
            await #expect(throws: ReviewStoreError.unknownAnalysis(999)) {
                try await reviews.saveReview(Self.review(of: 999))
            }
            let document = Fixtures.document("hello world")
            _ = try await store.saveDocument(document)
            let id = try await store.saveAnalysis(Fixtures.analysis(sha: document.sha256)).id
            try await reviews.saveReview(Self.review(of: id))
            let deleting = try #require(store as? any DeletingStore)
            #expect(try await deleting.deleteAnalysis(id: id))
            #expect(try await reviews.review(analysisId: id) == AnalysisReview(analysisId: id))
            #expect(try await reviews.reviewedAnalysisIds(state: nil).isEmpty)
        }
    }
}

@Suite("Review store contract, on SQLite and on PostgreSQL when FINEPRINT_TEST_POSTGRES_URL is set")
struct ReviewStoreContractTests {
    typealias Backend = StoreContract.Backend

    @Test(arguments: Backend.available) func aReviewRoundTripsBesideTheUntouchedAnalysis(
        _ backend: Backend
    ) async throws {
        try await StoreContract(backend).aReviewRoundTripsBesideTheUntouchedAnalysis()
    }

    @Test(arguments: Backend.available) func savingAReviewReplacesItWhole(_ backend: Backend) async throws {
        try await StoreContract(backend).savingAReviewReplacesItWhole()
    }

    @Test(arguments: Backend.available) func aReviewOfAnUnknownAnalysisIsRefusedAndGoesWithItsAnalysis(
        _ backend: Backend
    ) async throws {
        try await StoreContract(backend).aReviewOfAnUnknownAnalysisIsRefusedAndGoesWithItsAnalysis()
    }
}
