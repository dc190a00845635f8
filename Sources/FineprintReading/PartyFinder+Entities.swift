import FineprintCore
import FineprintText

extension PartyFinder {
    /// The entity named just before a scalar offset: back to the start of its line, a ";", or a
    /// party-list word ("between", "and"); its name runs to the first comma, its description after.
    struct Entity {
        var name: Range<Int>
        var description: Range<Int>
    }

    /// How many tokens before an entity a law word makes it part of a law's name.
    static let lawReach = 12

    func entityBefore(_ offset: Int) -> Entity? {
        let end = scanner.token(atOrAfter: offset)
        guard end > 0 else { return nil }
        var start = end
        while start > 0, end - start < Self.entityReach {
            let previous = tokens[start - 1].text
            if words.listMarkers.contains(previous) || words.joiners.contains(previous) { break }
            // A line, a clause, or a table cell ("Australia<tab>Google Australia Pty Ltd") ends the entity.
            if start < end,
                scanner.gap(before: start).contains(where: {
                    $0 == "\n" || $0 == ";" || $0 == ")" || $0 == "\t" || $0 == "|"
                })
            {
                break
            }
            if start < end, endsSentence(before: start) { break }
            start -= 1
        }
        // "the Ministry of …", "la société NORDVENT SAS": the name starts at its first capitalised word. With none
        // ("the organization agreeing to these terms ("Customer")") the entity has no name: "terms" is not one.
        let described = start
        while start < end - 1, !scanner.isCapitalised(start) { start += 1 }
        guard start < end else { return nil }
        let nameless = Entity(name: end..<end, description: described..<end)
        guard scanner.isCapitalised(start) else { return nameless }
        // "the business customer of Lumora": a role described by the name after it, which is not the entity's own.
        if start > described, words.objectPrepositions.contains(tokens[start - 1].text),
            words.roleMentioned(texts(described..<start)) != nil
        {
            return nameless
        }
        var cut = start + 1
        while cut < end, !scanner.gap(before: cut).contains(",") { cut += 1 }
        start = companyNameStart(start, cut)
        // "Specifically, …": one ordinary word at a sentence's start is no name.
        let distinctive = words.distinctive(texts(start..<cut))
        if distinctive.count == 1, ordinaryWords.contains(distinctive[0]) { return nameless }
        return Entity(name: start..<cut, description: cut..<end)
    }

    /// Whether a party is named by a pronoun ("we", "you"): terms written by the supplier to its users.
    var writtenInFirstPerson: Bool {
        parties.contains { $0.names.contains { words.pronouns[$0.lowercased()] != nil } }
    }

    /// "You are entering into this agreement with Murf Inc.": a name ending in a company form is the capitalised run
    /// before the form, not the clause that leads to it.
    func companyNameStart(_ start: Int, _ cut: Int) -> Int {
        // The form as written in a name ("Inc", "LLC"): "a Virginia limited liability company" is a description.
        guard cut - start > 2, words.companyForms.contains(tokens[cut - 1].text), scanner.isCapitalised(cut - 1) else {
            return start
        }
        var first = cut - 1
        while first > start,
            !scanner.isPlainLowerCase(first - 1) || words.nameConnectors.contains(tokens[first - 1].text)
        {
            first -= 1
        }
        while first < cut - 1, scanner.isPlainLowerCase(first) { first += 1 }
        return first
    }

    /// A full stop between token `t - 1` and `t` that ends a sentence: not after an initial ("U.S.") or a company
    /// form ("Acme Corp. Holdings").
    func endsSentence(before t: Int) -> Bool {
        guard t > 0, scanner.gap(before: t).contains(".") else { return false }
        let previous = tokens[t - 1].text
        return previous.count > 1 && !words.companyForms.contains(previous)
    }

    /// An entity with a company form ("Ltd", "Inc."), or a capitalised name near the top of the document. `listing`:
    /// the brackets name terms defined before ("(Inputs and Outputs together are "Content")"), so they say something
    /// about things, and do not name a company.
    func looksLikeParty(_ entity: Entity?, at offset: Int, names: [[String]], listing: Bool = false) -> Bool {
        guard let entity, !entity.name.isEmpty, entity.name.count <= 12, !isPossessed(entity.name.lowerBound) else {
            return false
        }
        let nameWords = texts(entity.name)
        if nameWords.contains(where: words.documentWords.contains) { return false }
        // Web terms, whose author is "we": "the services made available on the Site ("Services")" defines a thing
        // by a one-word term the document has defined. In contracts such names may still be parties ("a "Sponsor"").
        if nameWords.count == 1, terms.contains(where: { $0.words == nameWords }), writtenInFirstPerson { return false }
        // "… on behalf of the Data Controller (as a "Data Processor")": a role the text has defined as a term of several
        // words is a kind, not the company the brackets name ("the ValueAct Group" may be one).
        if nameWords.count > 1, words.roleMentioned(nameWords) != nil, terms.contains(where: { $0.words == nameWords })
        {
            return false
        }
        if namesLaw(entity) { return false }
        // "Northwind Ltd", "Acme Corp.": the form ends the name. A form inside it ("the" of "Customer for use of
        // the Services") says nothing: such entities are clauses, not parties.
        if endsInCompanyForm(entity) { return true }
        guard offset < Self.preambleLength, !listing, scanner.isCapitalised(entity.name.lowerBound) else {
            return false
        }
        // "provided by Lumora to Customer ("Documentation")": a clause about a thing, not a company's name.
        let clauseWord = entity.name.contains { t in
            // Numbers and single letters ("2020-A", "d/b/a") are not words of a clause.
            let word = tokens[t].text
            return !scanner.isCapitalised(t) && word.count > 1 && word.first?.isLetter == true
                && !words.nameConnectors.contains(word) && !words.companyForms.contains(word)
        }
        if clauseWord { return false }
        // "… through the Services ("Your Content")": a thing the terms define, not a company.
        if let last = nameWords.last, words.classHeads.contains(last) { return false }
        let capitalised = entity.name.filter { scanner.isCapitalised($0) }.count
        return capitalised * 3 >= entity.name.count * 2
    }

    /// Whether the entity is a law: a law word in its name ("Colorado Privacy Act"), or in its sentence's words just
    /// before it ("Regulation (EU) 2016/679 of the European Parliament and of the Council").
    func namesLaw(_ entity: Entity) -> Bool {
        let isLawWord = { (t: Int) in scanner.isCapitalised(t) && words.lawWords.contains(tokens[t].text) }
        if entity.name.contains(where: isLawWord) { return true }
        var t = entity.name.lowerBound
        while t > 0, entity.name.lowerBound - t < Self.lawReach, !endsSentence(before: t),
            !scanner.gap(before: t).contains(where: { $0 == "\n" || $0 == ";" })
        {
            t -= 1
            if isLawWord(t) { return true }
        }
        return false
    }

    /// Whether the entity is a postal address: its name ends in an address word ("Kemble Ave"), or has one and a
    /// number ("Bay Road Suite 700 … Richmond Hill").
    func namesAddress(_ entity: Entity) -> Bool {
        guard let last = entity.name.last else { return false }
        let isAddressWord = { (t: Int) in words.addressWords.contains(tokens[t].text) }
        return isAddressWord(last)
            || (entity.name.contains(where: isAddressWord)
                && entity.name.contains { tokens[$0].text.first?.isNumber == true })
    }

    /// Whether the name starting at token `t` is something a party has: right after a pronoun ("your Brindle
    /// Sorrels"), or after "and" that joins it to such a name ("your Brindle Sorrels and Harrow Quints"). A party
    /// is never named so; "between you and Lumora" is not this, as no name stands between the pronoun and "and".
    func isPossessed(_ t: Int) -> Bool {
        guard t > 0 else { return false }
        if words.pronouns[tokens[t - 1].text] != nil { return true }
        guard words.joiners.contains(tokens[t - 1].text) else { return false }
        var before = t - 1
        while before > 0, t - before <= 6, scanner.isCapitalised(before - 1),
            words.pronouns[tokens[before - 1].text] == nil
        {
            before -= 1
        }
        return before < t - 1 && before > 0 && words.pronouns[tokens[before - 1].text] != nil
    }

    /// A party's keys: the distinctive words of its entity name and of each proper name, joined. Two parties
    /// that share a word ("ARCONIC INC." and "ARCONIC ROLLED PRODUCTS CORP.") stay two.
    func keys(_ entity: [String]?, _ names: [[String]]) -> Set<String> {
        var keys = Set<String>()
        for name in (entity.map { [$0] } ?? []) + names.filter({ words.roleOfName($0) == nil }) {
            let key = distinctive(name)
            if !key.isEmpty { keys.insert(key.joined(separator: " ")) }
        }
        return keys
    }

    /// A name's distinctive words; a single letter counts ("X" of "X Corp.") when the text never writes it alone in
    /// lower case, as it writes the article of "Party A".
    private func distinctive(_ name: [String]) -> [String] {
        name.filter { word in
            words.distinctive([word]).count == 1
                || (word.count == 1 && word.first?.isLetter == true && !ordinaryWords.contains(word)
                    && !words.companyForms.contains(word) && !words.groupWords.contains(word))
        }
    }

    /// Adds a party, merged with one that shares a distinctive word, or a role-only name with its role.
    mutating func add(_ found: Found) {
        let match = parties.firstIndex { existing in
            !found.keys.isEmpty
                ? !existing.keys.isDisjoint(with: found.keys)
                : (found.role != nil && existing.role == found.role)
        }
        guard let p = match else {
            parties.append(found)
            return
        }
        if parties[p].role == nil { parties[p].role = found.role }
        for name in found.names where !parties[p].names.contains(name) { parties[p].names.append(name) }
        parties[p].keys.formUnion(found.keys)
    }

    /// "between you and OpenAI", "between Acme and you": the named side of web terms is the other party.
    mutating func readWebTerms() {
        let limit = min(tokens.count, 5000)
        var t = 1
        while t + 2 < limit {
            defer { t += 1 }
            guard words.listMarkers.contains(tokens[t - 1].text) else { continue }
            if let reader = words.pronouns[tokens[t].text], words.joiners.contains(tokens[t + 1].text) {
                addNamed(from: t + 2, role: reader == .buyer ? .supplier : .buyer)
            } else if scanner.isCapitalised(t) {
                var end = t
                while end < limit, end - t < 4, scanner.isCapitalised(end), !scanner.gap(before: end + 1).contains(",")
                {
                    end += 1
                }
                guard end + 1 < limit, words.joiners.contains(tokens[end].text),
                    let reader = words.pronouns[tokens[end + 1].text]
                else { continue }
                addNamed(from: t, role: reader == .buyer ? .supplier : .buyer)
            }
        }
    }

    private mutating func addNamed(from t: Int, role: Party) {
        var end = t
        while end < tokens.count, end - t < 4, scanner.isCapitalised(end) {
            end += 1
            let gap = scanner.gap(before: end)
            if gap.contains(where: { $0 == "," || $0 == "(" || $0 == "\n" }) { break }
            // "between you and Company. For purposes of …": a sentence's first word is not part of the name.
            if gap.contains("."), end < tokens.count, ordinaryWords.contains(tokens[end].text) { break }
        }
        guard end > t else { return }
        let name = texts(t..<end)
        // "solely between you and the applicable third party provider": someone else, not the other party.
        guard !name.contains(where: words.documentWords.contains), !name.contains(where: words.groupWords.contains),
            words.roleOfName(name) == nil
        else { return }
        add(Found(role: role, names: [scanner.text(t, end)], keys: keys(name, [])))
    }

    /// Two parties of which one has a role: the other has the other role. Not when the known party speaks as "we":
    /// the other side is then "you", the reader, and a company the text also names (a joint controller, a payment
    /// provider) is a third party. (A party addressed as "you" still has a counterpart: the letter's writer.)
    mutating func completeRoles() {
        let named = parties.indices.filter { !parties[$0].keys.isEmpty || parties[$0].role != nil }
        let unknown = named.filter { parties[$0].role == nil }
        let known = Set(named.compactMap { parties[$0].role })
        guard unknown.count == 1, known.count == 1, let role = known.first, role != .any else { return }
        let speaksAsWe = named.contains { i in
            parties[i].names.contains { words.pronouns[$0.lowercased()] == .supplier }
        }
        guard !speaksAsWe else { return }
        parties[unknown[0]].role = role == .supplier ? .buyer : .supplier
    }

    /// Every word of the parties' names that the text never writes as an ordinary word, with its party's role (`any`
    /// when the role is unknown or two parties share the word): with `partyWords`, what the learned model reads as a
    /// party, whatever it is called.
    var properNameWords: [String: Party] {
        var found: [String: Party] = [:]
        for party in parties {
            for word in party.keys.flatMap({ $0.split(separator: " ").map(String.init) })
            where word.count > 1 && word.unicodeScalars.first!.properties.isAlphabetic && !ordinaryWords.contains(word)
                && words.roles[word] == nil
                && words.pronouns[word] == nil
            {
                let role = party.role ?? .any
                found[word] = found[word].map { $0 == role ? role : .any } ?? role
            }
        }
        return found
    }

    /// Single words that name a party with a known role in this document; a word naming both is left out.
    var partyWords: [String: Party] {
        var map: [String: Party] = [:]
        var conflicting = Set<String>()
        for party in parties {
            guard let role = party.role, role != .any else { continue }
            // Each name's first distinctive word: "northwind" for "NORTHWIND LTD".
            var partyKeys = Set(party.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
            for name in party.names {
                let nameWords = PhraseList<Bool>.words(name)
                if words.roleOfName(nameWords) != nil {
                    partyKeys.formUnion(nameWords.filter { words.roles[$0] != nil })
                } else if words.isFormAlias(nameWords) {
                    // `(the "Company")`: the form names this party here, though it is no distinctive name.
                    partyKeys.formUnion(nameWords.filter { !words.nameConnectors.contains($0) && $0.count > 1 })
                }
            }
            for key in partyKeys {
                if let existing = map[key], existing != role { conflicting.insert(key) }
                map[key] = role
            }
        }
        for key in conflicting { map[key] = nil }
        return map
    }
}
