import FineprintCore
import FineprintText

extension PartyFinder {
    /// How far into a definition a company name may start (past "(a)", "the").
    static let companyOpeningReach = 5
    /// How many words a company name defined that way may have, its form included.
    static let companyNameLength = 7

    /// A company named at the opening of a definition's body (`"X" means (a) X Corp. …`): a run of capitalised words
    /// ending in a company form, starting within the body's first few tokens.
    func companyOpening(_ bodyStart: Int, before bodyEnd: Int) -> Range<Int>? {
        let reach = min(bodyEnd, bodyStart + Self.companyOpeningReach)
        guard let start = (bodyStart..<reach).first(where: { scanner.isCapitalised($0) }) else { return nil }
        var t = start
        while t < min(bodyEnd, start + Self.companyNameLength) {
            let word = tokens[t].text
            if t > start, words.companyForms.contains(word), !words.nameConnectors.contains(word) {
                return start..<t + 1
            }
            guard scanner.isCapitalised(t) || words.nameConnectors.contains(word) else { return nil }
            if t > start, scanner.gap(before: t).contains(where: { $0 == "," || $0 == "(" || $0 == "\n" }) {
                return nil
            }
            t += 1
        }
        return nil
    }

    /// Whether an entity's name ends in a company form ("Northwind Ltd").
    func endsInCompanyForm(_ entity: Entity?) -> Bool {
        guard let entity, entity.name.count > 1 else { return false }
        return words.companyForms.contains(tokens[entity.name.upperBound - 1].text)
    }

    /// Whether the sentence holding a scalar offset has a definition marker ("means") before it.
    func followsDefinitionMarker(_ offset: Int) -> Bool {
        let end = scanner.token(atOrAfter: offset)
        return (sentenceStart(before: end, after: 0)..<end).contains {
            words.definitionMarkers.match(tokens, at: $0) != nil
        }
    }
}
