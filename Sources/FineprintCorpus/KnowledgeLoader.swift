import FineprintCore
import Foundation

/// Reads corpus/knowledge/ (docs/knowledge-format.md) into a `KnowledgeBase`.
public enum KnowledgeLoader {
    /// Loads the knowledge base of the corpus in `corpusDirectory`. Throws the first file that cannot be read
    /// or decoded; `KnowledgeValidator` then checks references, dates and provenance.
    public static func load(fromCorpus corpusDirectory: URL) throws -> KnowledgeBase {
        let root = corpusDirectory
        let sources: SourcesFile = try CorpusLoader.decode(
            root,
            "knowledge/sources.yaml",
            schema: KnowledgeSchema.sources
        )
        let reviewers: ReviewersFile = try CorpusLoader.decode(
            root,
            "knowledge/reviewers.yaml",
            schema: KnowledgeSchema.reviewers
        )
        var patterns: [DealPattern] = []
        for file in try CorpusLoader.yamlFiles(root, "knowledge/patterns") {
            let pattern: DealPattern = try CorpusLoader.decode(
                root,
                "knowledge/patterns/" + file,
                schema: KnowledgeSchema.pattern
            )
            // The file name is the pattern's id, so a page's address and its file never disagree.
            let stem = (file as NSString).deletingPathExtension
            guard pattern.id == stem else {
                throw CorpusError(
                    file: "knowledge/patterns/" + file,
                    message: "id '\(pattern.id)' differs from the file name '\(stem)'"
                )
            }
            patterns.append(pattern)
        }
        let partnerships: PartnershipsFile = try CorpusLoader.decode(
            root,
            "knowledge/partnerships.yaml",
            schema: KnowledgeSchema.partnerships
        )
        let precedents: PrecedentsFile = try CorpusLoader.decode(
            root,
            "knowledge/precedents.yaml",
            schema: KnowledgeSchema.precedents
        )
        let regulations: RegulationsFile = try CorpusLoader.decode(
            root,
            "knowledge/regulations.yaml",
            schema: KnowledgeSchema.regulations
        )
        return KnowledgeBase(
            sources: sources.sources,
            reviewers: reviewers.reviewers,
            patterns: patterns,
            partnerships: partnerships.partnerships,
            precedents: precedents.precedents,
            regulations: regulations.regulations
        )
    }
}

// The shapes of the files in corpus/knowledge/.

struct SourcesFile: Decodable { var sources: [KnowledgeSource] }
struct ReviewersFile: Decodable { var reviewers: [Reviewer] }
struct PartnershipsFile: Decodable { var partnerships: [Partnership] }
struct PrecedentsFile: Decodable { var precedents: [Precedent] }
struct RegulationsFile: Decodable { var regulations: [RegulatoryProvision] }

/// The schema id each knowledge file must declare.
enum KnowledgeSchema {
    static let sources = "fineprint.knowledge.sources/1"
    static let reviewers = "fineprint.knowledge.reviewers/1"
    static let pattern = "fineprint.knowledge.pattern/1"
    static let partnerships = "fineprint.knowledge.partnerships/1"
    static let precedents = "fineprint.knowledge.precedents/1"
    static let regulations = "fineprint.knowledge.regulations/1"
}
