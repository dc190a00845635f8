import Foundation

extension EvaluationReport {
    /// A fixed-width table of the scores, one row per provision and a macro row.
    public var table: String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "  —  " }
        var out =
            "\(dataset) — split \(split), \(documents) documents, \(String(format: "%.1f", millisecondsPerDocument)) ms/document\n"
        out += "provision                       pos   TP   FP   FN   prec   rec    F1   ev.prec ev.rec  AUPR\n"
        for p in provisions {
            out += p.provision.padding(toLength: 30, withPad: " ", startingAt: 0)
            out += String(
                format: " %4d %4d %4d %4d  ",
                p.positives,
                p.truePositives,
                p.falsePositives,
                p.falseNegatives
            )
            out +=
                "\(f(p.precision)) \(f(p.recall)) \(f(p.f1))  \(f(p.evidencePrecision)) \(f(p.evidenceRecall)) \(f(p.aupr))\n"
        }
        out += "macro".padding(toLength: 30, withPad: " ", startingAt: 0) + String(repeating: " ", count: 22)
        out +=
            "\(f(macro.precision)) \(f(macro.recall)) \(f(macro.f1))  \(f(macro.evidencePrecision)) \(f(macro.evidenceRecall)) \(f(macro.aupr))\n"
        return out
    }
}
