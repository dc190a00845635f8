import ArgumentParser
import FineprintEval
import FineprintLearn
import Foundation

struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the learned component on CUAD-format data (docs/evaluation.md).",
        discussion: """
            Trains, for every provision the taxonomy maps to a CUAD category, a sentence classifier over
            word n-grams and the second stages that combine it with the rules, on the dev split only by
            default. Deterministic: the same data and corpus give the same file. Prints cross-fitted
            figures on the training documents (an estimate; report `eval cuad --split validation`).
            """
    )

    @Option(help: "A CUAD-format folder (master_clauses.csv and contracts/*.txt).")
    var data: String

    @Option(help: "dev (default) or all. Training on validation is refused: it is held out.")
    var split: DataSplit = .dev

    @Option(
        help:
            "Also train on our own label files in this folder (docs/labels-format.md); only their dev-split documents."
    )
    var labels: String?

    @Option(help: "The folder the label files' document paths are relative to (with --labels).")
    var labelsData: String?

    @Option(
        help: ArgumentHelp(
            "A folder of documents unlike the training contracts (e.g. ../shared/data/vendor-terms), for the domain gate.",
            discussion:
                "Read recursively, without history/ folders; documents that a --labels file holds out as validation, and every document with the same file name (a vendor's twin page), are left out."
        )
    )
    var domainData: String?

    @Option(help: "Where to write the model (default: models/cuad-model.json in the corpus).")
    var out: String?

    @Option(help: "The corpus folder (default: the bundled corpus).")
    var corpus: String?

    @Option(help: ArgumentHelp("Epochs of the sentence classifiers.", visibility: .hidden))
    var epochs = ModelTrainer.Settings().epochs

    @Option(help: ArgumentHelp("Most evidence sentences the model shows per provision.", visibility: .hidden))
    var maxEvidence = ModelTrainer.Settings().maxEvidence

    @Option(help: ArgumentHelp("Most weights kept per provision.", visibility: .hidden))
    var weightsPerProvision = ModelTrainer.Settings().weightsPerProvision

    @Option(help: ArgumentHelp("Epochs of the document classifiers.", visibility: .hidden))
    var documentEpochs = ModelTrainer.Settings().documentEpochs

    @Option(help: ArgumentHelp("Most document-classifier weights kept per provision.", visibility: .hidden))
    var documentWeightsPerProvision = ModelTrainer.Settings().documentWeightsPerProvision

    @Option(help: "Units of the sentence classifiers' shared hidden layer; 0 for linear sentence classifiers only.")
    var hiddenUnits = ModelTrainer.Settings().hiddenUnits

    @Option(help: "Sentence classifiers trained from different seeds whose logits are averaged (with a hidden layer).")
    var hiddenMembers = ModelTrainer.Settings().hiddenMembers

    @Option(help: ArgumentHelp("Features that keep an embedding row in the hidden layer.", visibility: .hidden))
    var hiddenRows = ModelTrainer.Settings().hiddenRows

    @Option(
        help: ArgumentHelp(
            "Macro evidence precision the evidence thresholds must keep on the nested estimate.",
            visibility: .hidden
        )
    )
    var evidencePrecisionTarget = ModelTrainer.Settings().evidencePrecisionTarget

    /// File names of the documents any label file in --labels (or the bundled label folder) holds out as validation.
    func heldOutNames(corpusURL: URL) throws -> Set<String> {
        let folder =
            labels.map { URL(fileURLWithPath: $0) }
            ?? corpusURL.deletingLastPathComponent().appendingPathComponent("eval/labels/vendor-terms")
        return try GoldLabels.heldOutFileNames(in: folder)
    }

    func run() async throws {
        do {
            guard split != .validation else { throw CLIError("the validation split is held out: train on dev") }
            guard hiddenUnits >= 0, hiddenRows >= 0, hiddenMembers >= 1 else {
                throw CLIError(
                    "--hidden-units and --hidden-rows cannot be negative, --hidden-members must be at least 1"
                )
            }
            let started = Date()
            // The rules the model is combined with, without any model already shipped.
            let bench = try Workbench(corpusPath: corpus, rulesOnly: true)
            let categories = Dictionary(
                uniqueKeysWithValues: bench.corpus.taxonomy.provisions.compactMap { p in
                    p.cuad.map { (p.id, $0) }
                }
            )
            guard !categories.isEmpty else { throw CLIError("no provision of the taxonomy maps to a CUAD category") }
            let order = bench.corpus.taxonomy.provisions.map(\.id).filter { categories[$0] != nil }
            var documents = split.filter(try CUADDataset.load(from: URL(fileURLWithPath: data), categories: categories))
            if let labels {
                guard let labelsData else {
                    throw CLIError("--labels needs --labels-data (the folder of the labelled documents)")
                }
                let gold = try GoldLabels.load(
                    labels: URL(fileURLWithPath: labels),
                    data: URL(fileURLWithPath: labelsData),
                    provisions: bench.corpus.taxonomy.provisions.map(\.id)
                )
                // Validation label files stay held out whatever --split says.
                documents += gold.filter { $0.split == .dev }.map(\.document)
            }
            let (training, summary) = try await TrainingSet(analyzer: bench.analyzer).build(
                documents,
                provisions: order
            )
            var outOfDomain: [LearningDocument] = []
            if let domainData {
                let heldOut = try heldOutNames(corpusURL: bench.corpusURL)
                outOfDomain = try DomainDocuments.read(
                    folder: URL(fileURLWithPath: domainData),
                    excludingFileNames: heldOut
                )
                .map { bench.analyzer.learningDocument($0, names: false).0 }
            }
            let read = Date().timeIntervalSince(started)
            var settings = ModelTrainer.Settings()
            settings.epochs = epochs
            settings.maxEvidence = maxEvidence
            settings.weightsPerProvision = weightsPerProvision
            settings.evidencePrecisionTarget = evidencePrecisionTarget
            settings.hiddenUnits = hiddenUnits
            settings.hiddenRows = hiddenRows
            settings.hiddenMembers = hiddenMembers
            settings.documentEpochs = documentEpochs
            settings.documentWeightsPerProvision = documentWeightsPerProvision
            let (model, report) = ModelTrainer.train(
                training,
                provisions: order,
                trainedOn: "CUAD, split \(split.rawValue), \(documents.count) contracts"
                    + (labels == nil ? "" : " with label files"),
                outOfDomain: outOfDomain,
                outOfDomainSource:
                    "\(outOfDomain.count) documents of \(domainData.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "")",
                settings: settings
            )
            let encoded = try model.encoded()
            let url =
                out.map { URL(fileURLWithPath: $0) } ?? bench.corpusURL.appendingPathComponent(Workbench.modelPath)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try encoded.write(to: url)
            let total = Date().timeIntervalSince(started)

            print(
                "trained on \(summary.documents) documents (split \(split.rawValue)), \(report.sentences) sentences; "
                    + "\(summary.locatedClauses) labelled clauses located, \(summary.unlocatedClauses) not found"
            )
            print(
                "cross-fitted on the training documents (\(ModelTrainer.Settings().folds) folds) — an estimate, not a validation:"
            )
            print(
                "provision                       pos  pos.sent weights  rules F1   prec   rec    F1  nestF1  ev.prec ev.rec  nest.evP nest.evR"
            )
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            for p in report.provisions {
                print(
                    p.provision.padding(toLength: 30, withPad: " ", startingAt: 0)
                        + String(format: " %4d %8d %7d   ", p.positives, p.positiveSentences, p.weights)
                        + "\(f(p.rulesF1))  \(f(p.precision)) \(f(p.recall)) \(f(p.f1))  \(f(p.nestedF1))  \(f(p.evidencePrecision)) \(f(p.evidenceRecall))"
                        + "   \(p.nestedEvidencePrecision.map(f) ?? "  —  ")    \(f(p.nestedEvidenceRecall))"
                )
            }
            let n = Double(max(report.provisions.count, 1))
            func mean(_ values: [Double]) -> String { f(values.reduce(0, +) / n) }
            let ps = report.provisions
            let macro: [String] = [
                mean(ps.map(\.rulesF1)), mean(ps.map(\.precision)), mean(ps.map(\.recall)), mean(ps.map(\.f1)),
                mean(ps.map(\.nestedF1)), mean(ps.map(\.evidencePrecision)), mean(ps.map(\.evidenceRecall)),
            ]
            let nestedPrecisions = ps.compactMap(\.nestedEvidencePrecision)
            let nestedEvidence =
                f(nestedPrecisions.reduce(0, +) / Double(max(nestedPrecisions.count, 1))) + "    "
                + mean(ps.map(\.nestedEvidenceRecall))
            print(
                "macro".padding(toLength: 30, withPad: " ", startingAt: 0) + String(repeating: " ", count: 25)
                    + "\(macro[0])  \(macro[1]) \(macro[2]) \(macro[3])  \(macro[4])  \(macro[5]) \(macro[6])   \(nestedEvidence)"
            )
            print(
                "evidence thresholds chosen for macro precision \(f(report.evidenceFloor)) cross-fitted, "
                    + "the floor at which the nested estimate reaches \(f(settings.evidencePrecisionTarget))"
            )
            print(
                "evidence had every document decision been right (nested, same ranking): macro precision "
                    + "\(f(report.perfectDocumentEvidence.precision)), recall \(f(report.perfectDocumentEvidence.recall))"
            )
            if let d = report.domain {
                print(
                    "domain gate, cross-fitted: \(d.inDomainFlagged) of \(d.inDomain) training contracts would be judged by the rules only; "
                        + "\(d.outOfDomainMissed) of \(d.outOfDomain) out-of-domain documents would still get the model"
                        + (d.missedNames.isEmpty ? "" : " (\(d.missedNames.joined(separator: "; ")))")
                )
            }
            print(
                "wrote \(url.path) (\(report.vocabulary) features, "
                    + String(
                        format: "%.1f KB) in %.1f s (reading and rules %.1f s)",
                        Double(encoded.count) / 1024,
                        total,
                        read
                    )
            )
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
    }
}
