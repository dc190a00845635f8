import FineprintCore
import FineprintCorpus
import FineprintSignalFetch
import FineprintSignals
import Foundation
import Logging

/// `serve --signals-interval`: how often the server harvests the enabled signal sources, and how it introduces
/// itself to publishers.
public struct SignalHarvestSettings: Sendable {
    public var interval: Duration
    /// How the operator can be reached, sent in the User-Agent.
    public var contact: String
    /// Largest answer read, in bytes.
    public var maxBytes: Int

    public init(interval: Duration, contact: String, maxBytes: Int = 8 << 20) {
        self.interval = interval
        self.contact = contact
        self.maxBytes = maxBytes
    }
}

/// Builds the harvest service from the corpus the server loaded: the declared sources, and the same scorer
/// `fineprint signals run` builds (taxonomy, the whole knowledge base, relevance data).
struct SignalHarvestSetup {
    let settings: SignalHarvestSettings
    let corpusURL: URL
    let corpus: Corpus
    let knowledge: KnowledgeBase

    func service(bench: WebWorkbench, logLevel: Logger.Level) throws -> SignalHarvestService {
        guard let provider = bench.store as? any SignalStoreProvider else {
            throw SignalError("this store keeps no signals, so the server cannot harvest them")
        }
        let scorer = RelevanceScorer(
            config: try RelevanceConfig.load(fromCorpus: corpusURL),
            provisions: corpus.taxonomy.provisions,
            knowledge: knowledge
        )
        let runner = SignalRunner(
            harvester: SignalHarvester(store: provider.signalStore(), scorer: scorer),
            fetcher: PoliteFetcher(settings: .init(contact: settings.contact, maxBytes: settings.maxBytes))
        )
        var logger = Logger(label: "fineprint.signals")
        logger.logLevel = logLevel
        return SignalHarvestService(
            runner: runner,
            sources: bench.signalSources.sources,
            interval: settings.interval,
            logger: logger
        )
    }
}
