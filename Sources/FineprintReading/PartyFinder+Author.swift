import FineprintCore
import FineprintText

extension PartyFinder {
    static let authorMinimumPronouns = 5
    static let authorMinimumSubjects = 3
    /// How far into the text the title and the author markers are looked for.
    static let authorReach = 400

    /// Terms the supplier writes itself often never define its name ("OpenAI will not use …"). The author is
    /// the name most often the subject of a clause among the names the text puts forward: its title
    /// ("Lumora Services Agreement"), "Welcome to Lumora", "provided by Lumora", the copyright line — or, in
    /// first-person terms, any capitalised name. Only where the text speaks as "we", names a buyer by its role, or
    /// addresses its reader as "you".
    mutating func readAuthor() {
        let candidates = authorCandidates()
        let counts = subjectCounts(candidates: candidates)
        let supplierKeys = parties.filter { $0.role == .supplier }.flatMap { partyFirstWords($0) }
        if let named = supplierKeys.first(where: { (counts[$0]?.count ?? 0) >= Self.authorMinimumSubjects }) {
            claimForAuthor(named)
            return
        }
        if parties.contains(where: { $0.role == .supplier && $0.names.contains(where: isRoleName) }) { return }
        var pronouns: [Party: Int] = [:]
        for token in tokens { if let side = words.pronouns[token.text] { pronouns[side, default: 0] += 1 } }
        let firstPerson = pronouns[.supplier, default: 0] >= Self.authorMinimumPronouns
        // Website terms written about the supplier in the third person and to the reader as "you" ("Lumora may
        // terminate your access"): the author is then one of the names the text puts forward.
        let addressesReader = pronouns[.buyer, default: 0] >= Self.authorMinimumPronouns
        let namedBuyer = parties.contains { $0.role == .buyer && $0.names.contains(where: isRoleName) }
        guard firstPerson || namedBuyer || addressesReader else { return }
        let eligible = counts.filter { firstPerson || candidates.contains($0.key) }
        guard let best = eligible.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
            best.value.count >= Self.authorMinimumSubjects
        else { return }
        claimForAuthor(best.key)
        add(Found(role: .supplier, names: [scanner.text(best.value.first, best.value.first + 1)], keys: [best.key]))
    }

    /// Parties read without a role, or given the buyer's by mistake ("“Lumora” means Lumora Ltd if Customer
    /// …"), whose names contain the author's are the author.
    private mutating func claimForAuthor(_ author: String) {
        for p in parties.indices
        where parties[p].keys.contains(where: { $0.split(separator: " ").contains(Substring(author)) }) {
            if !parties[p].names.contains(where: isRoleName) { parties[p].role = .supplier }
        }
    }

    /// Capitalised names that are the subject of a clause ("Lumora will", "Lumora AI may"), by their first
    /// name word, with how often and where first.
    private func subjectCounts(candidates: Set<String>) -> [String: (count: Int, first: Int)] {
        // Defined terms ("Services will", "Output may") are things, not the author, unless the text puts
        // the name forward as its author ("“Lumora” means Lumora Ltd").
        let things = Set(terms.flatMap(\.words)).subtracting(candidates)
        var counts: [String: (count: Int, first: Int)] = [:]
        for t in tokens.indices.dropLast() where words.authorVerbs.contains(tokens[t + 1].text) {
            var first = t
            while first > 0, t - first < 2, scanner.isCapitalised(first - 1), scanner.gap(before: first) == [" "] {
                first -= 1
            }
            guard scanner.isCapitalised(t),
                let name = (first...t).first(where: { isNameWord(tokens[$0].text) && !things.contains(tokens[$0].text) }
                )
            else { continue }
            counts[tokens[name].text, default: (0, name)].count += 1
        }
        return counts
    }

    /// Names the text puts forward as its author: the title's words before its first document word
    /// ("Lumora Services Agreement"), and the name after an author marker ("Welcome to Lumora", "© Lumora").
    private func authorCandidates() -> Set<String> {
        let reach = min(tokens.count, Self.authorReach)
        var found = Set<String>()
        var t = 0
        while t < reach, !words.documentWords.contains(tokens[t].text) {
            if scanner.gap(before: t).contains("\n"), t > 0, !found.isEmpty { found.removeAll() }
            if scanner.isCapitalised(t), isNameWord(tokens[t].text) { found.insert(tokens[t].text) }
            t += 1
        }
        if t == reach { found.removeAll() }
        for t in 0..<tokens.count {
            let marked =
                words.authorMarkers.match(tokens, at: t)?.next ?? (scanner.gap(before: t).contains("©") ? t : nil)
            guard var next = marked else { continue }
            while next < tokens.count, tokens[next].text.allSatisfy(\.isNumber) { next += 1 }
            if next < tokens.count, scanner.isCapitalised(next), isNameWord(tokens[next].text) {
                found.insert(tokens[next].text)
            }
        }
        return found
    }

    private func isNameWord(_ word: String) -> Bool {
        word.count > 2 && !ordinaryWords.contains(word) && words.roles[word] == nil && words.pronouns[word] == nil
            && !words.documentWords.contains(word)
            && !words.companyForms.contains(word) && !words.groupWords.contains(word)
            && !words.classHeads.contains(word)
    }

    private func isRoleName(_ name: String) -> Bool {
        let nameWords = PhraseList<Bool>.words(name)
        return words.roleOfName(nameWords) != nil && !nameWords.contains { words.pronouns[$0] != nil }
    }

    /// The first word of each of a party's keys: how the engine recognises it in a clause.
    private func partyFirstWords(_ party: Found) -> [String] {
        party.keys.compactMap { $0.split(separator: " ").first.map(String.init) }
    }
}
