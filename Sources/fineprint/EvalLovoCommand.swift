import ArgumentParser
import FineprintAnalysis
import FineprintEval
import FineprintLearn
import Foundation

extension Eval {
    struct Lovo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lovo",
            abstract: "Leave-one-vendor-out over our labelled vendor documents (docs/evaluation.md).",
            discussion: """
                Groups the dev-split label files by vendor (the first folder of each document's path) and
                prints the grouping; for each vendor, trains a model for all provisions on the synthetic
                corpus and the other vendors' documents, scores that vendor's documents with it, and prints
                per-vendor and pooled micro F1, macro F1 and evidence precision and recall beside the rules
                alone on the same documents. Validation label files are never read for training or scoring.
                """
        )

        @Option(help: "The folder the label files' document paths are relative to (e.g. ../shared/data/vendor-terms).")
        var data: String

        @Option(help: "The folder of label files (default: eval/labels/vendor-terms beside the corpus).")
        var labels: String?

        @Option(help: "The synthetic training corpus (default: training/synthetic in the corpus).")
        var synthetic: String?

        @Option(help: "Units of the sentence classifiers' hidden layer (0: linear classifiers, the fastest).")
        var hiddenUnits = 0

        @Option(help: "Folds of the cross-fitting inside each vendor's training set (the shipped model uses 5).")
        var folds = 3

        @Option(help: "Epochs of the sentence classifiers.")
        var epochs = ModelTrainer.Settings().epochs

        @Option(help: "Hold out and score only these vendors (comma-separated folder names); all by default.")
        var vendors: String?

        @Option(
            help: """
                Folders that are one supplier, scored as one vendor (comma-separated; repeat for more groups), \
                e.g. --together "Le Chat,Vibe".
                """
        )
        var together: [String] = []

        @Option(
            help: """
                Also score the rules' decisions with the model's best N evidence clauses added, for each N \
                (comma-separated, e.g. 1,2,3).
                """
        )
        var evidenceCaps: String?

        @Option(help: "Most evidence sentences each model shows per provision (the trainer's default otherwise).")
        var maxEvidence: Int?

        @Flag(help: "The adding model adds only provisions a cue matched without confirming, as shipped additions do.")
        var addingNeedsSupport = false

        @Option(help: "Also write the pooled and per-vendor reports as JSON here.")
        var json: String?

        @OptionGroup var corpus: CorpusOptions

        func validate() throws {
            guard folds >= 2, epochs >= 1, hiddenUnits >= 0, (maxEvidence ?? 1) >= 1 else {
                throw ValidationError(
                    "--folds must be at least 2, --epochs and --max-evidence at least 1, --hidden-units not negative"
                )
            }
            if requestedCaps.contains(where: { ($0 ?? 0) < 1 }) {
                throw ValidationError("--evidence-caps takes whole numbers of at least 1, comma-separated")
            }
        }

        func run() async throws {
            let started = Date()
            let setup = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: true)
            guard FileManager.default.fileExists(atPath: data) else {
                Console.error(
                    "eval lovo skipped: no data folder at \(data) (the documents are not part of the repository)"
                )
                return
            }
            let provisions = setup.corpus.taxonomy.provisions.map(\.id)
            let dev = try devDocuments(setup, provisions: provisions)
            let groups = together.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let grouping = Dictionary(grouping: dev.map(\.name)) { LeaveOneVendorOut.vendor(of: $0, together: groups) }
            for vendor in grouping.keys.sorted() {
                print("\(vendor): \(grouping[vendor]!.joined(separator: "; "))")
            }
            let builder = TrainingSet(analyzer: setup.analyzer)
            let (training, _) = try await builder.build(dev, provisions: provisions)
            let composed = try SyntheticCorpus.load(folder: syntheticURL(setup)).documents()
            let extra = try builder.build(synthetic: composed, provisions: provisions)
            let read = Date().timeIntervalSince(started)
            Console.error(
                "read \(dev.count) labelled and \(composed.count) synthetic documents in \(Int(read)) s; training"
            )
            let lovo = LeaveOneVendorOut(
                rules: setup.analyzer,
                playbook: try setup.playbook(profile: "tier1", file: nil),
                settings: trainerSettings,
                evidenceCaps: Set(requestedCaps.compactMap { $0 }).sorted(),
                addingNeedsRuleSupport: addingNeedsSupport
            )
            let result = try await lovo.run(
                labelled: dev,
                training: training,
                extra: extra,
                provisions: provisions,
                only: vendors.map { Set($0.split(separator: ",").map(String.init)) },
                together: groups
            ) { v in
                // Each vendor's row as soon as it is scored: a full run trains one model per vendor.
                Console.error("\(v.vendor): trained in \(Int(v.trainingSeconds)) s")
                Console.error(
                    LovoTable.header + "\n" + LovoTable.row(v.vendor, v.documents.count, v.model, v.adds, v.rules)
                )
            }
            print(LovoTable(result: result).text, terminator: "")
            print(
                String(
                    format: "%d documents of %d vendors, %d synthetic documents; %.0f s in all (reading %.0f s)",
                    dev.count,
                    grouping.count,
                    composed.count,
                    Date().timeIntervalSince(started),
                    read
                )
            )
            if let json { try LovoTable(result: result).json().write(to: URL(fileURLWithPath: json)) }
        }

        /// The synthetic corpus: --synthetic, or the one in the corpus.
        private func syntheticURL(_ setup: AnalysisSetup) -> URL {
            synthetic.map { URL(fileURLWithPath: $0) } ?? setup.corpusURL.appendingPathComponent("training/synthetic")
        }

        /// The labelled documents of the dev split, by name.
        private func devDocuments(_ setup: AnalysisSetup, provisions: [String]) throws -> [LabelledDocument] {
            let labelsURL =
                labels.map { URL(fileURLWithPath: $0) }
                ?? setup.corpusURL.deletingLastPathComponent().appendingPathComponent("eval/labels/vendor-terms")
            let gold = try GoldLabels.load(labels: labelsURL, data: URL(fileURLWithPath: data), provisions: provisions)
            return gold.filter { $0.split == .dev }.map(\.document).sorted { $0.name < $1.name }
        }

        /// The evidence caps as written, nil where a part is not a whole number.
        private var requestedCaps: [Int?] { evidenceCaps?.split(separator: ",").map { Int($0) } ?? [] }

        /// One model per vendor: a single hidden-layer member, folds and epochs as asked.
        private var trainerSettings: ModelTrainer.Settings {
            var settings = ModelTrainer.Settings()
            settings.hiddenUnits = hiddenUnits
            settings.hiddenMembers = 1
            settings.folds = folds
            settings.epochs = epochs
            if let maxEvidence { settings.maxEvidence = maxEvidence }
            return settings
        }
    }
}

/// The leave-one-vendor-out figures as a table: per vendor and pooled, the model beside the rules.
struct LovoTable {
    var result: LeaveOneVendorOut.Result

    var text: String {
        var lines = [Self.header]
        for v in result.vendors {
            lines.append(Self.row(v.vendor, v.documents.count, v.model, v.adds, v.rules))
        }
        let documents = result.vendors.reduce(0) { $0 + $1.documents.count }
        lines.append(Self.row("pooled", documents, result.pooledModel, result.pooledAdds, result.pooledRules))
        let c = result.pooledChosen
        lines.append("")
        lines.append(
            "Model adding only the provisions where adding beat the rules on the other vendors (pooled): micro F1 "
                + "\(Self.f(c.microF1)), macro F1 \(Self.f(c.macro.f1)), evidence P \(Self.f(c.macro.evidencePrecision)), "
                + "R \(Self.f(c.macro.evidenceRecall))"
        )
        for (cap, e) in result.pooledEvidenceAdded {
            lines.append(
                "Rules deciding, the model's best \(cap) evidence clauses added where both found the provision "
                    + "(pooled): evidence P \(Self.f(e.macro.evidencePrecision)), R \(Self.f(e.macro.evidenceRecall))"
            )
        }
        lines.append("Adding beats the rules over all vendors for: \(result.chosen.joined(separator: ", "))")
        lines.append("")
        lines.append("| provision | positives | model F1 | adds F1 | rules F1 | model evidence P | model evidence R |")
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        let rows = zip(result.pooledModel.provisions, zip(result.pooledAdds.provisions, result.pooledRules.provisions))
        for (m, (a, r)) in rows {
            lines.append(
                "| \(m.provision) | \(m.positives) | \(Self.f(m.f1)) | \(Self.f(a.f1)) | \(Self.f(r.f1)) | "
                    + "\(Self.f(m.evidencePrecision)) | \(Self.f(m.evidenceRecall)) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let header = """
        | vendor | docs | model micro F1 | macro F1 | evidence P | evidence R | adds micro F1 | macro F1 | rules micro F1 | macro F1 | evidence P | evidence R |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """

    static func row(
        _ name: String,
        _ docs: Int,
        _ m: EvaluationReport,
        _ a: EvaluationReport,
        _ r: EvaluationReport
    ) -> String {
        "| \(name) | \(docs) | \(f(m.microF1)) | \(f(m.macro.f1)) | \(f(m.macro.evidencePrecision)) | "
            + "\(f(m.macro.evidenceRecall)) | \(f(a.microF1)) | \(f(a.macro.f1)) | \(f(r.microF1)) | \(f(r.macro.f1)) | "
            + "\(f(r.macro.evidencePrecision)) | \(f(r.macro.evidenceRecall)) |"
    }

    static func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "–" }

    func json() throws -> Data {
        struct Out: Encodable {
            var pooledModel: EvaluationReport
            var pooledAdds: EvaluationReport
            var pooledRules: EvaluationReport
            var pooledChosen: EvaluationReport
            var pooledEvidenceAdded: [String: EvaluationReport]
            var chosen: [String]
            var vendors: [String: [EvaluationReport]]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(
            Out(
                pooledModel: result.pooledModel,
                pooledAdds: result.pooledAdds,
                pooledRules: result.pooledRules,
                pooledChosen: result.pooledChosen,
                pooledEvidenceAdded: Dictionary(
                    uniqueKeysWithValues: result.pooledEvidenceAdded.map { ("\($0.cap)", $0.report) }
                ),
                chosen: result.chosen,
                vendors: Dictionary(
                    uniqueKeysWithValues: result.vendors.map { ($0.vendor, [$0.model, $0.adds, $0.rules]) }
                )
            )
        )
    }
}
