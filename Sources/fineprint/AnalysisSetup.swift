import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintLearn
import Foundation

/// What every command that analyses needs: the corpus, an analyzer over it, and the chosen playbook.
struct AnalysisSetup {
    let corpusURL: URL
    /// `var`: judging under an ally's playbook adds the clauses and sources its positions carry.
    var corpus: Corpus
    let analyzer: Analyzer

    /// `rulesOnly`: leave the learned model out even when the corpus ships one.
    init(corpusPath: String?, rulesOnly: Bool = false) throws {
        corpusURL = try CorpusLocator.locate(explicit: corpusPath)
        corpus = try CorpusLoader.load(from: corpusURL)
        analyzer = try Analyzer(
            corpus: corpus,
            model: rulesOnly ? nil : try Self.loadModel(corpusURL: corpusURL, corpus: corpus)
        )
    }

    /// The model shipped beside the corpus (corpus/models/cuad-model.json), checked against the taxonomy;
    /// nil when the corpus has none.
    static let modelPath = "models/cuad-model.json"
    static func loadModel(corpusURL: URL, corpus: Corpus) throws -> LearnedModel? {
        let url = corpusURL.appendingPathComponent(modelPath)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let model: LearnedModel
        do { model = try LearnedModel.decode(try Data(contentsOf: url)) } catch {
            throw CLIError("\(url.path): \(error)")
        }
        let known = Set(corpus.taxonomy.provisions.map(\.id))
        if let unknown = model.categories.map(\.provision).first(where: { !known.contains($0) }) {
            throw CLIError("\(url.path): provision '\(unknown)' is not in the taxonomy; retrain with `fineprint train`")
        }
        return model
    }

    /// The playbook from a user's file, or the bundled one named by `profile`.
    func playbook(profile: String, file: String?) throws -> Playbook {
        if let file {
            let playbook = try CorpusLoader.loadPlaybook(at: URL(fileURLWithPath: file))
            let problems = CorpusValidator.validate(playbook: playbook, in: corpus)
            if !problems.isEmpty {
                throw CLIError("playbook \(file) is not valid: " + problems.map(\.message).joined(separator: "; "))
            }
            return playbook
        }
        guard let playbook = corpus.playbook(profile) else {
            throw CLIError(
                "unknown profile '\(profile)'; the corpus has: "
                    + corpus.playbooks.map(\.id).sorted().joined(separator: ", ")
            )
        }
        return playbook
    }

    /// Every provision the taxonomy maps to a CUAD category, with that category.
    var cuadCategories: [String: String] {
        Dictionary(uniqueKeysWithValues: corpus.taxonomy.provisions.compactMap { p in p.cuad.map { (p.id, $0) } })
    }
}
