import FineprintCorpus
import FineprintSignals
import Foundation

/// The operator's knowledge folder a promotion writes into: seeded from the bundled corpus's `knowledge/`, written,
/// validated against the bundled corpus, and restored when the validator finds a problem. The CLI's
/// `signals promote` and the signals web page both write through it.
public struct KnowledgeDrafts: Sendable {
    /// A corpus-shaped folder: the promotion writes into its `knowledge/` subfolder.
    public let folder: URL
    /// The corpus the drafts are seeded from and validated against; never written.
    public let bundledCorpus: URL

    public init(folder: URL, bundledCorpus: URL) {
        self.folder = folder
        self.bundledCorpus = bundledCorpus
    }

    public var knowledgeFolder: URL { folder.appendingPathComponent("knowledge") }

    /// Applies the promotion to the folder's files and validates the result; on a problem the files are put back
    /// and `KnowledgeDraftRejected` lists what the validator found.
    public func write(_ promotion: SignalPromotion) throws -> SignalPromotion.Result {
        let knowledge = knowledgeFolder
        guard
            knowledge.standardizedFileURL.path
                != bundledCorpus.appendingPathComponent("knowledge").standardizedFileURL.path
        else { throw SignalError("promotion never writes into the bundled corpus; choose another drafts folder") }
        try seed()
        let sourcesURL = knowledge.appendingPathComponent("sources.yaml")
        let regulationsURL = knowledge.appendingPathComponent("regulations.yaml")
        let oldSources = try String(contentsOf: sourcesURL, encoding: .utf8)
        let oldRegulations = try String(contentsOf: regulationsURL, encoding: .utf8)
        let result = try promotion.apply(sourcesYAML: oldSources, regulationsYAML: oldRegulations)
        try Data(result.sourcesYAML.utf8).write(to: sourcesURL)
        try Data(result.regulationsYAML.utf8).write(to: regulationsURL)
        let problems = validationProblems()
        guard problems.isEmpty else {
            try Data(oldSources.utf8).write(to: sourcesURL)
            try Data(oldRegulations.utf8).write(to: regulationsURL)
            throw KnowledgeDraftRejected(problems: problems)
        }
        return result
    }

    /// Copies the bundled knowledge folder on first use.
    private func seed() throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: knowledgeFolder.path) else { return }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try fm.copyItem(at: bundledCorpus.appendingPathComponent("knowledge"), to: knowledgeFolder)
    }

    private func validationProblems() -> [String] {
        do {
            let base = try KnowledgeLoader.load(fromCorpus: folder)
            return KnowledgeValidator.validate(base, against: try CorpusLoader.load(from: bundledCorpus))
                .map(\.description)
        } catch {
            return ["\(error)"]
        }
    }
}

/// The knowledge validator found problems in a promoted item; nothing was written.
public struct KnowledgeDraftRejected: Error, CustomStringConvertible, Sendable {
    public var problems: [String]

    public var description: String {
        "the promoted item does not validate (\(problems.count) problem(s)); nothing was written"
    }
}
