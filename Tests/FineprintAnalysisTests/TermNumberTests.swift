import FineprintAnalysis
import FineprintCore
import FineprintReading
import Testing

/// A defined term is the same term in either grammatical number, and a collective parenthetical is headed by the
/// list that opens its sentence.
@Suite struct TermNumberTests {
    func lexicon() throws -> ReadingLexicon {
        try #require(try Repo.corpus.get().reading.first { $0.language == "en" })
    }

    @Test func englishNounsChangeNumberByTheirEndings() throws {
        let numbers = NumberForms(try lexicon())
        #expect(numbers.otherForms(of: "submission").contains("submissions"))
        #expect(numbers.otherForms(of: "submissions").contains("submission"))
        #expect(numbers.otherForms(of: "party").contains("parties"))
        #expect(numbers.otherForms(of: "parties").contains("party"))
        #expect(numbers.otherForms(of: "address").contains("addresses"))
        #expect(numbers.otherForms(of: "day").contains("days"))
        // A plural is not made plural again, and a word is never its own other form.
        #expect(!numbers.otherForms(of: "services").contains("servicess"))
        #expect(!numbers.otherForms(of: "services").contains("services"))
        #expect(NumberForms.none.otherForms(of: "submission").isEmpty)
    }

    @Test func aRenamedWordChangesNumberAsTheOriginalDid() throws {
        let numbers = NumberForms(try lexicon())
        let plural = try #require(numbers.forms(of: "entry").first { $0.word == "entries" })
        #expect(numbers.changed("ambrith", like: plural) == "ambriths")
        #expect(numbers.changed("yarrowby", like: plural) == "yarrowbies")
        let singular = try #require(numbers.forms(of: "records").first { $0.word == "record" })
        #expect(numbers.changed("telmaris", like: singular) == "telmari")
    }

    /// "is considered a "X"" defines X; the text then writes it in the plural, and a promise about the plural is
    /// a promise about the buyer's data.
    @Test func aTermDefinedInTheSingularIsReadInThePlural() throws {
        let text = """
            TERMS OF SERVICE
            These Terms are an agreement between you and Harrowgate Labs, Inc. ("Harrowgate", "we" or "us").
            1. Your material. Anything you upload to the Platform is considered a "Ledger Entry." You keep all \
            rights in your Ledger Entries.
            2. No training. Harrowgate will not use Ledger Entries to train any foundation models.
            """
        let reading = try ContractReader(lexicons: try Repo.corpus.get().reading).read(text: text)
        #expect(reading.terms.first { $0.name == "Ledger Entry" }?.termClass == "buyer_data")
        let analysis = try Repo.analyze(text)
        #expect(analysis.finding("secondary_use_restriction")?.status == .present)
        // The singular alone does not carry the promise when the plural is another name.
        let unrelated = text.replacingOccurrences(of: "use Ledger Entries", with: "use Ledger Pages")
        #expect(unrelated != text)
        #expect(try Repo.analyze(unrelated).finding("secondary_use_restriction")?.status == .absent)
    }

    @Test func aCollectiveParentheticalIsHeadedByTheListThatOpensIt() throws {
        let reading = try ContractReader(lexicons: try Repo.corpus.get().reading).read(
            text: """
                All data, files and messages received or collected by the Platform (collectively, "Quorvane \
                Items") are governed by this section.
                """
        )
        #expect(reading.terms.first { $0.name == "Quorvane Items" }?.termClass == "buyer_data")
    }
}
