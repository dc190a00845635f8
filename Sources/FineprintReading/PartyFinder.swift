import FineprintCore
import FineprintText

/// Finds the parties and the defined terms among a document's quoted names: preamble parentheticals
/// (`NORTHWIND LTD (the "Supplier")`), aliases (`hereinafter "Acme"`), definitions (`"Customer" means …`)
/// and, in web terms, "between you and <Name>".
struct PartyFinder {
    struct Found {
        var role: Party?
        var names: [String]
        /// Distinctive words of its entity and proper names: how mentions of one party are merged.
        var keys: Set<String>
    }

    struct Term {
        var name: String
        var words: [String]
        /// The words that define it: after "means", or before a parenthetical.
        var body: [String]
        /// True when the body is the words before a parenthetical: its head is then its last word.
        var definedBefore = false
        /// True for a parenthetical that names a list ("… or recordings (collectively, "X")"): its body runs back to
        /// its sentence's start, and a list of other defined terms gives it their class.
        var collective = false
    }

    /// Quoted names this far into the text may name parties without a company form ("John Smith").
    static let preambleLength = 6000
    static let entityReach = 25
    static let definitionReach = 40
    static let collectiveReach = 60
    static let definedBeforeReach = 40

    let words: ReadingWords
    let scanner: QuotedNameScanner
    /// Words the text also writes in lower case between spaces ("users", "specifically"): ordinary words,
    /// capitalised only at a sentence's start, never a name. Words of web addresses ("openai.com") do not count.
    let ordinaryWords: Set<String>
    var parties: [Found] = []
    var terms: [Term] = []

    var tokens: [Token] { scanner.tokens }

    func texts(_ range: Range<Int>) -> [String] { tokens[range].map(\.text) }

    mutating func read(_ names: [QuotedName]) {
        var i = 0
        while i < names.count {
            var j = i + 1
            // A definition's words stop at the names defined before and after it: a list of definitions in one
            // sentence (`"EU" means …; "GDPR" means …`) gives each term its own words only.
            let previous = i > 0 ? names[i - 1].nextToken : 0
            if let p = names[i].parenthesis {
                while j < names.count, names[j].parenthesis == p { j += 1 }
                // A name quoted inside an aside of the list ("… your device (including our "Pendant" wearable) …
                // (collectively, "X")") ends no definition: a collective's list runs on past it.
                let aside =
                    i > 0 && names[i - 1].parenthesis != nil && names[i - 1].parenthesis != p
                    && !closesItsParenthesis(names[i - 1])
                let floor = aside && isCollective(scanner.token(atOrAfter: p)..<names[i].firstToken) ? 0 : previous
                readParenthetical(Array(names[i..<j]), at: p, after: floor)
            } else {
                readLoose(names[i], before: j < names.count ? names[j].firstToken : tokens.count)
            }
            i = j
        }
    }

    /// Whether a name ends the parenthetical it stands in (`(together, "X")`), as a definition does; a name with
    /// more words after it in its brackets (`(including our "Pendant" wearable device)`) is an aside.
    private func closesItsParenthesis(_ name: QuotedName) -> Bool {
        var k = name.end
        while k < scanner.scalars.count, scanner.scalars[k] == " " { k += 1 }
        return k < scanner.scalars.count && scanner.scalars[k] == ")"
    }

    /// `ENTITY, description (the "X", "we")`: a party when a name gives a role or the entity looks like one;
    /// otherwise the names are defined terms, defined by the words before the parenthesis.
    /// `bracketed`: false for an alias outside brackets ("…, hereinafter "Acme""), whose offset is its marker's.
    private mutating func readParenthetical(
        _ names: [QuotedName],
        at offset: Int,
        after previous: Int = 0,
        bracketed: Bool = true
    ) {
        let named = names.map { (name: $0, words: texts($0.firstToken..<$0.nextToken)) }
            .filter { !words.isGroupName($0.words) }
        guard !named.isEmpty else { return }
        let lexicon = words
        let nameRole = named.compactMap { lexicon.roleOfName($0.words) }.first
        let entity = entityBefore(offset)
        let isDocument = named.contains { $0.words.contains(where: words.documentWords.contains) }
        let inside = bracketed ? scanner.token(atOrAfter: offset)..<names[0].firstToken : 0..<0
        let collective = isCollective(inside)
        // "(each "Subprocessor", …)": a kind of outside entity, as "Subprocessor" means any processor. A name with no
        // role word may still be one side ("each other party hereto (each, a "Sponsor")").
        let kind = nameRole != nil && inside.contains { words.classDeterminers.contains(tokens[$0].text) }
        // "Customer's end-users (the "Input")", "Sana (… "Services")": names of things, not of a party.
        let things = nameRole == nil && named.allSatisfy { $0.words.last.map(words.classHeads.contains) ?? false }
        // `"X API" means … Software Development Kits (each, an "SDK")`: brackets inside a definition name things,
        // unless they follow a company ("… means Northwind Ltd ("Northwind")").
        let inDefinition = nameRole == nil && !endsInCompanyForm(entity) && followsDefinitionMarker(offset)
        // An address before the brackets ("P.O. Box 4324, Houston, TX ("Shipper")") is a party's, which the brackets
        // alone name; near the top, it makes them a party.
        let address = entity.map(namesAddress) == true
        if !isDocument, !kind, !things, !inDefinition,
            nameRole != nil || (address && offset < Self.preambleLength)
                || looksLikeParty(entity, at: offset, names: named.map(\.words), listing: listsTerms(inside))
        {
            addParty(address ? nil : entity, named, role: nameRole)
            return
        }
        let end = max(0, names[0].firstToken - 1)
        // A collective's list runs back to its sentence's start; another name is defined by the words of its own
        // sentence before it, at most `definedBeforeReach` of them.
        let start = sentenceStart(before: end, after: previous)
        let from = min(collective ? start : max(start, end - Self.definedBeforeReach), end)
        let before = texts(from..<end)
        for item in named where !isDocument {
            terms.append(
                Term(
                    name: item.name.text,
                    words: item.words,
                    body: before,
                    definedBefore: true,
                    collective: collective
                )
            )
        }
    }

    /// The party a parenthetical names: its entity (if any) and the quoted names, with the names' role or else one its
    /// entity's words mention.
    private mutating func addParty(_ entity: Entity?, _ named: [(name: QuotedName, words: [String])], role: Party?) {
        var role = role
        if role == nil, let entity {
            role = words.roleMentioned(texts(entity.name) + texts(entity.description).prefix(12))
        }
        let entityName = entity.flatMap {
            $0.name.isEmpty ? nil : scanner.text($0.name.lowerBound, $0.name.upperBound)
        }
        add(
            Found(
                role: role,
                names: (entityName.map { [$0] } ?? []) + named.map(\.name.text),
                keys: keys(entity.map { texts($0.name) }, named.map(\.words))
            )
        )
    }

    /// Whether words in a parenthesis name terms already defined: "(Inputs and Outputs together are "Content")".
    private func listsTerms(_ inside: Range<Int>) -> Bool {
        inside.contains { t in
            terms.contains { term in
                t + term.words.count <= inside.upperBound && Array(texts(t..<t + term.words.count)) == term.words
            }
        }
    }

    /// Whether the words in a parenthesis before its name mark it as naming a list: "(collectively, "X")".
    private func isCollective(_ inside: Range<Int>) -> Bool {
        inside.contains { words.aliasMarkers.match(tokens, at: $0) != nil }
    }

    /// The first token of the sentence that token `t` ends, at most `collectiveReach` tokens back and never before
    /// `floor` (the end of the previous quoted name).
    func sentenceStart(before t: Int, after floor: Int) -> Int {
        var start = t
        while start > max(floor, t - Self.collectiveReach), !endsSentence(before: start),
            !scanner.gap(before: start).contains("\n")
        {
            start -= 1
        }
        return start
    }

    /// A quoted name outside brackets: an alias after "hereinafter", or a term before "means".
    private mutating func readLoose(_ name: QuotedName, before next: Int) {
        let nameWords = texts(name.firstToken..<name.nextToken)
        if let marker = aliasMarker(before: name.firstToken) {
            readParenthetical([name], at: tokens[marker].start, bracketed: false)
            return
        }
        guard let bodyStart = definitionMarker(after: name.nextToken) else { return }
        let bodyEnd = max(bodyStart, min(tokens.count, bodyStart + Self.definitionReach, next))
        let body = texts(bodyStart..<bodyEnd)
        if let role = words.roleOfName(nameWords) {
            // "Subprocessor" means any processor the supplier appoints: a kind of outside entity, not a party (and
            // the supplier it names must not be left to take the other role).
            if let first = body.first, words.classDeterminers.contains(first) { return }
            // "Supplier" means Northwind Ltd: the role joins the party the definition names.
            let bodyWords = Set(body.prefix(15))
            let named = parties.firstIndex { party in
                party.keys.contains { key in key.split(separator: " ").allSatisfy { bodyWords.contains(String($0)) } }
            }
            if let p = named {
                if parties[p].role == nil { parties[p].role = role }
                if parties[p].role == role { parties[p].names.append(name.text) }
                return
            }
            add(Found(role: role, names: [name.text], keys: []))
            return
        }
        guard !words.isGroupName(nameWords) else { return }
        // `"X" means (a) X Corp. (…)`: a name defined as a company is that party's name.
        if let company = companyOpening(bodyStart, before: bodyEnd) {
            let companyWords = texts(company)
            add(
                Found(
                    role: nil,
                    names: [scanner.text(company.lowerBound, company.upperBound), name.text],
                    keys: keys(companyWords, [nameWords])
                )
            )
            return
        }
        terms.append(Term(name: name.text, words: nameWords, body: body))
    }

    /// The token after a definition marker that follows token `t` (skipping `or "Y"` chains), if any.
    private func definitionMarker(after t: Int) -> Int? {
        var i = t
        var skipped = 0
        while i < tokens.count, skipped < 4 {
            if let m = words.definitionMarkers.match(tokens, at: i) { return m.next }
            // Another quoted alias of the same term: `"Input" or "Prompts" means`.
            guard tokens[i].text == "or" || scanner.gap(before: i).contains(where: QuotedNameScanner.closers.contains)
            else { return nil }
            i += 1
            skipped += 1
        }
        return nil
    }

    /// The first token of an alias marker just before token `t` ("hereinafter", "referred to as").
    func aliasMarker(before t: Int) -> Int? {
        // The farthest first: "ci-après dénommée" is one marker, not two.
        for start in max(0, t - 5)..<t {
            if let m = words.aliasMarkers.match(tokens, at: start), m.next >= t - 1 { return start }
        }
        return nil
    }
}
