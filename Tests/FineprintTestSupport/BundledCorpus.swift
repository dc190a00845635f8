import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import Foundation

/// The bundled corpus and a rules-only analyzer over it, loaded once; a failure to load is reported by the
/// tests that use them.
public enum BundledCorpus {
    public static let corpus: Result<Corpus, Error> = Result { try CorpusLoader.load(from: RepositoryPaths.corpus) }
    public static let analyzer: Result<Analyzer, Error> = corpus.flatMap { c in Result { try Analyzer(corpus: c) } }
}
