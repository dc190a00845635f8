/// The words the reading layer needs to read one language's contracts as counsel does: who the parties
/// are, which names define them, and which defined terms belong to which class. Loaded from
/// corpus/lexicon/reading/<language>.yaml, so another language is data, not code.
public struct ReadingLexicon: Hashable, Codable, Sendable {
    /// ISO 639-1 code, e.g. "en", "fr".
    public var language: String
    /// Role words that make a defined name the supplier ("Supplier", "Licensor") or the buyer ("Customer").
    public var supplierRoles: [String]
    public var buyerRoles: [String]
    /// Pronouns of the author of the text ("we", "nous"): the supplier in terms the supplier writes.
    public var firstPerson: [String]
    /// Pronouns of the reader ("you", "vous"): the buyer in such terms.
    public var secondPerson: [String]
    /// Phrases after a quoted term that open its definition ("means", "shall mean", "désigne").
    public var definitionMarkers: [String]
    /// Phrases before a quoted name that introduce it as an alias ("hereinafter", "referred to as", "ci-après").
    public var aliasMarkers: [String]
    /// Words before "between … and …" in a preamble, which lists the parties ("between", "entre").
    public var partyListMarkers: [String]
    /// Words that join two parties in such a list ("and", "et").
    public var partyJoiners: [String]
    /// Words that make a parenthetical a group name, not a party ("party", "parties", "partie").
    public var groupWords: [String]
    /// Words of names that stand for the document itself, not a party ("Agreement", "Terms", "Contrat").
    public var documentWords: [String]
    /// Company-form words that end an entity name and are not part of what distinguishes it ("Ltd", "SAS").
    public var companyForms: [String]
    /// The classes of defined terms, in order of precedence.
    public var termClasses: [TermClassCues]
    /// Labels that introduce a party without quotation marks: `Party A: Beike Ltd.`, `Party B (Carrier): …`.
    public var partyLabels: [String]?
    /// Words that open a signature line after the signing entity's name (`ACME INC. By: /s/ …`).
    public var signatureMarkers: [String]?
    /// Phrases just before the author's name in terms that never define it ("welcome to", "copyright").
    public var authorMarkers: [String]?
    /// Words that open a role name's definition when it names a kind of outside entity, not one party:
    /// "Subprocessor" means *any* processor the supplier appoints ("any", "tout").
    public var classDeterminers: [String]?
    /// Words after which a capitalised name is the object of a description, not the entity's own name: "the
    /// business customer *of* Lumora", "documentation provided *by* Lumora" ("of", "by", "de", "par").
    public var objectPrepositions: [String]?
    /// Lower-case words that may stand inside a name without a company form ("Government *of* Fenyi County").
    public var nameConnectors: [String]?
    /// Classes that a collective term takes first when it lists terms of several classes: "Content" made of the
    /// buyer's inputs and the service's suggestions is the buyer's data.
    public var collectionPrecedence: [String]?
    /// Capitalised words that name a law, not a party: "Colorado Privacy *Act* ("CPA")", "*Regulation* (EU)
    /// 2016/679 of the European Parliament and of the Council ("GDPR")".
    public var lawWords: [String]?
    /// Words of a postal address ("Suite", "Road", "rue"): a bracketed role after an address block names no company
    /// by the address ("700 Bay Road, Suite 210 (hereinafter "Customer")").
    public var addressWords: [String]?
    /// How a noun's singular ending becomes its plural one, most specific first (`["y", "ies"]`, `["", "s"]`): a
    /// term defined as "User Submission" is also read where the text writes "User Submissions", and back.
    public var numberEndings: [[String]]?
    /// Words before a defined term that make it the one acting on a list, not a member of it ("collected *by* the
    /// Service (collectively, …)"; "by", "par").
    public var agentPrepositions: [String]?
    /// Words after a capitalised name that make it the subject of a clause ("Lumora will", "Lumora collects"): how
    /// the author of terms that never define it is found.
    public var authorVerbs: [String]?
    /// The words around a rule's match that negate it and name the party holding the right or duty.
    public var clauseGrammar: ClauseGrammar?
    /// The words that state a provision's value: periods, promptness, fees paid, sums of money.
    public var valueWords: ValueWords?

    public init(
        language: String,
        supplierRoles: [String],
        buyerRoles: [String],
        firstPerson: [String],
        secondPerson: [String],
        definitionMarkers: [String],
        aliasMarkers: [String],
        partyListMarkers: [String],
        partyJoiners: [String],
        groupWords: [String],
        documentWords: [String],
        companyForms: [String],
        termClasses: [TermClassCues],
        partyLabels: [String]? = nil,
        signatureMarkers: [String]? = nil,
        authorMarkers: [String]? = nil,
        classDeterminers: [String]? = nil,
        objectPrepositions: [String]? = nil,
        nameConnectors: [String]? = nil,
        collectionPrecedence: [String]? = nil,
        lawWords: [String]? = nil,
        numberEndings: [[String]]? = nil,
        agentPrepositions: [String]? = nil,
        addressWords: [String]? = nil,
        authorVerbs: [String]? = nil,
        clauseGrammar: ClauseGrammar? = nil,
        valueWords: ValueWords? = nil
    ) {
        self.language = language
        self.supplierRoles = supplierRoles
        self.buyerRoles = buyerRoles
        self.firstPerson = firstPerson
        self.secondPerson = secondPerson
        self.definitionMarkers = definitionMarkers
        self.aliasMarkers = aliasMarkers
        self.partyListMarkers = partyListMarkers
        self.partyJoiners = partyJoiners
        self.groupWords = groupWords
        self.documentWords = documentWords
        self.companyForms = companyForms
        self.termClasses = termClasses
        self.partyLabels = partyLabels
        self.signatureMarkers = signatureMarkers
        self.authorMarkers = authorMarkers
        self.classDeterminers = classDeterminers
        self.objectPrepositions = objectPrepositions
        self.nameConnectors = nameConnectors
        self.collectionPrecedence = collectionPrecedence
        self.lawWords = lawWords
        self.numberEndings = numberEndings
        self.agentPrepositions = agentPrepositions
        self.addressWords = addressWords
        self.authorVerbs = authorVerbs
        self.clauseGrammar = clauseGrammar
        self.valueWords = valueWords
    }

    enum CodingKeys: String, CodingKey {
        case language
        case supplierRoles = "supplier_roles"
        case buyerRoles = "buyer_roles"
        case firstPerson = "first_person"
        case secondPerson = "second_person"
        case definitionMarkers = "definition_markers"
        case aliasMarkers = "alias_markers"
        case partyListMarkers = "party_list_markers"
        case partyJoiners = "party_joiners"
        case groupWords = "group_words"
        case documentWords = "document_words"
        case companyForms = "company_forms"
        case termClasses = "term_classes"
        case partyLabels = "party_labels"
        case signatureMarkers = "signature_markers"
        case authorMarkers = "author_markers"
        case classDeterminers = "class_determiners"
        case objectPrepositions = "object_prepositions"
        case nameConnectors = "name_connectors"
        case collectionPrecedence = "collection_precedence"
        case lawWords = "law_words"
        case numberEndings = "number_endings"
        case agentPrepositions = "agent_prepositions"
        case addressWords = "address_words"
        case authorVerbs = "author_verbs"
        case clauseGrammar = "clause_grammar"
        case valueWords = "value_words"
    }
}

/// How a defined term is recognised as one class ("buyer_data", "outputs", …), which cue patterns then
/// name as `{buyer_data}`.
public struct TermClassCues: Hashable, Codable, Sendable {
    public var name: String
    /// Last words of a defined term that put it in the class ("data", "content", "prompts").
    public var heads: [String]
    /// Heads that put a term in the class only when its first word names `owner` ("Customer Materials", "Your
    /// Information"): alone or after another word ("Promotional Materials", "Books and Records") they name things
    /// of either party, and the definition decides.
    public var ownedHeads: [String]
    /// Whose the term is when its head alone is ambiguous: a term whose first word names this side
    /// ("Customer Data", "Your Content") belongs here; one naming the other side does not. nil: either.
    public var owner: Party?
    /// Phrases of a definition's body that put the term in the class ("you submit", "generated by").
    public var definitionCues: [String]
    /// Phrases that belong to the class wherever they occur, defined or not ("your content").
    public var phrases: [String]
    /// Who makes what the term names, read in its definition: "Content that a *Member posts*", "data *submitted*
    /// into the Services *by Customer*", "text the *Services generate*". nil: the class has no such reading.
    public var madeBy: MadeBy?

    public init(
        name: String,
        heads: [String],
        ownedHeads: [String] = [],
        owner: Party?,
        definitionCues: [String],
        phrases: [String],
        madeBy: MadeBy? = nil
    ) {
        self.name = name
        self.heads = heads
        self.ownedHeads = ownedHeads
        self.owner = owner
        self.definitionCues = definitionCues
        self.phrases = phrases
        self.madeBy = madeBy
    }

    enum CodingKeys: String, CodingKey {
        case name, heads, owner, phrases
        case definitionCues = "definition_cues"
        case ownedHeads = "owned_heads"
        case madeBy = "made_by"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        heads = try c.decodeIfPresent([String].self, forKey: .heads) ?? []
        ownedHeads = try c.decodeIfPresent([String].self, forKey: .ownedHeads) ?? []
        owner = try c.decodeIfPresent(Party.self, forKey: .owner)
        definitionCues = try c.decodeIfPresent([String].self, forKey: .definitionCues) ?? []
        phrases = try c.decodeIfPresent([String].self, forKey: .phrases) ?? []
        madeBy = try c.decodeIfPresent(MadeBy.self, forKey: .madeBy)
    }
}

/// A definition that says who makes the defined thing puts it in a class whatever the term is called: an actor
/// word with one of the verbs shortly after it ("a Member posts"), or a verb followed shortly by an agent preposition
/// ("by", `agentPrepositions`) and an actor ("submitted into the Services by Customer"). Single words, lower-case.
public struct MadeBy: Hashable, Codable, Sendable {
    /// Words naming who makes it ("users", "members"; for outputs "services", "model").
    public var actors: [String]
    /// Also an actor: any name of this party the document defines ("Customer", "Licensee", "you").
    public var party: Party?
    /// Verbs of making or putting in ("submits", "uploaded"; "generated").
    public var verbs: [String]

    public init(actors: [String], party: Party? = nil, verbs: [String]) {
        self.actors = actors
        self.party = party
        self.verbs = verbs
    }
}
