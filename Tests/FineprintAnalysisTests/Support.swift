import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintIngest
import FineprintTestSupport
import Foundation

/// Paths and shared objects for the analysis tests: the repository's own corpus and fixtures.
enum Repo {
    static let root = RepositoryPaths.root
    static let corpusURL = RepositoryPaths.corpus
    static let fixtures = RepositoryPaths.fixtures

    /// The bundled corpus, loaded once. A failure to load is reported by the tests that use it.
    static let corpus: Result<Corpus, Error> = BundledCorpus.corpus
    static let analyzer: Result<Analyzer, Error> = BundledCorpus.analyzer

    static func document(_ text: String, name: String = "case.txt") throws -> ExtractedDocument {
        try DocumentReader().read(data: Data(text.utf8), name: name, format: .txt)
    }

    static func analyze(_ text: String, profile: String = "tier1", home: [String] = []) throws -> Analysis {
        let analyzer = try analyzer.get()
        var playbook = try requirePlaybook(analyzer.corpus, profile)
        playbook.homeJurisdictions = home
        return analyzer.analyze(try document(text), playbook: playbook)
    }
}

struct MissingPlaybook: Error, CustomStringConvertible {
    var id: String
    var description: String { "the corpus has no playbook '\(id)'" }
}

func requirePlaybook(_ corpus: Corpus, _ id: String) throws -> Playbook {
    guard let p = corpus.playbook(id) else { throw MissingPlaybook(id: id) }
    return p
}
