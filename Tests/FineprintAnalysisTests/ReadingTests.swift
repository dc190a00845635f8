import FineprintAnalysis
import FineprintCore
import FineprintReading
import Foundation
import Testing

/// The reading layer on contracts written here: parties and their names, defined terms and their classes,
/// and the engine using them ("Northwind shall" is the supplier's duty when Northwind is the supplier).
@Suite struct ReadingTests {
    func reader() throws -> ContractReader { ContractReader(lexicons: try Repo.corpus.get().reading) }

    @Test func preambleNamesTheSupplierAndTheAuthority() throws {
        let reading = try reader().read(
            text: """
                FRAMEWORK AGREEMENT
                This Agreement is made between NORTHWIND LTD, a company registered in England (the "Supplier"), \
                and the Ministry of Digital Affairs of Ruritania (the "Authority").
                """
        )
        let supplier = try #require(reading.party(.supplier))
        #expect(supplier.names.contains("NORTHWIND LTD"))
        #expect(supplier.names.contains("Supplier"))
        #expect(reading.partyWords["northwind"] == .supplier)
        #expect(reading.party(.buyer)?.names.contains("Authority") == true)
    }

    @Test func theOtherPartyTakesTheOtherRole() throws {
        let reading = try reader().read(
            text: """
                This Services Agreement is entered into by and between Acme Corp. ("Acme" or "Customer") and \
                Zenith Systems Inc. ("Zenith").
                """
        )
        #expect(reading.partyWords["acme"] == .buyer)
        #expect(reading.partyWords["zenith"] == .supplier)
    }

    /// Every word of a party's names that the text never writes in lower case is a name word, with the party's role
    /// or `any` when the reading cannot tell it: the learned model reads such words as the party.
    @Test func nameWordsCoverEveryDistinctiveWordOfThePartiesNames() throws {
        let reading = try reader().read(
            text: """
                This Hosting Agreement is made between El Corvino Financial Corporation (the "Company") and \
                Marlowe Tide Inc. ("Marlowe"). The Company's financial statements are attached.
                """
        )
        #expect(reading.nameWords["corvino"] != nil)
        #expect(reading.nameWords["marlowe"] != nil)
        #expect(reading.nameWords["tide"] == reading.nameWords["marlowe"])
        // Written in lower case in the text: an ordinary word, not a name.
        #expect(reading.nameWords["financial"] == nil)
    }

    /// A one-letter name defined as a company is the supplier of web terms addressed to "you", and a name in brackets
    /// inside another definition is a thing it lists, not a party.
    @Test func aOneLetterNameDefinedAsACompanyIsTheParty() throws {
        let reading = try reader().read(
            text: """
                These developer terms are an agreement between you and Q. You may use the Q API only if you accept them.
                1. "Q" means (a) Q Holdings Ltd. if you live outside the Union, or (b) Q Europe Ltd. otherwise.
                2. "Q API" means Q's programming interfaces, Developer Toolkits (each, a "Toolkit"), and related \
                documentation.
                3. "Q Content" means posts and messages that Q makes available through the Q API. You will delete Q \
                Content within 24 hours of a request.
                """
        )
        #expect(reading.partyWords["q"] == .supplier)
        #expect(!reading.parties.contains { $0.names.contains("Toolkit") })
        #expect(reading.terms.first { $0.name == "Q Content" }?.termClass != "buyer_data")
    }

    /// "Party A" and "Party B": the letters are articles elsewhere in the text, so they name nobody by themselves.
    @Test func aLetterTheTextUsesAsAWordIsNoName() throws {
        let reading = try reader().read(
            text: """
                This Agreement is made between Harbin Lumen Co., Ltd. ("Party A") and Corvino Systems Ltd. \
                ("Party B"). Party A shall pay a fee to Party B.
                """
        )
        #expect(reading.partyWords["a"] == nil)
        #expect(reading.nameWords["a"] == nil)
    }

    @Test func aCompanyFormDefinedAsAnAliasNamesThatParty() throws {
        let reading = try reader().read(
            text: """
                This notice is issued by Larkspur Analytics, Inc. (the "Company", "we" or "us"). The Company \
                uses commercially acceptable means to protect your personal data.
                """
        )
        #expect(reading.partyWords["company"] == .supplier)
        #expect(reading.partyWords["larkspur"] == .supplier)
        // A form inside a longer name ("Larkspur Analytics, Inc.") names nobody by itself.
        #expect(reading.partyWords["inc"] == nil)
    }

    /// "hereafter known as" introduces a name as "hereinafter" does, even with a registered address in between.
    @Test func aNameIntroducedAsKnownAsIsAParty() throws {
        let text = [
            "These General Terms of Service constitute a single contract (hereinafter the “Contract”) between",
            "STRATUS HOSTING LIMITED, headquartered at 4 Quay Street, Galway, and registered under",
            "number 123456 (hereafter known as “Stratus”), and any physical or legal person creating a Client "
                + "Account on the Stratus Website (hereafter known as",
            "the “Client” or “Customer”). Stratus shall host the content of the Client.",
        ].joined(separator: "\n\n")
        let reading = try reader().read(text: text)
        #expect(reading.partyWords["stratus"] == .supplier)
        #expect(reading.partyWords["client"] == .buyer)
    }

    /// A supplier that speaks as "we" has the reader as its other side: a company the notice names beside it (a
    /// joint controller) is a third party, not the buyer, and the notice itself is no party.
    @Test func aCompanyBesideAWeSupplierIsNoBuyer() throws {
        let reading = try reader().read(
            text: """
                We at Lumora Labs AB ("Lumora", "us", "we" or "our") care about your personal data. This Privacy \
                Notice ("Privacy Notice") explains how we process it.

                For joint campaigns regarding products from Corvid, Lumora acts as a joint controller with Corvid, \
                Inc. and Corvid Limited (collectively, "Corvid"). Depending on your location, either Corvid Limited \
                or Corvid, Inc. is responsible.
                """
        )
        #expect(reading.partyWords["lumora"] == .supplier)
        #expect(reading.partyWords["corvid"] == nil)
        #expect(!reading.parties.contains { $0.names.contains("Privacy Notice") })
    }

    @Test func webTermsNameTheAuthorAsSupplier() throws {
        let reading = try reader().read(
            text: """
                These Terms are an agreement between you and Lumora AI, Inc. ("Lumora", "we" or "us"). \
                Lumora will not use any User Content to train any foundation models.
                """
        )
        #expect(reading.partyWords["lumora"] == .supplier)
        #expect(reading.party(.supplier)?.names.contains("Lumora") == true)
    }

    @Test func aDescriptionThatNamesTheSupplierDoesNotNameTheBuyer() throws {
        let reading = try reader().read(
            text: """
                These Enterprise Terms are entered into between Brindlewood AI LLC ("Brindlewood") and the business \
                customer of Brindlewood for Brindlewood enterprise services ("Customer"). Customer may use the \
                technical documentation provided by Brindlewood to Customer ("Documentation"). Brindlewood will not \
                use any Customer Content to train any models.
                """
        )
        #expect(reading.partyWords["brindlewood"] == .supplier)
        #expect(reading.partyWords["customer"] == .buyer)
        #expect(reading.partyWords["documentation"] == nil)
        #expect(!reading.parties.contains { $0.names.contains("Documentation") })
    }

    @Test func anOrdinaryWordAtASentenceStartIsNoParty() throws {
        let reading = try reader().read(
            text: """
                These Terms are an agreement between you and Corvane Labs Ltd ("Corvane", "we" or "us"). \
                Specifically, within our services, the models read what users type (referred to as "Inputs") \
                and answer it. Results are specifically marked as generated.
                """
        )
        #expect(reading.partyWords["specifically"] == nil)
        #expect(!reading.parties.contains { $0.names.contains("Specifically") })
        #expect(reading.partyWords["corvane"] == .supplier)
    }

    @Test func coinedNamesDefinedByWhatTheUserProvidesAndWhatComesBack() throws {
        let reading = try reader().read(
            text: """
                The assistant allows you to provide materials for processing, such as text or images (together, \
                "Quillstock"), and returns generated text as a response (referred to as "Brindles").
                """
        )
        let classes = Dictionary(reading.terms.map { ($0.name, $0.termClass) }, uniquingKeysWith: { a, _ in a })
        #expect(classes["Quillstock"] == "buyer_data")
        #expect(classes["Brindles"] == "outputs")
    }

    @Test func theSentenceAfterAWebTermsPartyIsNotPartOfItsName() throws {
        let reading = try reader().read(
            text: """
                These Terms are a contract between Corvane Labs, Inc. ("Company", "we") and you. They decide all \
                claims between you and Company. For purposes of this section, a claim is any dispute for money.
                """
        )
        #expect(reading.partyWords["for"] == nil)
        #expect(!reading.parties.contains { $0.names.contains { $0.contains("For") } })
    }

    /// "… with Lumora Inc. (also referred to as "we")": the name is the company's, not the clause leading to it;
    /// and "between you and the applicable third party provider" names someone else, not the supplier.
    @Test func aCompanyNameIsNotTheClauseBeforeIt() throws {
        let reading = try reader().read(
            text: """
                You are entering into this User Agreement with Lumora Inc. (also referred to as "we" and "us").
                USE OF ANY PLUG-IN IS SOLELY BETWEEN YOU AND THE APPLICABLE THIRD PARTY PROVIDER.
                """
        )
        #expect(reading.party(.supplier)?.names.first == "Lumora Inc")
        #expect(reading.partyWords["lumora"] == .supplier)
        #expect(reading.partyWords["you"] == nil)
        #expect(reading.partyWords["applicable"] == nil)
    }

    /// "the services made available on the Site ("Services")": the Site is a term the document has just defined, so
    /// this is a definition, not a party named Site; and "You may provide inputs … ("X")" defines the buyer's data.
    @Test func aDefinedTermIsNoPartyName() throws {
        let reading = try reader().read(
            text: """
                These terms are an agreement between you and Quorvane, Inc. (“Quorvane,” “we,” or “us”). Your use of \
                quorvane.com (the “Site”) and the services made available on the Site (“Services”) is subject to \
                these terms. You may provide inputs to the Services (“Brindle Sorrels”).
                """
        )
        #expect(reading.partyWords["site"] == nil)
        #expect(reading.partyWords["services"] == nil)
        #expect(reading.partyWords["quorvane"] == .supplier)
        #expect(reading.terms.first { $0.name == "Brindle Sorrels" }?.termClass == "buyer_data")
    }

    @Test func definedTermsGetTheirClassByHeadOrDefinition() throws {
        let reading = try reader().read(
            text: """
                "User Content" means any text, file or image you submit to the Services.
                "Output" means content generated by the Services in response to User Content.
                "Provider Materials" means the models and software of the Provider.
                "Quillstock" means any material you upload or provide to the Provider.
                """
        )
        let classes = Dictionary(reading.terms.map { ($0.name, $0.termClass) }, uniquingKeysWith: { a, _ in a })
        #expect(classes["User Content"] == "buyer_data")
        #expect(classes["Output"] == "outputs")
        #expect(classes["Provider Materials"] == "supplier_technology")
        #expect(classes["Quillstock"] == "buyer_data")
    }

    /// Charges and contract documents are defined with the buyer's words in their bodies ("fees for the data you
    /// provide", "the form you submit"); they are neither the buyer's data nor outputs, so renaming them as such in
    /// the invariance test changed findings whose cues name fees or forms.
    @Test func chargesAndDocumentsAreNotData() throws {
        let reading = try reader().read(
            text: """
                "Fees" means the amounts payable for the data you provide to the Services.
                "Order Form" means the ordering document you submit to the Provider.
                "Initial Term" means the period of twelve months provided by Customer in the Order Form.
                "Customer Data" means the data you provide to the Services.
                """
        )
        let classes = Dictionary(reading.terms.map { ($0.name, $0.termClass) }, uniquingKeysWith: { a, _ in a })
        #expect(classes["Fees"] == "charges")
        #expect(classes["Order Form"] == .some(nil))
        #expect(classes["Initial Term"] == .some(nil))
        #expect(classes["Customer Data"] == "buyer_data")
    }

    /// A company form ends an entity's name ("Brightwater Analytics Ltd"); a clause that merely contains "the"
    /// ("Customer for use of the Services") is no party, so the names it introduces ("Taxes") are not renamed as
    /// one and the findings that mention them cannot flip.
    @Test func aCompanyFormOnlyEndsAPartyName() throws {
        let reading = try reader().read(
            text: """
                These Terms are made between Brightwater Analytics Ltd (the "Provider") and the Ministry of Coastal \
                Affairs (the "Customer").
                4.2 Taxes. Fees exclude all sales, use and value added taxes charged to Customer for use of the \
                Services ("Taxes"). Content made available to Customer through the Services ("Third Party \
                Features") is governed by its own terms.
                """
        )
        let names = reading.parties.flatMap(\.names)
        #expect(reading.partyWords["brightwater"] == .supplier)
        #expect(!names.contains("Taxes"))
        #expect(!names.contains("Third Party Features"))
        #expect(reading.partyWords["taxes"] == nil)
        #expect(reading.partyWords["third"] == nil)
    }

    /// Only a name is a party's name: not the lower-case words before a role ("these terms"), not words across a
    /// sentence end or a table cell, not a thing the terms define ("the Services"). Each of these was read as a
    /// party's name in real terms, so renaming the "party" renamed ordinary words and flipped findings.
    @Test func onlyANameNamesAParty() throws {
        let reading = try reader().read(
            text: """
                This Services Agreement is made between Lumora Labs Inc. (the "Provider") and the organization agreeing to \
                these terms ("Customer").
                Country\tContracting entity
                Australia\tLumora Australia Pty Ltd ("Lumora Australia")
                Requests. Lumora will pass on each request it receives from a data subject ("Data Subject Request").
                Files you share through the Services ("Shared Content") stay yours.
                """
        )
        let words = reading.partyWords
        #expect(words["lumora"] == .supplier)
        #expect(words["customer"] == .buyer)
        #expect(words["terms"] == nil)
        #expect(words["australia"] == nil)
        #expect(words["requests"] == nil)
        #expect(words["services"] == nil)
        #expect(words["data"] == nil)
    }

    /// A defined term whose head is a common noun of the document ("a breach" → "Security Breach", "aggregated
    /// information" → "Service Analytics") is classed by that head, not by the buyer's data named near it; a coined
    /// name ("Quorvane Telmaris", which the document never writes in lower case) still takes its class from there.
    @Test func aTermWithItsOwnHeadIsNotTheBuyersDataNearIt() throws {
        let text = """
            If we confirm a breach of our security that exposed your Customer Content (a "Security Breach"), we will \
            notify you. "Service Analytics" means aggregated, technical information about the operation of the \
            Services. "Usage Data" means metadata about how you use the Services. Files that you upload to the \
            Services ("Quorvane Telmaris") remain yours. "Feedback" means suggestions you provide about the Services. \
            "Confidential Information" means information you disclose that is marked confidential.
            """
        let classes = Dictionary(
            try reader().read(text: text).terms.map { ($0.name, $0.termClass) },
            uniquingKeysWith: { a, _ in a }
        )
        #expect(classes["Security Breach"] == .some(nil))
        #expect(classes["Service Analytics"] == "usage_data")
        #expect(classes["Usage Data"] == "usage_data")
        #expect(classes["Quorvane Telmaris"] == "buyer_data")
        #expect(classes["Feedback"] == "feedback")
        #expect(classes["Confidential Information"] == "confidential_information")
    }

    /// Materials, records, documents and information are the buyer's data only when the term names the buyer
    /// ("Customer Materials", "Your Information"); "Promotional Materials" and "Books and Records" are no one's data,
    /// and a coined name defined as information the customer provides still is.
    @Test func genericHeadsAreTheBuyersDataOnlyWhenTheTermNamesTheBuyer() throws {
        let text = """
            This Agreement is between Northwind Ltd (the "Supplier") and Acme Corp. (the "Customer").             "Customer Materials" means the files the Customer uploads. "Promotional Materials" means brochures             describing the Product. The Supplier shall keep books, records and accounts (the "Books and Records").             "Provider Materials" means the Supplier's templates. "Quorvane Telmaris" means information provided by             the Customer.
            """
        let classes = Dictionary(
            try reader().read(text: text).terms.map { ($0.name, $0.termClass) },
            uniquingKeysWith: { a, _ in a }
        )
        #expect(classes["Customer Materials"] == "buyer_data")
        #expect(classes["Promotional Materials"] == .some(nil))
        #expect(classes["Books and Records"] == .some(nil))
        #expect(classes["Provider Materials"] == "supplier_technology")
        #expect(classes["Quorvane Telmaris"] == "buyer_data")
    }

    /// Cloud agreements define the buyer's data as what the customer or its end users provide, often after a long
    /// lead-in; a coined name defined so is the buyer's data.
    @Test func dataFromTheCustomerOrItsEndUsersIsTheBuyersData() throws {
        let text = """
            "Ostrival Records" means (a) for Compute Services, Storage Services and Analytics Services, data provided \
            to the Provider by Customer or End Users through the Services under the Account.
            """
        let classes = Dictionary(
            try reader().read(text: text).terms.map { ($0.name, $0.termClass) },
            uniquingKeysWith: { a, _ in a }
        )
        #expect(classes["Ostrival Records"] == "buyer_data")
    }

    /// A list of definitions in one sentence gives each term its own words only; abbreviations, and terms whose
    /// definition opens with a word of no class ("the laws on the processing of personal data"), are not data.
    @Test func definitionListsClassEachTermByItsOwnWords() throws {
        let reading = try reader().read(
            text: """
                In this Addendum: "EU" means the European Union; "GDPR" means the General Data Protection \
                Regulation; "Applicable Data Protection Law" means the laws on the processing of personal data; \
                "Account" means the account you create; "Customer Data" means all data you upload to the Services; \
                "Processing" means the processing of personal data as described in the Order Form.
                Confidential information is information disclosed by one party ("Discloser") to the other party.
                """
        )
        let classes = Dictionary(reading.terms.map { ($0.name, $0.termClass) }, uniquingKeysWith: { a, _ in a })
        #expect(classes["EU"] == .some(nil))
        #expect(classes["GDPR"] == .some(nil))
        #expect(classes["Applicable Data Protection Law"] == .some(nil))
        #expect(classes["Customer Data"] == "buyer_data")
        #expect(classes["Processing"] == .some(nil))
        #expect(classes["Discloser"] == .some(nil))
    }

    @Test func aNoTrainingPromiseUnderTheDocumentsOwnNames() throws {
        let text = """
            TERMS OF SERVICE
            These Terms are an agreement between you and Lumora AI, Inc. ("Lumora", "we" or "us").
            1. Definitions. "Quillstock" means any text, file or image you submit to the Services.
            2. Use of data. Lumora will not use any Quillstock to train any foundation models.
            """
        let analysis = try Repo.analyze(text)
        #expect(analysis.finding("secondary_use_restriction")?.status == .present)
        // Without its definition the made-up name is not the buyer's data, and no promise is read.
        let undefined = text.replacingOccurrences(
            of: "1. Definitions. \"Quillstock\" means any text, file or image you submit to the Services.\n",
            with: ""
        )
        #expect(undefined != text)
        #expect(try Repo.analyze(undefined).finding("secondary_use_restriction")?.status == .absent)
    }

    @Test func frenchIsReadFromItsLexicon() throws {
        let reading = try reader().read(
            text: """
                CONTRAT DE PRESTATION
                Entre la société NORDVENT SAS, ci-après dénommée « le Prestataire », et le Ministère du \
                Numérique, ci-après dénommé « le Client ».
                « Données du Client » désigne les données fournies par le Client au Prestataire.
                """
        )
        #expect(reading.language == "fr")
        #expect(reading.party(.supplier)?.names.contains("NORDVENT SAS") == true)
        #expect(reading.partyWords["nordvent"] == .supplier)
        #expect(reading.terms.first { $0.name == "Données du Client" }?.termClass == "buyer_data")
    }

    @Test func theTitleNamesTheAuthorOfCommercialTerms() throws {
        let reading = try reader().read(
            text: """
                Updated: 3 March 2026

                Quorvane Services Agreement

                This Agreement is entered into between the organisation accepting it ("Customer") and the \
                Quorvane entity named in the Order Form. Quorvane will host the Services. Quorvane may update \
                the Services. Quorvane will not use Customer Content to train models.
                """
        )
        #expect(reading.partyWords["quorvane"] == .supplier)
        #expect(reading.partyWords["customer"] == .buyer)
    }

    @Test func aProvidedByLineNamesTheAuthorOfAMultiWordName() throws {
        let reading = try reader().read(
            text: """
                Terms for Business Users
                These terms govern the use of the products by the entity you represent ("Customer"). The \
                products are provided by Tessary Labs, a company registered in Lyon. Tessary Labs will keep \
                Customer Data confidential. Tessary Labs may suspend access. Tessary Labs shall give notice.
                """
        )
        #expect(reading.partyWords["tessary"] == .supplier)
    }

    @Test func websiteTermsInTheThirdPersonNameTheirOperatorAsSupplier() throws {
        // No "we" and no buyer named by its role: the reader is "you", the operator is written by its name.
        let addressed = """
            Website Terms of Use
            These terms govern your use of the website. The website is owned and operated by Halvik. Halvik may \
            change your access at any time. Halvik will not sell your information. Halvik may remove your \
            submissions. You must not copy the pages, and you agree that your use is at your own risk.
            """
        #expect(try reader().read(text: addressed).partyWords["halvik"] == .supplier)
        // The same page addressed to nobody names no author.
        let impersonal = """
            Website Terms of Use
            These terms govern the use of the website. The website is owned and operated by Halvik. Halvik may \
            change access at any time. Halvik will not sell information. Halvik may remove submissions. Visitors \
            must not copy the pages, and each visitor agrees that the use is at the visitor's own risk.
            """
        #expect(try reader().read(text: impersonal).partyWords["halvik"] == nil)
    }

    @Test func aCapitalisedNameThatIsNotPutForwardIsNotTheAuthor() throws {
        // Commercial terms (a named buyer, no first person) whose title and opening name no one: a frequent
        // subject ("Recipient may") is not made the supplier.
        let reading = try reader().read(
            text: """
                Terms for Business Users
                These terms are accepted by the entity you represent ("Customer"). Recipient may disclose \
                information. Recipient may keep copies. Recipient may share it with advisers.
                """
        )
        #expect(reading.partyWords["recipient"] == nil)
    }

    @Test func partiesIntroducedByALabelWithoutQuotationMarks() throws {
        let reading = try reader().read(
            text: """
                Cooperation Agreement
                Party A: Hollin River Trading Co., Ltd. Legal Representative: Jun Wei
                Party B (Carrier): Pellmarsh Freight Ltd. Address: 4 Dock Road
                Party A and Party B agree as follows.
                """
        )
        let names = reading.parties.flatMap(\.names)
        #expect(names.contains("Hollin River Trading Co., Ltd"))
        #expect(names.contains("Pellmarsh Freight Ltd"))
        #expect(!names.contains { $0.contains("Legal Representative") })
    }

    @Test func anUnquotedAliasAfterHereinafterNamesTheParty() throws {
        let reading = try reader().read(
            text: """
                1. Kestrow Holdings Limited (hereinafter referred to as Party A), established under the laws \
                of Ruritania.
                2. Varnley Systems Inc. (hereinafter referred to as Party B), established in Delaware.
                """
        )
        let names = reading.parties.flatMap(\.names)
        #expect(names.contains("Kestrow Holdings Limited"))
        #expect(names.contains("Varnley Systems Inc"))
    }

    @Test func signatureBlocksNameThePartiesWhenThePreambleDoesNot() throws {
        let reading = try reader().read(
            text: """
                JOINT FILING AGREEMENT
                The undersigned agree that the statement is filed on behalf of each of them.
                Dated: May 2, 2026 ORRAVEN CAPITAL LP
                By: /s/ Jane Doe Jane Doe Chief Financial Officer ORRAVEN MASTER FUND LTD
                By: /s/ Jane Doe Jane Doe Chief Financial Officer
                """
        )
        let names = reading.parties.flatMap(\.names)
        #expect(names.contains("ORRAVEN CAPITAL LP"))
        #expect(names.contains("ORRAVEN MASTER FUND LTD"))
        #expect(reading.partyWords.isEmpty)
    }
}
