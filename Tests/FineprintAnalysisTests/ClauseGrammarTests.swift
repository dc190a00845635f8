import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintTestSupport
import Foundation
import Testing

/// The grammar around a rule's match is the reading lexicon's data: negation, the acting party, a list item's
/// lead-in and a party's possessive.
@Suite struct ClauseGrammarTests {
    func analyze(_ text: String, _ corpus: Corpus) throws -> Analysis {
        let analyzer = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        return analyzer.analyze(try Repo.document(text), playbook: playbook)
    }

    func status(_ id: String, _ text: String) throws -> ProvisionStatus? {
        try Repo.analyze(text).finding(id)?.status
    }

    @Test func negationIsReadWithTheLexiconsWords() throws {
        var corpus = try BundledCorpus.corpus.get()
        let text = "The Supplier will not use Customer Data to train any artificial intelligence model."
        #expect(try analyze(text, corpus).finding("secondary_use_restriction")?.status == .present)
        let english = try #require(corpus.reading.firstIndex { $0.language == "en" })
        corpus.reading[english].clauseGrammar?.negators.remove("not")
        #expect(try analyze(text, corpus).finding("secondary_use_restriction")?.status == .absent)
    }

    /// A French rule is read with the French grammar: "jamais" negates and "le Prestataire ne …" acts.
    @Test func aFrenchContractIsReadWithTheFrenchGrammar() throws {
        var corpus = try BundledCorpus.corpus.get()
        corpus.rules = [
            DetectionRule(
                provision: "secondary_use_restriction",
                cues: [Cue(pattern: "utilis* ..8 entraîn*", weight: 0.9, when: .negated, party: .supplier)]
            )
        ]
        let preamble = """
            CONTRAT DE PRESTATION
            Entre la société NORDVENT SAS, ci-après dénommée « le Prestataire », et le Ministère du Numérique, \
            ci-après dénommé « le Client ».

            """
        let refusal = preamble + "Le Prestataire ne les utilise jamais pour entraîner ses modèles."
        #expect(try analyze(refusal, corpus).finding("secondary_use_restriction")?.status == .present)
        let permission = preamble + "Le Prestataire les utilise pour entraîner ses modèles."
        #expect(try analyze(permission, corpus).finding("secondary_use_restriction")?.status == .absent)
        let clients = preamble + "Le Client ne les utilise jamais pour entraîner ses modèles."
        #expect(try analyze(clients, corpus).finding("secondary_use_restriction")?.status == .absent)
    }

    @Test func aListItemTakesTheSubjectAndNegationOfItsLeadIn() throws {
        let refusal = """
            4. Your Content

            We will not:

            (a) sell your Content to third parties; or

            (b) use your Content to train our artificial intelligence models.
            """
        #expect(try status("secondary_use_restriction", refusal) == .present)
        let permission = refusal.replacingOccurrences(of: "We will not:", with: "We may:")
        #expect(try status("secondary_use_restriction", permission) == .absent)
        #expect(try Repo.analyze(permission).move("vendor_trains_on_customer_data") != nil)
        let buyers = refusal.replacingOccurrences(of: "We will not:", with: "You will not:")
        #expect(try status("secondary_use_restriction", buyers) == .absent)
    }

    @Test func aParagraphOutsideTheListEndsTheLeadIn() throws {
        let text = """
            We will not:

            (a) charge you for support.

            Training.

            (b) use your Content to train our artificial intelligence models.
            """
        #expect(try status("secondary_use_restriction", text) == .absent)
    }
}
