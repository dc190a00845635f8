import FineprintCore
import FineprintText

extension PartyFinder {
    static let signatureNameReach = 15

    /// Signature blocks, read only when the preamble gave fewer than two parties (joint filings list their
    /// members nowhere else): the upper-case name just before `By:` or a conformed signature `/s/`.
    mutating func readSignatures() {
        guard parties.filter({ !$0.keys.isEmpty }).count < 2 else { return }
        for t in tokens.indices where isSignatureMark(t) {
            var start = t
            while start > 0, t - start < Self.signatureNameReach, isUpperCaseWord(start - 1) {
                // The name is one line: the line break before "By:" ends it, one inside it starts it.
                if start < t, scanner.gap(before: start).contains("\n") { break }
                start -= 1
            }
            guard start < t else { continue }
            let nameWords = texts(start..<t)
            guard words.roleOfName(nameWords) == nil, !nameWords.contains(where: words.documentWords.contains),
                words.distinctive(nameWords).contains(where: { $0.count > 2 })
            else { continue }
            add(Found(role: nil, names: [scanner.text(start, t)], keys: keys(nameWords, [])))
        }
    }

    /// `By:` (a signature marker followed by a colon) or the `s` of `/s/`.
    private func isSignatureMark(_ t: Int) -> Bool {
        guard t + 1 < tokens.count else { return false }
        if words.signatureMarkers.contains(tokens[t].text), scanner.isCapitalised(t) {
            return scanner.gap(before: t + 1).contains(":")
        }
        return tokens[t].text == "s" && scanner.gap(before: t).last == "/" && scanner.gap(before: t + 1).first == "/"
    }

    /// A word with letters, none of them lower-case, as written ("ACME", "L.P.", "WASTE2ENERGY").
    private func isUpperCaseWord(_ t: Int) -> Bool {
        let written = scanner.scalars[tokens[t].start..<tokens[t].end]
        return written.contains { $0.properties.isAlphabetic }
            && !written.contains { $0.properties.isLowercase }
    }
}
