import ArgumentParser
import FineprintEval
import FineprintIngest
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

    @Option(help: "A CUAD-format folder (master_clauses.csv and contracts/*.txt); not with --synthetic.")
    var data: String?

    @Option(
        help: ArgumentHelp(
            "Train every provision of the taxonomy on this synthetic corpus (e.g. corpus/training/synthetic) and the --labels files.",
            discussion:
                "CUAD labels only sixteen provisions, so it cannot be mixed in until the trainer masks the provisions a document was never labelled for (docs/evaluation.md)."
        )
    )
    var synthetic: String?

    @Option(help: "dev (default) or all. Training on validation is refused: it is held out.")
    var split: DataSplit = .dev

    @Option(
        help: """
            Also train on our own label files in this folder (docs/labels-format.md); only their dev-split documents. \
            Repeat for more folders, each with its --labels-data.
            """
    )
    var labels: [String] = []

    @Option(help: "The folder the label files' document paths are relative to (one per --labels, in order).")
    var labelsData: [String] = []

    @Option(
        help: ArgumentHelp(
            "A folder of documents unlike the training contracts (e.g. ../shared/data/vendor-terms), for the domain gate.",
            discussion:
                "Read recursively, without history/ folders; documents that a --labels file holds out as validation, and every document with the same file name (a vendor's twin page), are left out."
        )
    )
    var domainData: String?

    @Option(
        help: ArgumentHelp(
            "Label files whose dev-split documents the domain gate also learns from (e.g. eval/labels/unseen-vendors).",
            discussion:
                "Their validation documents are never read: the gate is then measured on suppliers it never saw."
        )
    )
    var domainLabels: String?

    @Option(help: "The folder the --domain-labels documents are relative to.")
    var domainLabelsData: String?

    @Option(
        help: """
            With --synthetic: the provisions (comma-separated) whose categories are added, adding-only and ungated, \
            to the model given by --adding-to; written to --out. Chosen by `fineprint eval lovo`.
            """
    )
    var adds: String?

    @Option(help: "With --adds: the model file (of contracts) the categories are added to.")
    var addingTo: String?

    @Option(help: "Where to write the model (default: models/cuad-model.json in the corpus).")
    var out: String?

    @OptionGroup var corpus: CorpusOptions

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
        let folders =
            labels.isEmpty
            ? [corpusURL.deletingLastPathComponent().appendingPathComponent("eval/labels/vendor-terms")]
            : labels.map { URL(fileURLWithPath: $0) }
        return try folders.reduce(into: Set<String>()) { $0.formUnion(try GoldLabels.heldOutFileNames(in: $1)) }
    }

    func validate() throws {
        guard split != .validation else { throw ValidationError("the validation split is held out: train on dev") }
        guard hiddenUnits >= 0, hiddenRows >= 0, hiddenMembers >= 1 else {
            throw ValidationError(
                "--hidden-units and --hidden-rows cannot be negative, --hidden-members must be at least 1"
            )
        }
        guard (data == nil) != (synthetic == nil) else {
            throw ValidationError("give either --data (CUAD) or --synthetic (all provisions), not both")
        }
        guard (adds == nil) == (addingTo == nil), adds == nil || synthetic != nil else {
            throw ValidationError("--adds and --adding-to go together, with --synthetic")
        }
        guard labels.count == labelsData.count else {
            throw ValidationError("each --labels needs its --labels-data (the folder of the labelled documents)")
        }
        if (domainLabels == nil) != (domainLabelsData == nil) {
            throw ValidationError("--domain-labels and --domain-labels-data go together")
        }
    }

    func run() async throws {
        let started = Date()
        // The rules the model is combined with, without any model already shipped.
        let setup = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: true)
        let categories = setup.cuadCategories
        guard !categories.isEmpty else { throw CLIError("no provision of the taxonomy maps to a CUAD category") }
        let order = setup.corpus.taxonomy.provisions.map(\.id).filter { synthetic != nil || categories[$0] != nil }
        let documents = try trainingDocuments(setup: setup, categories: categories)
        var (training, summary) = try await TrainingSet(analyzer: setup.analyzer).build(documents, provisions: order)
        if let synthetic {
            let composed = try SyntheticCorpus.load(folder: URL(fileURLWithPath: synthetic)).documents()
            training += try TrainingSet(analyzer: setup.analyzer).build(synthetic: composed, provisions: order)
            summary.documents += composed.count
        }
        let outOfDomain = try outOfDomainDocuments(setup: setup)
        let read = Date().timeIntervalSince(started)
        let (model, report) = ModelTrainer.train(
            training,
            provisions: order,
            trainedOn: trainedOn(documents: documents.count),
            outOfDomain: outOfDomain,
            outOfDomainSource: "\(outOfDomain.count) documents of \(domainSources)",
            settings: settings
        )
        let encoded = try adding(model).encoded()
        let url =
            out.map { URL(fileURLWithPath: $0) } ?? setup.corpusURL.appendingPathComponent(AnalysisSetup.modelPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded.write(to: url)
        let total = Date().timeIntervalSince(started)

        print(
            "trained on \(summary.documents) documents (split \(split.rawValue)), \(report.sentences) sentences; "
                + "\(summary.locatedClauses) labelled clauses located, \(summary.unlocatedClauses) not found"
        )
        print(TrainingReportTable(report: report, settings: settings).text, terminator: "")
        print(
            "wrote \(url.path) (\(report.vocabulary) features, "
                + String(
                    format: "%.1f KB) in %.1f s (reading and rules %.1f s)",
                    Double(encoded.count) / 1024,
                    total,
                    read
                )
        )
    }

    /// The model to write: the one trained, or with --adds the --adding-to model with its chosen categories.
    private func adding(_ model: LearnedModel) throws -> LearnedModel {
        guard let adds, let addingTo else { return model }
        let base = try LearnedModel.decode(Data(contentsOf: URL(fileURLWithPath: addingTo)))
        let wanted = Set(adds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let unknown = wanted.subtracting(model.categories.map(\.provision))
        guard unknown.isEmpty else { throw CLIError("--adds names unknown provisions: \(unknown.sorted())") }
        return try base.adding(wanted, from: model)
    }

    /// What the model file says it was trained on.
    private func trainedOn(documents: Int) -> String {
        guard synthetic == nil else {
            return "the synthetic corpus" + (labels.isEmpty ? "" : " and \(documents) labelled documents (dev split)")
        }
        return "CUAD, split \(split.rawValue), \(documents) contracts" + (labels.isEmpty ? "" : " with label files")
    }

    /// The CUAD contracts of the split, and the dev-split documents of our own label files when given.
    private func trainingDocuments(setup: AnalysisSetup, categories: [String: String]) throws -> [LabelledDocument] {
        var documents =
            try data.map { split.filter(try CUADDataset.load(from: URL(fileURLWithPath: $0), categories: categories)) }
            ?? []
        for (labels, labelsData) in zip(labels, labelsData) {
            let gold = try GoldLabels.load(
                labels: URL(fileURLWithPath: labels),
                data: URL(fileURLWithPath: labelsData),
                provisions: setup.corpus.taxonomy.provisions.map(\.id)
            )
            // Validation label files stay held out whatever --split says.
            documents += gold.filter { $0.split == .dev }.map(\.document)
        }
        return documents
    }

    /// Where the gate's out-of-domain documents come from, for the model file.
    private var domainSources: String {
        [domainData, domainLabels.map { "\($0) (dev)" }].compactMap { $0 }
            .map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " and ")
    }

    /// The documents unlike the training contracts that the domain gate learns from (none without --domain-data).
    private func outOfDomainDocuments(setup: AnalysisSetup) throws -> [LearningDocument] {
        guard let domainData else { return [] }
        let heldOut = try heldOutNames(corpusURL: setup.corpusURL)
        var documents = try DomainDocuments.read(folder: URL(fileURLWithPath: domainData), excludingFileNames: heldOut)
        if let domainLabels, let domainLabelsData {
            let gold = try GoldLabels.load(
                labels: URL(fileURLWithPath: domainLabels),
                data: URL(fileURLWithPath: domainLabelsData),
                provisions: setup.corpus.taxonomy.provisions.map(\.id)
            )
            let reader = DocumentReader()
            documents += try gold.filter { $0.split == .dev }.map { try reader.read(fileAt: $0.document.file) }
        }
        return documents.map { setup.analyzer.learningDocument($0, names: false).0 }
    }

    /// The trainer's settings, with the options given.
    private var settings: ModelTrainer.Settings {
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
        return settings
    }
}
