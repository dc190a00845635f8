import FineprintLearn
import Foundation

/// The figures `fineprint train` prints after training: per provision, the macro row, the evidence floor and
/// the domain gate.
struct TrainingReportTable {
    let report: ModelTrainer.Report
    let settings: ModelTrainer.Settings

    var text: String {
        var lines = [
            "cross-fitted on the training documents (\(ModelTrainer.Settings().folds) folds) — an estimate, not a validation:",
            "provision                       pos  pos.sent weights  rules F1   prec   rec    F1  nestF1  ev.prec ev.rec  nest.evP nest.evR",
        ]
        lines += report.provisions.map(row)
        lines.append(macroRow)
        lines.append(
            "evidence thresholds chosen for macro precision \(f(report.evidenceFloor)) cross-fitted, "
                + "the floor at which the nested estimate reaches \(f(settings.evidencePrecisionTarget))"
        )
        lines.append(
            "evidence had every document decision been right (nested, same ranking): macro precision "
                + "\(f(report.perfectDocumentEvidence.precision)), recall \(f(report.perfectDocumentEvidence.recall))"
        )
        if let d = report.domain {
            lines.append(
                "domain gate, cross-fitted: \(d.inDomainFlagged) of \(d.inDomain) training contracts would be judged by the rules only; "
                    + "\(d.outOfDomainMissed) of \(d.outOfDomain) out-of-domain documents would still get the model"
                    + (d.missedNames.isEmpty ? "" : " (\(d.missedNames.joined(separator: "; ")))")
            )
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func f(_ x: Double) -> String { String(format: "%.3f", x) }

    private func row(_ p: ModelTrainer.ProvisionReport) -> String {
        p.provision.padding(toLength: 30, withPad: " ", startingAt: 0)
            + String(format: " %4d %8d %7d   ", p.positives, p.positiveSentences, p.weights)
            + "\(f(p.rulesF1))  \(f(p.precision)) \(f(p.recall)) \(f(p.f1))  \(f(p.nestedF1))  \(f(p.evidencePrecision)) \(f(p.evidenceRecall))"
            + "   \(p.nestedEvidencePrecision.map(f) ?? "  —  ")    \(f(p.nestedEvidenceRecall))"
    }

    private var macroRow: String {
        let ps = report.provisions
        let n = Double(max(ps.count, 1))
        func mean(_ values: [Double]) -> String { f(values.reduce(0, +) / n) }
        let macro: [String] = [
            mean(ps.map(\.rulesF1)), mean(ps.map(\.precision)), mean(ps.map(\.recall)), mean(ps.map(\.f1)),
            mean(ps.map(\.nestedF1)), mean(ps.map(\.evidencePrecision)), mean(ps.map(\.evidenceRecall)),
        ]
        let nestedPrecisions = ps.compactMap(\.nestedEvidencePrecision)
        let nestedEvidence =
            f(nestedPrecisions.reduce(0, +) / Double(max(nestedPrecisions.count, 1))) + "    "
            + mean(ps.map(\.nestedEvidenceRecall))
        return "macro".padding(toLength: 30, withPad: " ", startingAt: 0) + String(repeating: " ", count: 25)
            + "\(macro[0])  \(macro[1]) \(macro[2]) \(macro[3])  \(macro[4])  \(macro[5]) \(macro[6])   \(nestedEvidence)"
    }
}
