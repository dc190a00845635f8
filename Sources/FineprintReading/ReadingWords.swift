import FineprintCore

/// One language's lexicon made ready for lookups: sets of words and phrase lists.
struct ReadingWords {
    let lexicon: ReadingLexicon
    let roles: [String: Party]
    let pronouns: [String: Party]
    let groupWords: Set<String>
    let companyForms: Set<String>
    let documentWords: Set<String>
    let listMarkers: Set<String>
    let joiners: Set<String>
    let definitionMarkers: PhraseList<Bool>
    let aliasMarkers: PhraseList<Bool>
    let classPhrases: [(words: [String], value: String)]
    let definitionCues: PhraseList<String>
    let partyLabels: PhraseList<Bool>
    let classDeterminers: Set<String>
    let objectPrepositions: Set<String>
    let nameConnectors: Set<String>
    let signatureMarkers: Set<String>
    let authorMarkers: PhraseList<Bool>
    let lawWords: Set<String>
    let addressWords: Set<String>
    /// Head words of every term class ("services", "model"): things, never the name of a party.
    let classHeads: Set<String>
    let numberForms: NumberForms
    let agentPrepositions: Set<String>
    let authorVerbs: Set<String>
    /// Each class's `made_by`, as sets, in the order of the term classes.
    let makers: [Maker]

    struct Maker {
        var className: String
        var actors: Set<String>
        var party: Party?
        var verbs: Set<String>
    }

    init(_ lexicon: ReadingLexicon) {
        self.lexicon = lexicon
        var roles: [String: Party] = [:]
        for word in lexicon.buyerRoles { roles[word.lowercased()] = .buyer }
        for word in lexicon.supplierRoles { roles[word.lowercased()] = .supplier }
        self.roles = roles
        var pronouns: [String: Party] = [:]
        for word in lexicon.secondPerson { pronouns[word.lowercased()] = .buyer }
        for word in lexicon.firstPerson { pronouns[word.lowercased()] = .supplier }
        self.pronouns = pronouns
        groupWords = Set(lexicon.groupWords.map { $0.lowercased() })
        companyForms = Set(lexicon.companyForms.map { $0.lowercased() })
        documentWords = Set(lexicon.documentWords.map { $0.lowercased() })
        listMarkers = Set(lexicon.partyListMarkers.map { $0.lowercased() })
        joiners = Set(lexicon.partyJoiners.map { $0.lowercased() })
        definitionMarkers = PhraseList(lexicon.definitionMarkers.map { (PhraseList<Bool>.words($0), true) })
        aliasMarkers = PhraseList(lexicon.aliasMarkers.map { (PhraseList<Bool>.words($0), true) })
        classPhrases = lexicon.termClasses.flatMap { c in c.phrases.map { (PhraseList<String>.words($0), c.name) } }
        partyLabels = PhraseList((lexicon.partyLabels ?? []).map { (PhraseList<Bool>.words($0), true) })
        classDeterminers = Set(lexicon.classDeterminers ?? [])
        objectPrepositions = Set((lexicon.objectPrepositions ?? []).map { $0.lowercased() })
        nameConnectors = Set((lexicon.nameConnectors ?? []).map { $0.lowercased() })
        signatureMarkers = Set((lexicon.signatureMarkers ?? []).map { $0.lowercased() })
        authorMarkers = PhraseList((lexicon.authorMarkers ?? []).map { (PhraseList<Bool>.words($0), true) })
        lawWords = Set((lexicon.lawWords ?? []).map { $0.lowercased() })
        addressWords = Set((lexicon.addressWords ?? []).map { $0.lowercased() })
        classHeads = Set(lexicon.termClasses.flatMap { $0.heads + $0.ownedHeads })
        numberForms = NumberForms(lexicon)
        agentPrepositions = Set((lexicon.agentPrepositions ?? []).map { $0.lowercased() })
        authorVerbs = Set((lexicon.authorVerbs ?? []).map { $0.lowercased() })
        makers = lexicon.termClasses.compactMap { c in
            c.madeBy.map {
                Maker(className: c.name, actors: Set($0.actors), party: $0.party, verbs: Set($0.verbs))
            }
        }
        definitionCues = PhraseList(
            lexicon.termClasses.flatMap { c in c.definitionCues.map { (PhraseList<String>.words($0), c.name) } }
        )
    }

    /// How many of the first tokens are this language's function words: picks the lexicon for a document.
    func affinity(_ words: ArraySlice<String>) -> Int {
        var count = 0
        for word in words where pronouns[word] != nil || joiners.contains(word) || listMarkers.contains(word) {
            count += 1
        }
        return count
    }

    /// The role a name's words give it: every word a role word, pronoun, company form or group word, and at
    /// least one role word or pronoun ("the Supplier", "Service Provider", "we"). nil otherwise.
    func roleOfName(_ words: [String]) -> Party? {
        var role: Party?
        for word in words {
            if let r = roles[word] ?? pronouns[word] {
                if role != nil && role != r { return nil }
                role = r
            } else if !companyForms.contains(word) && !groupWords.contains(word) {
                return nil
            }
        }
        return role
    }

    /// The first role word among `words` (a description: "a provider of cloud services").
    func roleMentioned(_ words: some Sequence<String>) -> Party? {
        for word in words { if let r = roles[word] { return r } }
        return nil
    }

    func isGroupName(_ words: [String]) -> Bool {
        !words.isEmpty && words.allSatisfy { groupWords.contains($0) || companyForms.contains($0) }
            && words.contains(where: groupWords.contains)
    }

    /// A name made of company forms alone ("the Company", "Corporation"): an alias a document defines.
    func isFormAlias(_ words: [String]) -> Bool {
        words.contains { companyForms.contains($0) && !nameConnectors.contains($0) && $0.count > 1 }
            && words.allSatisfy { companyForms.contains($0) || nameConnectors.contains($0) }
    }

    /// The words of a name that tell it apart: without company forms and articles.
    func distinctive(_ words: [String]) -> [String] {
        words.filter { !companyForms.contains($0) && !groupWords.contains($0) && $0.count > 1 }
    }
}
