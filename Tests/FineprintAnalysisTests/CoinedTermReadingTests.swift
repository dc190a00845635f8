import FineprintCore
import FineprintReading
import Foundation
import Testing

/// Defined terms whose names carry no class word ("Brindle Sorrels"): what the invariance check makes of "Inputs",
/// "Outputs" and "Content" when it renames them. Such a name is classed only by what defines it, so these
/// definitions must be read as counsel reads them, and the name must never be taken for a party.
@Suite struct CoinedTermReadingTests {
    func reader() throws -> ContractReader { ContractReader(lexicons: try Repo.corpus.get().reading) }

    func classes(_ text: String) throws -> [String: String?] {
        Dictionary(try reader().read(text: text).terms.map { ($0.name, $0.termClass) }, uniquingKeysWith: { a, _ in a })
    }

    /// A name in brackets is defined by the words of its own sentence before it, even when they start far back ("you
    /// and your end users may … , including … ("Z")"), and never by the sentence before.
    @Test func aBracketedNameIsDefinedByItsWholeSentence() throws {
        let found = try classes(
            """
            In connection with your use of the workspace, you and your end users may upload or create certain notes, \
            drafts, tables and documents through the workspace, including text and images shown within an editor \
            pane ("Brindle Sorrels"). You keep every right in them.
            Files that you upload stay yours. The weekly digest is compiled by our editors from public sources \
            ("Harrow Quints").
            """
        )
        #expect(found["Brindle Sorrels"] == "buyer_data")
        #expect(found["Harrow Quints"] == .some(nil))
    }

    /// "your X and Y, each as defined below (collectively, "Z")": X and Y are things the buyer has, not a company
    /// named in the preamble, however capitalised.
    @Test func namesAfterAPossessiveAreThingsNotParties() throws {
        let reading = try reader().read(
            text: """
                These Terms are an agreement between you and Lumora AI, Inc. ("Lumora", "we" or "us").
                1. Ownership. You keep every right in your Brindle Sorrels and Harrow Quints, each as described below \
                (collectively, "Mossvale Tarn"), and Lumora claims no ownership of your Mossvale Tarn.
                """
        )
        #expect(reading.partyWords["lumora"] == .supplier)
        for word in ["brindle", "harrow", "quints", "sorrels", "mossvale", "tarn"] {
            #expect(reading.partyWords[word] == nil, "\(word) is not a party's name")
        }
        #expect(!reading.parties.flatMap(\.names).contains { $0.contains("Mossvale") || $0.contains("Harrow") })
    }

    /// A long list before "(collectively, …)": the definition is the whole list, back to its sentence's start, so
    /// "you send" still classes the name when twenty words of examples follow it.
    @Test func aCollectiveNameIsDefinedByItsWholeList() throws {
        let found = try classes(
            """
            You answer for the lawfulness of the text, files, pictures or other material you send to the Services, \
            whatever its form or format, such as letters, spreadsheets, slides, source code, tables, maps, photographs, \
            drawings, sound recordings, films or scans (collectively, "Brindle Sorrels").
            """
        )
        #expect(found["Brindle Sorrels"] == "buyer_data")
    }

    /// A coined collection of the buyer's inputs and the service's suggestions is the buyer's data, as "Content"
    /// would be by its own head, though "Suggestions" alone reads as feedback.
    @Test func aCollectionHoldingTheBuyersDataIsTheBuyersData() throws {
        let found = try classes(
            """
            You may provide inputs to the Service (“Brindle Sorrels”) and receive code based on them (“Suggestions”) \
            (Brindle Sorrels and Suggestions are collectively “Mossvale Tarn”).
            """
        )
        #expect(found["Brindle Sorrels"] == "buyer_data")
        #expect(found["Mossvale Tarn"] == "buyer_data")
    }

    /// "“X” means Customer and Customer's End Users input to the Services": what the users put in, named after "means".
    @Test func whatUsersInputToTheServicesIsTheBuyersData() throws {
        let found = try classes(
            """
            “Mossvale Tarn” means the Brindle Sorrels and the Harrow Quints.
            “Brindle Sorrels” means Customer and Customer’s End Users input to the Services.
            “Harrow Quints” means output from the Services based on the Brindle Sorrels.
            """
        )
        #expect(found["Brindle Sorrels"] == "buyer_data")
        #expect(found["Harrow Quints"] == "outputs")
        #expect(found["Mossvale Tarn"] == "buyer_data")
    }

    /// "(the “Service(s)”)": the "(s)" marks a plural; the name is "Service", classed by its head.
    @Test func aPluralMarkerIsNotAWordOfTheName() throws {
        let found = try classes(
            """
            Lumora offers hosted interfaces to run and tune large models (the “Service(s)”) and charges for the             use of its models (the “Credit(s)”).
            """
        )
        #expect(found["Service"] == "services")
        #expect(found.keys.contains("Credit"))
        #expect(!found.keys.contains { $0.hasSuffix("(s") })
    }

    /// "answers generated from the Services ("X")": the Services are where the answers come from; the thing
    /// defined is the answers.
    @Test func whatTheServicesGenerateIsAnOutputNotAService() throws {
        let found = try classes(
            """
            You answer for how you use any answers generated from the Services ("Harrow Quints") and for what you \
            do with them.
            """
        )
        #expect(found["Harrow Quints"] == "outputs")
    }

    /// A name defined as a collection of other defined names takes their class, even when they are defined after
    /// it and are themselves classed only by their definitions.
    @Test func aCollectionOfDefinedTermsTakesTheirClass() throws {
        let found = try classes(
            """
            You keep every right in your Brindle Sorrels and Harrow Quints, each as described below \
            (collectively, "Mossvale Tarn").
            Files you upload to the Services ("Brindle Sorrels") stay yours. We return answers produced by the Services in \
            response to them ("Harrow Quints").
            """
        )
        #expect(found["Brindle Sorrels"] == "buyer_data")
        #expect(found["Harrow Quints"] == "outputs")
        #expect(found["Mossvale Tarn"] == "buyer_data")
    }

    /// A parenthesis that says something about listed things ("(X and Y together are "Z")") names no party, however
    /// capitalised the words before it; the collective name takes the class first in precedence of its list (the
    /// buyer's data before outputs), not the cue of the sentence around it ("generated by").
    @Test func aListInBracketsIsNeitherAPartyNorItsSentencesClass() throws {
        let reading = try reader().read(
            text: """
                These Terms are an agreement between you and Lumora AI, Inc. ("Lumora").
                "Harrow Quints" means files you upload to the Services, and "Brindle Sorrels" means answers generated by \
                the Services to Harrow Quints (Harrow Quints and Brindle Sorrels together are "Mossvale Tarn").
                """
        )
        #expect(reading.partyWords["services"] == nil)
        #expect(!reading.parties.flatMap(\.names).contains { $0.contains("Harrow") || $0.contains("Mossvale") })
        let found = Dictionary(reading.terms.map { ($0.name, $0.termClass) }, uniquingKeysWith: { a, _ in a })
        #expect(found["Brindle Sorrels"] == "outputs")
        #expect(found["Mossvale Tarn"] == "buyer_data")
    }

    /// A term whose head the text writes as a common noun ("a claim") is that thing: a cue in its definition
    /// ("generated through") does not make it an output. A cue of several words inside a name describes it ("Other
    /// Notes You Provide"); a one-word cue in a name ("Trade Controls") does not.
    @Test func aCommonNounHeadIsNotClassedByItsDefinitionsCues() throws {
        let found = try classes(
            """
            "Lumora Claim" means a claim by a third party that answers generated through the Services infringe its \
            rights. "Other Notes You Provide" means remarks you add to a project. "Trade Controls" means the export \
            laws that apply to the Services.
            """
        )
        #expect(found["Lumora Claim"] == .some(nil))
        #expect(found["Other Notes You Provide"] == "buyer_data")
        #expect(found["Trade Controls"] == .some(nil))
    }

    /// "Personal Data" is information about a person, as its definition says, not the buyer's data by its last word;
    /// the buyer's own personal data stays the buyer's. (Read as the buyer's data, it was renamed by the invariance
    /// check inside "Personal Data Breach" too, and the breach cues lost their words.)
    @Test func personalDataIsItsOwnClass() throws {
        let found = try classes(
            """
            "Personal Data" means any information relating to an identified or identifiable natural person. \
            "Customer Personal Data" means Personal Data that Customer uploads to the Services. A "Personal Data \
            Breach" is a breach of security leading to the loss of Personal Data.
            """
        )
        #expect(found["Personal Data"] == "personal_data")
        #expect(found["Customer Personal Data"] == "buyer_data")
    }

    /// What third parties supply is not the buyer's data, though its name ends in "Content" (renamed as the buyer's
    /// data, it flipped a training move whose cues name the buyer's data).
    @Test func thirdPartyContentIsNotTheBuyersData() throws {
        let found = try classes(
            """
            A partner you connect may share records about you with us ("Third Party Content"). "Third-Party Services" \
            means services that others offer through the Platform.
            """
        )
        #expect(found["Third Party Content"] == "third_party")
        #expect(found["Third-Party Services"] == "third_party")
    }

    /// A parenthesis with many words before an alias still names a party when it lists no defined terms: an address
    /// and a registration number before "hereinafter referred to as".
    @Test func aLongNamingParenthesisStillNamesAParty() throws {
        let reading = try reader().read(
            text: """
                This Alliance Agreement is made by and between Halvern Robotics Ltd., a company having its office at 4 \
                Mill Road, Ostrava (Company Number 77-1234, hereinafter referred to as "HALVERN") and Duranthe Motors \
                Corporation, a company having its office at 9 Quay Street, Marsgate (Company Number 12-5678, hereinafter \
                referred to as "DURANTHE").
                """
        )
        let names = reading.parties.flatMap(\.names)
        #expect(names.contains("HALVERN"))
        #expect(names.contains("DURANTHE"))
    }

    /// Who makes the thing decides its class (`made_by`): the buyer or its users putting it in, or the service
    /// producing it, with the actor before the verb or after "by"; the supplier making it is neither.
    @Test func whoMakesItDecidesTheClass() throws {
        let found = try classes(
            """
            This Agreement is between Northwind Ltd ("Supplier") and the Ministry of Health ("Authority").
            "Brindle Sorrels" means Harrow Quints that a Member posts, uploads or shares through the Platform.
            "Mossvale Tarn" means any files uploaded into the Services by the Authority or its staff.
            "Kestrel Dawn" means the text that the Services return for the Authority.
            "Ferrow Lane" means the notes uploaded into the Services by Supplier staff.
            """
        )
        #expect(found["Brindle Sorrels"] == "buyer_data")
        #expect(found["Mossvale Tarn"] == "buyer_data")
        #expect(found["Kestrel Dawn"] == "outputs")
        #expect(found["Ferrow Lane"] == .some(nil))
    }

    /// Before a parenthetical, the verb nearest the name decides: the second item of a list is the service's.
    @Test func theNearestMakerDecidesBeforeAParenthetical() throws {
        let found = try classes(
            """
            "Client Data" means (a) any files that Client submits into the Services, including text shown in an \
            editor window ("Brindle Sorrels"); and (b) any \
            text generated for Client by the Services based on those files ("Kestrel Dawn").
            """
        )
        #expect(found["Brindle Sorrels"] == "buyer_data")
        #expect(found["Kestrel Dawn"] == "outputs")
    }
}

/// A data processing addendum defines the supplier's own sub-contractors ("Subprocessor" means any processor the
/// supplier appoints): a third party, so the name is no role of either side, and the supplier named in the
/// definition is never left to take the buyer's role.
@Suite struct SubprocessorReadingTests {
    @Test func aSubprocessorDefinitionNamesNoParty() throws {
        let reader = ContractReader(lexicons: try Repo.corpus.get().reading)
        let reading = reader.read(
            text: """
                This Data Processing Addendum forms part of the agreement between Quorvane Labs and Customer.
                (a) "Subprocessor" means any processor appointed by Quorvane Labs to carry out part of the processing \
                on behalf of Customer.
                6.1 Quorvane Labs shall notify Customer of any Personal Data Breach without undue delay.
                """
        )
        #expect(reading.partyWords["subprocessor"] == nil)
        #expect(reading.partyWords["quorvane"] != .buyer)
    }
}
