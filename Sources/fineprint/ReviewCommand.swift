import ArgumentParser
import FineprintCore
import FineprintCorpus
import FineprintEval
import FineprintReview
import FineprintStore
import Foundation

/// People's reviews of stored analyses from the command line: show one, move its state or add a
/// note, and export reviewed analyses as gold labels (docs/review.md).
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Show, change and export people's reviews of stored analyses (docs/review.md).",
        subcommands: [ReviewExportCommand.self, ReviewShowCommand.self, ReviewSetCommand.self]
    )
}

/// The stored pieces of one reviewed analysis.
struct ReviewedRecord {
    var stored: StoredAnalysis
    var review: AnalysisReview
    var reviewed: ReviewedAnalysis
    var document: StoredDocument

    /// Loads an analysis, its document and its review, and applies the review.
    static func load(_ id: Int64, store: any CommandStore, corpus: Corpus) async throws -> ReviewedRecord {
        guard let stored = try await store.analysis(id: id) else {
            throw CLIError("no stored analysis has number \(id)")
        }
        let sha = stored.analysis.document.sha256
        guard let document = try await store.document(sha256: sha) else {
            throw StoreError.unknownDocument(sha256: sha)
        }
        let review = try await reviewStore(store).review(analysisId: id)
        let playbook = corpus.playbook(stored.analysis.profile) ?? corpus.playbooks[0]
        let reviewed = ReviewedAnalysis.apply(review, to: stored.analysis, corpus: corpus, playbook: playbook)
        return ReviewedRecord(stored: stored, review: review, reviewed: reviewed, document: document)
    }

    static func reviewStore(_ store: any CommandStore) throws -> any ReviewStore {
        guard let store = store as? any ReviewingStore else { throw CLIError("this store keeps no reviews") }
        return store.reviewStore()
    }

    /// Everyone who changed something in the review, in order of first appearance.
    var reviewers: [String] {
        let stamps =
            [review.stateStamp].compactMap { $0 } + review.findings.map(\.stamp) + review.moves.map(\.stamp)
            + review.notes.map(\.stamp)
        var names: [String] = []
        for name in stamps.compactMap(\.by) where !names.contains(name) { names.append(name) }
        return names
    }
}

struct ReviewExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write reviewed analyses as gold labels for `eval labels` and `train` (docs/labels-format.md).",
        discussion: """
            Writes one label file per reviewed document into --out and the document itself, as uploaded, into \
            --out/documents, so that `fineprint eval labels --labels OUT --data OUT/documents --split all` \
            scores the analyzer against what people confirmed or corrected. When a document was analysed \
            several times, its most recent reviewed analysis is exported. A document whose reviewed reading \
            cannot be written as labels (a present provision without a quote of four words or more) is \
            skipped with the reason.
            """
    )

    @OptionGroup var storage: StorageOptions
    @OptionGroup var corpus: CorpusOptions

    @Option(help: "The folder to write the label files (and documents/) into.")
    var out: String

    @Option(help: "Export analyses whose review is in this state: reviewed, in_review or draft.")
    var state: ReviewState = .reviewed

    @Option(help: "The split the label files declare: dev (rules and training may use them) or validation.")
    var split: DataSplit = .dev

    func validate() throws {
        guard split != .all else { throw ValidationError("--split is dev or validation") }
    }

    func run() async throws {
        let corpus = try CLIError.setup {
            try CorpusLoader.load(from: CorpusLocator.locate(explicit: self.corpus.corpus))
        }
        let folder = URL(fileURLWithPath: out)
        let documents = folder.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        let written = try await storage.withStore(mustExist: true) { store -> Int in
            let ids = try await ReviewedRecord.reviewStore(store).reviewedAnalysisIds(state: state)
            var records: [String: ReviewedRecord] = [:]
            for id in ids {
                let record = try await ReviewedRecord.load(id, store: store, corpus: corpus)
                records[record.document.sha256] = record  // ids ascend: the latest analysis wins
            }
            var count = 0
            for record in records.values.sorted(by: { $0.stored.summary.id < $1.stored.summary.id }) {
                if try await write(record, store: store, folder: folder, documents: documents) { count += 1 }
            }
            try await OperatorAudit.record(
                .download,
                "review",
                "export",
                detail: "\(count) reviewed analyses (\(state.rawValue)) as gold labels to \(folder.path)",
                in: store.auditLog()
            )
            return count
        }
        print("wrote \(written) label files to \(folder.path) (documents in \(documents.path))")
        if written > 0 {
            print(
                "measure: fineprint eval labels --labels \(folder.path) --data \(documents.path) --split \(split.rawValue)"
            )
        }
    }

    /// Writes one record's label file and document; false (with the reason on standard error) when skipped.
    func write(_ record: ReviewedRecord, store: any CommandStore, folder: URL, documents: URL) async throws -> Bool {
        let analysis = record.reviewed.analysis
        let base = ReviewLabels.baseName(analysisId: record.stored.summary.id, documentName: analysis.document.name)
        let documentName = "\(base).\(ReviewLabels.fileExtension(analysis.document.format))"
        let date = record.review.stateStamp?.at ?? Date()
        let file = ReviewLabels.labelFile(
            analysis,
            text: record.document.text,
            document: documentName,
            split: split,
            by: record.reviewers.isEmpty ? "reviewer" : record.reviewers.joined(separator: ", "),
            date: String(ISO8601DateFormatter().string(from: date).prefix(10)),
            notes: Dictionary(record.review.findings.compactMap { r in r.note.map { (r.provision, $0) } }) { a, _ in a }
        )
        guard file.problems.isEmpty else {
            Console.error("skipped analysis \(record.stored.summary.id): " + file.problems.joined(separator: "; "))
            return false
        }
        guard let bytes = try await store.documentBytes(sha256: record.document.sha256) else {
            throw StoreError.unknownDocument(sha256: record.document.sha256)
        }
        try bytes.write(to: documents.appendingPathComponent(documentName))
        try Data(file.yaml.utf8).write(to: folder.appendingPathComponent("\(base).yaml"))
        return true
    }
}

extension ReviewState: ExpressibleByArgument {}
