import FineprintCore
import FineprintText

extension PartyFinder {
    static let listReach = 3000
    static let secondPartyReach = 80

    /// "by and between Link Plus Corporation and Axiometric, LLC": the names after the first "between" of the
    /// preamble and after the "and" that follows it, when both are capitalised. Their roles come from the
    /// other readings, or stay unknown.
    mutating func readPartyList() {
        let limit = min(tokens.count, Self.listReach)
        guard
            let marker = (0..<limit).first(where: {
                words.listMarkers.contains(tokens[$0].text) && $0 + 1 < limit && scanner.isCapitalised($0 + 1)
                    && tokens[$0].text != "by"
            })
        else { return }
        // "between Customer and Lumora", "between Lumora and Customer": a side named by its role alone gives the
        // named side the other role.
        var role = roleName(at: marker + 1)
        var named: Range<Int>?
        let first: Range<Int>
        if let r = role {
            first = r.name
        } else {
            guard let run = nameRun(from: marker + 1, limit: limit) else { return }
            first = run
            named = run
        }
        // Exactly one side is known before the joiner: a role (`role`) or a name (`named`).
        var t = first.upperBound
        while t + 1 < min(limit, first.upperBound + Self.secondPartyReach) {
            if words.joiners.contains(tokens[t].text) {
                // "between Berget and the Customer": the article before a role name.
                if role == nil, let r = roleName(at: t + 1) {
                    role = r
                    break
                }
                if scanner.isCapitalised(t + 1), let second = nameRun(from: t + 1, limit: limit) {
                    guard role == nil else {
                        named = second
                        break
                    }
                    addListed(first, role: nil)
                    addListed(second, role: nil)
                    return
                }
            }
            if scanner.gap(before: t + 1).contains(".") && !words.companyForms.contains(tokens[t].text) { break }
            t += 1
        }
        guard let named else { return }
        guard let role else {
            addListed(named, role: nil)
            return
        }
        addListed(named, role: role.role == .buyer ? .supplier : .buyer)
        add(Found(role: role.role, names: [scanner.text(role.name.lowerBound, role.name.upperBound)], keys: []))
    }

    /// Adds a listed name; a role it gets from the list is only given to a party that has none.
    private mutating func addListed(_ name: Range<Int>, role: Party?) {
        let nameKeys = keys(texts(name), [])
        add(Found(role: nil, names: [scanner.text(name.lowerBound, name.upperBound)], keys: nameKeys))
        guard let role, let p = parties.firstIndex(where: { !$0.keys.isDisjoint(with: nameKeys) }) else { return }
        if parties[p].role == nil { parties[p].role = role }
    }

    /// A side of the list named by a role word alone ("Customer", "the Service Provider"): capitalised words up to
    /// a comma, a bracket or a joiner, after an article.
    private func roleName(at start: Int) -> (name: Range<Int>, role: Party)? {
        var t = start
        if t + 1 < tokens.count, scanner.isPlainLowerCase(t), words.companyForms.contains(tokens[t].text) { t += 1 }
        guard scanner.isCapitalised(t) else { return nil }
        var end = t
        while end < tokens.count, end - t < 3, scanner.isCapitalised(end), !words.joiners.contains(tokens[end].text) {
            if end > t, scanner.gap(before: end).contains(where: { $0 == "," || $0 == "(" || $0 == "\n" }) { break }
            end += 1
        }
        let name = texts(t..<end)
        guard end > t, let role = words.roleOfName(name), role != .any,
            !name.contains(where: { words.pronouns[$0] != nil })
        else { return nil }
        return (t..<end, role)
    }

    /// Capitalised tokens from `t`: at most eight, through ", Inc." but not past another comma, a bracket or a joiner.
    private func nameRun(from t: Int, limit: Int) -> Range<Int>? {
        var end = t
        while end < limit, end - t < 8, scanner.isCapitalised(end) || words.companyForms.contains(tokens[end].text) {
            if end > t, words.joiners.contains(tokens[end].text) { break }
            let gap = scanner.gap(before: end)
            if end > t, gap.contains("(") || gap.filter({ $0 == "\n" }).count > 1 { break }
            if end > t, gap.contains(","), !words.companyForms.contains(tokens[end].text) { break }
            end += 1
        }
        let name = texts(t..<end)
        guard end > t, !name.contains(where: words.documentWords.contains), words.roleOfName(name) == nil,
            !words.distinctive(name).isEmpty
        else { return nil }
        return t..<end
    }
}
