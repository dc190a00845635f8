import FineprintCore
import FineprintCorpus
import FineprintKnowledge
import Foundation

/// The corpus with its knowledge base, checked, and the scorer that reads partnerships' public terms.
struct KnowledgeSetup {
    let analysis: AnalysisSetup
    let knowledge: KnowledgeBase
    let scorer: PartnershipScorer

    /// `listingProblems`: print each problem of the knowledge base before refusing it.
    init(corpusPath: String?, profile: String, listingProblems: Bool = false) throws {
        analysis = try AnalysisSetup(corpusPath: corpusPath)
        knowledge = try KnowledgeLoader.load(fromCorpus: analysis.corpusURL)
        let problems = KnowledgeValidator.validate(knowledge, against: analysis.corpus)
        guard problems.isEmpty else {
            if listingProblems { for p in problems { Console.error(p.description) } }
            throw CLIError("the knowledge base has \(problems.count) problem(s); run `fineprint corpus validate`")
        }
        scorer = PartnershipScorer(
            analyzer: analysis.analyzer,
            corpus: analysis.corpus,
            knowledge: knowledge,
            playbook: try analysis.playbook(profile: profile, file: nil)
        )
    }
}
