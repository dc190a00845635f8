import FineprintAnalysis
import FineprintCore

/// An analysis as a person reviewed it: the reviewer's readings in place of the machine's, scored
/// again, with the machine's analysis kept untouched beside it and every changed cell marked.
public struct ReviewedAnalysis: Hashable, Sendable {
    /// The reviewed reading, scored against the playbook it was applied with.
    public var analysis: Analysis
    /// The machine's reading, as the analyzer stored it.
    public var machine: Analysis
    public var marks: ReviewMarks

    /// Applies `review` to `machine` (any analysis of the reviewed document: a stored one, or the same
    /// document re-run against another tier) and scores the result against `playbook`. Pure.
    public static func apply(
        _ review: AnalysisReview,
        to machine: Analysis,
        corpus: Corpus,
        playbook: Playbook
    ) -> ReviewedAnalysis {
        var marks = ReviewMarks(state: review.state, machineScore: machine.score)
        var analysis = machine
        analysis.provisions = machine.provisions.map { finding in
            guard let reading = review.finding(finding.id) else { return finding }
            let (reviewed, cells) = Self.read(finding, as: reading)
            if cells.isEmpty {
                marks.confirmedProvisions.append(finding.id)
            } else {
                marks.changedCells[finding.id] = cells
            }
            return reviewed
        }
        analysis.killListMoves = machine.killListMoves.filter { move in
            guard let reading = review.move(move.id) else { return true }
            switch reading.decision {
            case .confirmed:
                marks.confirmedMoves.append(move.id)
                return true
            case .dismissed:
                marks.dismissedMoves[move.id] = reading.reason ?? ""
                return false
            }
        }
        if marks.hasChanges || playbook.id != machine.profile {
            analysis = analysis.rescored(corpus: corpus, playbook: playbook)
        }
        return ReviewedAnalysis(analysis: analysis, machine: machine, marks: marks)
    }

    /// The machine's finding with the reviewer's reading in its place, and the cells that differ.
    static func read(_ finding: ProvisionFinding, as reading: FindingReading) -> (ProvisionFinding, [ReviewedCell]) {
        var cells: [ReviewedCell] = []
        if reading.status != finding.status { cells.append(.status) }
        if reading.strength != finding.strength { cells.append(.strength) }
        if reading.value != finding.value { cells.append(.value) }
        if reading.evidence.map(\.span) != finding.evidence.map(\.span) { cells.append(.evidence) }
        var reviewed = finding
        reviewed.status = reading.status
        reviewed.strength = reading.status == .present ? reading.strength : nil
        reviewed.value = reading.value
        // The machine's quotes keep their focus and source when the reviewer kept them as they were.
        if cells.contains(.evidence) { reviewed.evidence = reading.evidence }
        // A person's reading is certain; the confidence says so when they changed the status.
        if cells.contains(.status) { reviewed.confidence = reading.status == .present ? 1 : 0 }
        return (reviewed, cells)
    }
}
