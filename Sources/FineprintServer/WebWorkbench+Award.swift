import FineprintCompare
import FineprintCore
import FineprintNegotiation
import FineprintReport
import FineprintStore
import Foundation

/// One column of a comparison: the stored analysis and the reading compared (reviewed where a
/// person reviewed it, with the cells they changed).
struct ComparedReading: Sendable {
    var stored: StoredAnalysis
    var analysis: Analysis
    var marks: ReviewMarks?
}

extension WebWorkbench {
    /// The award sheet of stored analyses compared against one tier: the compare page's readings,
    /// with each document's text for the risks, titled with the matter's name.
    func awardSheet(_ ids: [String], profile: String?, scope: MatterScope) async throws -> AwardSheet {
        let columns = try await comparedReadings(ids, profile: profile, scope: scope)
        let comparison = Comparison.build(columns.readings.map(\.analysis), corpus: corpus, playbook: columns.playbook)
        var inputs: [ReportInput] = []
        for reading in columns.readings {
            let text = try await store.document(sha256: reading.stored.analysis.document.sha256)?.text ?? ""
            inputs.append(
                ReportInput(
                    analysis: reading.analysis,
                    corpus: corpus,
                    playbook: columns.playbook,
                    text: text,
                    reviewMarks: reading.marks
                )
            )
        }
        var matters: [String] = []
        for id in columns.readings.map(\.stored.summary.matterId) where !matters.contains(id) { matters.append(id) }
        var names: [String] = []
        for id in matters { names.append(try await scope.matter(id).name) }
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        return AwardSheet(comparison, inputs: inputs, matter: names.joined(separator: ", "), date: today)
    }
}
