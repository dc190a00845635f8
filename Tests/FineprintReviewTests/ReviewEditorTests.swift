import FineprintCore
import FineprintReview
import Foundation
import Testing

@Suite("Review editor: readings checked against the analysis and the text")
struct ReviewEditorTests {
    static let text = "1. The Supplier shall delete all Customer Data within thirty days of termination."

    static var machine: Analysis {
        Analysis(
            document: DocumentSummary(name: "c.txt", sha256: "00", format: .txt, characters: text.unicodeScalars.count),
            profile: "tier1",
            provisions: [
                ProvisionFinding(
                    id: "data_deletion",
                    dimension: "data",
                    status: .absent,
                    confidence: 0.2,
                    strength: nil,
                    value: nil,
                    evidence: []
                )
            ],
            killListMoves: [],
            dimensions: [],
            gaps: [],
            score: 50,
            timings: Timings(milliseconds: 1)
        )
    }

    let editor = ReviewEditor(machine: machine, text: text, stamp: ReviewStamp(by: "ada", at: Date()))

    @Test func aQuoteOutsideTheTextIsRefusedClearly() throws {
        let change = FindingUpdate(
            provision: "data_deletion",
            status: .present,
            strength: .adequate,
            evidence: [QuoteSelection(start: 3, end: 500)]
        )
        let error = #expect(throws: ReviewError.self) {
            try editor.setFinding(change, in: AnalysisReview(analysisId: 1))
        }
        #expect(error?.description.contains("outside the document's text") == true)
    }

    @Test func aSelectedQuoteTakesTheTextBetweenItsOffsets() throws {
        let change = FindingUpdate(
            provision: "data_deletion",
            status: .present,
            strength: .adequate,
            evidence: [QuoteSelection(start: 3, end: Self.text.unicodeScalars.count)]
        )
        let review = try editor.setFinding(change, in: AnalysisReview(analysisId: 1))
        let quote = try #require(review.finding("data_deletion")?.evidence.first)
        #expect(quote.quote == "The Supplier shall delete all Customer Data within thirty days of termination.")
        #expect(review.state == .inReview)
        #expect(review.stateStamp?.by == "ada")
    }

    @Test func aQuoteThatDoesNotMatchItsOffsetsIsRefused() {
        let change = FindingUpdate(
            provision: "data_deletion",
            status: .present,
            evidence: [QuoteSelection(start: 3, end: 15, quote: "something else")]
        )
        #expect(throws: ReviewError.self) { try editor.setFinding(change, in: AnalysisReview(analysisId: 1)) }
    }

    @Test func unknownProvisionsAndMovesAndReasonlessDismissalsAreRefused() {
        let review = AnalysisReview(analysisId: 1)
        #expect(throws: ReviewError.self) {
            try editor.setFinding(FindingUpdate(provision: "no_such", status: .absent), in: review)
        }
        #expect(throws: ReviewError.self) {
            try editor.setMove(MoveUpdate(move: "no_such_move", decision: .confirmed), in: review)
        }
        #expect(throws: ReviewError.self) {
            try editor.setFinding(
                FindingUpdate(provision: "data_deletion", status: .absent, strength: .weak),
                in: review
            )
        }
    }

    @Test func anUnchangedReadingKeepsWhoAndWhenOfItsFirstChange() throws {
        let first = try editor.setFinding(
            FindingUpdate(provision: "data_deletion", status: .present, strength: .weak),
            in: AnalysisReview(analysisId: 1)
        )
        let later = ReviewEditor(
            machine: Self.machine,
            text: Self.text,
            stamp: ReviewStamp(by: "grace", at: Date().addingTimeInterval(60))
        )
        let again = try later.setFinding(
            FindingUpdate(provision: "data_deletion", status: .present, strength: .weak),
            in: first
        )
        #expect(again.finding("data_deletion")?.stamp.by == "ada")
        let changed = try later.setFinding(
            FindingUpdate(provision: "data_deletion", status: .present, strength: .strong),
            in: first
        )
        #expect(changed.finding("data_deletion")?.stamp.by == "grace")
    }
}
