import FineprintAnalysis
import FineprintCore
import FineprintTestSupport
import Testing

/// A provision's value (a period, a cap in fees paid, a sum) is read with the words of the document's language,
/// which the reading lexicon holds.
@Suite struct ValueWordsTests {
    func analyze(_ text: String, _ corpus: Corpus) throws -> Analysis {
        let analyzer = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        return analyzer.analyze(try Repo.document(text), playbook: playbook)
    }

    static let frenchPreamble = """
        CONTRAT DE PRESTATION
        Entre la société NORDVENT SAS, ci-après dénommée « le Prestataire », et le Ministère du Numérique, \
        ci-après dénommé « le Client ».

        """

    func frenchCorpus() throws -> Corpus {
        var corpus = try BundledCorpus.corpus.get()
        corpus.rules = [
            DetectionRule(
                provision: "breach_notification",
                cues: [Cue(pattern: "notifie* ..6 violation*", weight: 0.9)]
            ),
            DetectionRule(
                provision: "liability_cap",
                cues: [Cue(pattern: "responsabilité ..8 limitée", weight: 0.9)]
            ),
        ]
        return corpus
    }

    @Test func aFrenchPeriodIsReadWithTheFrenchUnits() throws {
        var corpus = try frenchCorpus()
        let text =
            Self.frenchPreamble
            + "Le Prestataire notifie au Client toute violation de données dans un délai de deux (2) jours ouvrés."
        #expect(try analyze(text, corpus).finding("breach_notification")?.value == "2 business days")
        let prompt = Self.frenchPreamble + "Le Prestataire notifie sans délai au Client toute violation de données."
        #expect(try analyze(prompt, corpus).finding("breach_notification")?.value == "sans délai")
        let french = try #require(corpus.reading.firstIndex { $0.language == "fr" })
        // Without "jours ouvrés" among the business-day words, only "jours" is read.
        corpus.reading[french].valueWords?.durationUnits["business_days"] = ["jour travaillé"]
        #expect(try analyze(text, corpus).finding("breach_notification")?.value == "2 days")
    }

    @Test func aFrenchCapInFeesPaidIsReadWithTheFrenchWords() throws {
        let text =
            Self.frenchPreamble
            + "La responsabilité du Prestataire est limitée aux redevances payées par le Client au cours des "
            + "douze (12) mois précédents, et en tout état de cause à 500 000 euros."
        let value = try analyze(text, try frenchCorpus()).finding("liability_cap")?.value
        #expect(value == "fees paid in 12 months or EUR 500 000")
    }

    @Test func anEnglishPeriodNeedsTheEnglishUnitWords() throws {
        var corpus = try BundledCorpus.corpus.get()
        let text = """
            The Supplier shall notify the Customer of any Personal Data Breach without undue delay and in any \
            event within 48 hours of becoming aware of it.
            """
        #expect(try analyze(text, corpus).finding("breach_notification")?.value == "48 hours")
        let english = try #require(corpus.reading.firstIndex { $0.language == "en" })
        corpus.reading[english].valueWords?.durationUnits["hours"] = ["hour"]
        #expect(try analyze(text, corpus).finding("breach_notification")?.value == "without undue delay")
    }
}
