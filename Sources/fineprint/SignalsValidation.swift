import FineprintCore
import FineprintCorpus
import FineprintSignals
import Foundation

/// `corpus validate`'s check of corpus/signals: the source declarations and the relevance data.
enum SignalsValidation {
    static func problems(corpus: URL, loaded: Corpus, knowledge: KnowledgeBase) -> [String] {
        var problems: [String] = []
        do {
            let catalog = try SignalSourceCatalog.load(fromCorpus: corpus)
            let folder = corpus.appendingPathComponent("signals/sources")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter {
                $0.hasSuffix(".yaml")
            }
            problems += catalog.validate(fileNames: files)
        } catch {
            problems.append("\(error)")
        }
        guard FileManager.default.fileExists(atPath: corpus.appendingPathComponent("signals/relevance.yaml").path)
        else { return problems }
        do {
            let config = try RelevanceConfig.load(fromCorpus: corpus)
            problems += config.validate(
                provisionIds: Set(loaded.taxonomy.provisions.map(\.id)),
                instruments: Set(knowledge.regulations.map { RelevanceScorer.shortName($0.instrument) })
            )
        } catch {
            problems.append("\(error)")
        }
        return problems
    }
}
