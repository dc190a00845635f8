import FineprintAnalysis
import FineprintCore
import FineprintReading
import Foundation
import Testing

/// Names that are no ordinary words: an address standing where a party's name would, and a company name that begins
/// like a cue's word.
@Suite struct PartyNameReadingTests {
    /// A flattened signature table puts each party's address before its bracketed role: the brackets name the party,
    /// the address does not, and near the top an alias that is no role word is a party all the same.
    @Test func anAddressBeforeTheBracketsIsNoName() throws {
        let reading = try ContractReader(lexicons: Repo.corpus.get().reading).read(
            text: """
                TRANSPORT AGREEMENT
                This agreement is made between HARLOW FREIGHT COMPANY ("Carrier") and ORRIN MILLS OPERATING L.P.,
                     P.O. Box 4410          Brimley,          TX   77210     ("Shipper").
                The Carrier shall carry the goods the Shipper tenders.
                Notices:   Harlow Freight Company        Orrin Mills Operating L.P.
                   12 Quay Street    Suite 300                   Kemble Road
                   (hereinafter referred to as "Customer")
                """
        )
        let names = reading.parties.flatMap(\.names)
        #expect(names.contains("Shipper"))
        #expect(!names.contains { $0.contains("Box") || $0.contains("Kemble") || $0.contains("Suite") })
        #expect(reading.party(.buyer)?.names == ["Customer"])
    }

    /// "Changeworks" is a party's name, not a form of "change": a cue's word prefix never matches it.
    @Test func aPartyNameIsNoCueWord() throws {
        let text = """
            This Licence Agreement is made between Changeworks, Inc. ("Changeworks") and Orland Corp. ("Orland").
            Orland customers may receive training directly from Changeworks at Changeworks's normal training fees.
            """
        #expect(try Repo.analyze(text).finding("unilateral_change")?.status == .absent)
        let changing = text + "\nChangeworks may change its training fees at any time."
        #expect(try Repo.analyze(changing).finding("unilateral_change")?.status == .present)
    }
}
