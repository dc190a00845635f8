import ArgumentParser
import FineprintCore
import FineprintEval
import FineprintReading
import Foundation

extension Eval {
    struct Parties: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parties",
            abstract: "Measure party resolution against CUAD's Parties labels (docs/evaluation.md).",
            discussion: """
                A contract is resolved when two parties read from it each match a labelled party name
                (normalised: lower-case words without company forms; one name's words all among the other's)
                and the two labels are different parties. Prints the share and lists the failures.
                """
        )

        @Option(help: "A CUAD-format folder (master_clauses.csv and contracts/*.txt).")
        var data: String

        @Option(help: "dev, validation (held out: never tune on it) or all.")
        var split: DataSplit = .dev

        @OptionGroup var corpus: CorpusOptions

        @Option(help: "List at most this many failures.")
        var failures = 40

        func run() async throws {
            let bench = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: true)
            let documents = split.filter(
                try CUADDataset.load(from: URL(fileURLWithPath: data), categories: ["parties": "Parties"])
            )
            let forms = Set(bench.corpus.reading.flatMap(\.companyForms))
            let report = try PartyResolution(reader: bench.analyzer.reader, companyForms: forms).evaluate(documents)
            print(
                "party resolution, CUAD \(split.rawValue): \(report.resolved)/\(report.documents) = "
                    + String(format: "%.3f", report.share)
                    + " (\(report.singleLabelled) contracts label fewer than two distinct parties)"
            )
            for failure in report.failures.prefix(failures) {
                print("  \(failure.document)")
                print("    labelled: \(failure.labelled.joined(separator: " | "))")
                print("    read:     \(failure.found.joined(separator: " | "))")
            }
        }
    }

    struct Invariance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invariance",
            abstract: "Flip rate of the findings when parties and defined terms are renamed (docs/evaluation.md).",
            discussion: """
                For each document: the parties renamed (their distinctive names, CUAD's labelled ones too),
                the defined terms of the buyer-data and output classes renamed, and the
                preamble's two parties listed in the other order. Counts provision statuses and kill-list
                moves that change, per transformation. --data is a CUAD folder, or with --labels the
                vendor-terms folder the label files point into.
                """
        )

        @Option(help: "A CUAD folder, or the folder the label files' paths are relative to.")
        var data: String

        @Option(help: "The folder of label files: measure on the labelled vendor terms instead of CUAD.")
        var labels: String?

        @Option(help: "List at most this many flips.")
        var flips = 40

        @Option(help: "Only the first N documents of the split (each is analysed up to four times).")
        var limit: Int?

        @OptionGroup var options: EvalOptions

        func run() async throws {
            let bench = try options.analysisSetup()
            let documents: [LabelledDocument]
            if let labels {
                let all = bench.corpus.taxonomy.provisions.map(\.id)
                documents = options.split.filter(
                    try GoldLabels.load(
                        labels: URL(fileURLWithPath: labels),
                        data: URL(fileURLWithPath: data),
                        provisions: all
                    )
                )
            } else {
                documents = options.split.filter(
                    try CUADDataset.load(from: URL(fileURLWithPath: data), categories: ["parties": "Parties"])
                )
            }
            let invariance = FineprintEval.Invariance(
                analyzer: bench.analyzer,
                playbook: try bench.playbook(profile: "tier1", file: nil),
                skipWords: FineprintEval.Invariance.wordsThatAreNotNames(bench.corpus),
                termClasses: FineprintEval.Invariance.renamedClasses
            )
            let report = try invariance.evaluate(
                Array(documents.prefix(limit ?? documents.count)),
                labelledParties: labels == nil
            )
            print("transformation        documents  findings  flips  rate")
            for rate in report.rates {
                let name = rate.transformation.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                print(
                    "\(name)  \(String(format: "%9d  %8d  %5d  %.4f", rate.documents, rate.findings, rate.flips, rate.rate))"
                )
            }
            for flip in report.flips.prefix(flips) {
                print("  \(flip.transformation.rawValue)  \(flip.document)  \(flip.finding): \(flip.change)")
            }
        }
    }
}
