import FineprintCore
import Foundation
import Yams

/// A problem with the corpus, located in a file.
public struct CorpusError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// Reads corpus/ (docs/corpus-format.md) into a `Corpus`.
public enum CorpusLoader {
    /// Loads the corpus in `directory`. Throws the first file that cannot be read or decoded;
    /// `CorpusValidator` then checks references and content.
    public static func load(from directory: URL) throws -> Corpus {
        let taxonomy: TaxonomyFile = try decode(directory, "taxonomy.yaml", schema: CorpusSchema.taxonomy)
        var rules: [DetectionRule] = []
        for file in try yamlFiles(directory, "rules") {
            let decoded: RulesFile = try decode(directory, "rules/" + file, schema: CorpusSchema.rules)
            rules += decoded.rules
        }
        let moves: KillListFile = try decode(directory, "kill-list.yaml", schema: CorpusSchema.killList)
        var clauses: [ModelClause] = []
        for file in try yamlFiles(directory, "clauses") {
            let decoded: ClausesFile = try decode(directory, "clauses/" + file, schema: CorpusSchema.clauses)
            clauses += decoded.clauses
        }
        var playbooks: [Playbook] = []
        for file in try yamlFiles(directory, "playbooks") {
            playbooks.append(try decode(directory, "playbooks/" + file, schema: CorpusSchema.playbook))
        }
        let parties: PartyLexicon = try decode(directory, "lexicon/parties.yaml", schema: CorpusSchema.parties)
        let jurisdictions: JurisdictionsFile = try decode(
            directory,
            "lexicon/jurisdictions.yaml",
            schema: CorpusSchema.jurisdictions
        )
        let forums: ForumLexicon = try decode(directory, "lexicon/forums.yaml", schema: CorpusSchema.forums)
        var reading: [ReadingLexicon] = []
        for file in (try? yamlFiles(directory, "lexicon/reading")) ?? [] {
            reading.append(try decode(directory, "lexicon/reading/" + file, schema: CorpusSchema.reading))
        }
        var corpus = Corpus(
            taxonomy: Taxonomy(dimensions: taxonomy.dimensions, provisions: taxonomy.provisions),
            rules: rules,
            moves: moves.moves,
            clauses: clauses,
            playbooks: playbooks,
            parties: parties,
            jurisdictions: jurisdictions.jurisdictions,
            forums: forums
        )
        corpus.reading = reading
        corpus.positionSets = try positionSets(directory)
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("knowledge/sources.yaml").path) {
            let sources: SourcesFile = try decode(directory, "knowledge/sources.yaml", schema: KnowledgeSchema.sources)
            corpus.sources = sources.sources
        }
        return corpus
    }

    /// The negotiation position sets in positions/ (none when the folder is absent); each position's
    /// provision is required there, since a set is keyed by it.
    static func positionSets(_ directory: URL) throws -> [PositionSet] {
        var sets: [PositionSet] = []
        for file in (try? yamlFiles(directory, "positions")) ?? [] {
            let set: PositionSet = try decode(directory, "positions/" + file, schema: CorpusSchema.positions)
            if let index = set.positions.firstIndex(where: { $0.provision == nil }) {
                throw CorpusError(file: "positions/" + file, message: "position \(index + 1) names no provision")
            }
            sets.append(set)
        }
        return sets
    }

    /// Reads a playbook file a user wrote (same form as corpus/playbooks/*.yaml).
    public static func loadPlaybook(at url: URL) throws -> Playbook {
        try decode(url.deletingLastPathComponent(), url.lastPathComponent, schema: CorpusSchema.playbook)
    }

    static func yamlFiles(_ directory: URL, _ folder: String) throws -> [String] {
        let url = directory.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw CorpusError(file: folder + "/", message: "folder is missing")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    static func decode<T: Decodable>(_ directory: URL, _ relativePath: String, schema: String) throws -> T {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CorpusError(file: relativePath, message: "file is missing or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusError(file: relativePath, message: "not UTF-8 text")
        }
        do {
            let header = try YAMLDecoder().decode(SchemaHeader.self, from: text)
            guard header.schema == schema else {
                throw CorpusError(
                    file: relativePath,
                    message: "schema is \(header.schema.map { "'\($0)'" } ?? "missing"), expected '\(schema)'"
                )
            }
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as CorpusError {
            throw error
        } catch let error as DecodingError {
            throw CorpusError(file: relativePath, message: describe(error))
        } catch {
            throw CorpusError(file: relativePath, message: "\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
