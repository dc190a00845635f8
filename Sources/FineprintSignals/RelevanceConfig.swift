import Foundation
import Yams

/// The scoring's data: `corpus/signals/relevance.yaml` (`fineprint.signals.relevance/1`).
public struct RelevanceConfig: Codable, Sendable, Equatable {
    public static let schemaId = "fineprint.signals.relevance/1"

    public struct Weights: Codable, Sendable, Equatable {
        public var identifier: Double
        public var instrument: Double
        public var partnership: Double
        public var provision: Double
        public var topic: Double
        public var procurement: Double
        public var negative: Double
        public var primarySource: Double

        enum CodingKeys: String, CodingKey {
            case identifier, instrument, partnership, provision, topic, procurement, negative
            case primarySource = "primary_source"
        }
    }

    public var schema: String
    public var threshold: Double
    public var titleFactor: Double
    public var weights: Weights
    public var instrumentAliases: [String: [String]]
    public var topicTerms: [String]
    public var procurementTerms: [String]
    public var negativeTerms: [String]
    public var provisionTerms: [String: [String]]

    enum CodingKeys: String, CodingKey {
        case schema, threshold, weights
        case titleFactor = "title_factor"
        case instrumentAliases = "instrument_aliases"
        case topicTerms = "topic_terms"
        case procurementTerms = "procurement_terms"
        case negativeTerms = "negative_terms"
        case provisionTerms = "provision_terms"
    }

    public static func load(fromCorpus corpus: URL) throws -> RelevanceConfig {
        let url = corpus.appendingPathComponent("signals/relevance.yaml")
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SignalError("signals/relevance.yaml: cannot read (\(error.localizedDescription))")
        }
        let config: RelevanceConfig
        do { config = try YAMLDecoder().decode(RelevanceConfig.self, from: text) } catch {
            throw SignalError("signals/relevance.yaml: \(error)")
        }
        guard config.schema == schemaId else {
            throw SignalError("signals/relevance.yaml: schema \(config.schema); expected \(schemaId)")
        }
        return config
    }

    /// Problems against the taxonomy and the knowledge base's instruments.
    public func validate(provisionIds: Set<String>, instruments: Set<String>) -> [String] {
        var problems: [String] = []
        for id in provisionTerms.keys.sorted() where !provisionIds.contains(id) {
            problems.append("signals/relevance.yaml: provision_terms names unknown provision \(id)")
        }
        for name in instrumentAliases.keys.sorted() where !instruments.contains(name) {
            problems.append("signals/relevance.yaml: instrument_aliases names unknown instrument \(name)")
        }
        if threshold <= 0 { problems.append("signals/relevance.yaml: threshold must be positive") }
        if titleFactor < 1 { problems.append("signals/relevance.yaml: title_factor must be at least 1") }
        return problems
    }
}
