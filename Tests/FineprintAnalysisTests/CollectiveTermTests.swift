import FineprintAnalysis
import FineprintCore
import FineprintReading
import Testing

/// A collective parenthetical (`(collectively, "X")`) names the list its sentence gives: an aside quoting another
/// name does not cut the list, and a defined term that acts on the list ("by the Service") is not one of its members.
@Suite struct CollectiveTermTests {
    func classes(_ text: String) throws -> [String: String?] {
        let reading = try ContractReader(lexicons: try Repo.corpus.get().reading).read(text: text)
        return Dictionary(reading.terms.map { ($0.name, $0.termClass) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aListRunsOnPastAQuotedAsideAndItsAgent() throws {
        let text = """
            "Service" means the hosted note-taking service of Harrowgate Labs.
            All data, files, messages and recordings uploaded by you, or collected from your phone (including our \
            "Clip" recorder and your tablet) by the Service (collectively, "Quorvane Items"), stay yours.
            """
        let found = try classes(text)
        #expect(found["Service"] == "services")
        #expect(found["Quorvane Items"] == "buyer_data")
    }

    /// The members of a list still give it their class when they follow "to" or "in" ("rights in and to your
    /// Inputs and Outputs (collectively, "X")").
    @Test func membersAfterOtherPrepositionsStillCount() throws {
        let text = """
            "Prompts" means the text you submit. "Answers" means what the Service returns in response to Prompts.
            You own all rights in and to your Prompts and Answers (collectively, "Quorvane Items").
            """
        #expect(try classes(text)["Quorvane Items"] == "buyer_data")
    }
}
