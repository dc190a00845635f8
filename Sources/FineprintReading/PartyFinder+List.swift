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
        guard let first = nameRun(from: marker + 1, limit: limit) else { return }
        add(Found(role: nil, names: [scanner.text(first.lowerBound, first.upperBound)], keys: keys(texts(first), [])))
        var t = first.upperBound
        while t + 1 < min(limit, first.upperBound + Self.secondPartyReach) {
            if words.joiners.contains(tokens[t].text), scanner.isCapitalised(t + 1),
                let second = nameRun(from: t + 1, limit: limit)
            {
                add(
                    Found(
                        role: nil,
                        names: [scanner.text(second.lowerBound, second.upperBound)],
                        keys: keys(texts(second), [])
                    )
                )
                return
            }
            if scanner.gap(before: t + 1).contains(".") && !words.companyForms.contains(tokens[t].text) { return }
            t += 1
        }
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
