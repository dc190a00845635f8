import FineprintCore
import FineprintText

extension PartyFinder {
    static let labelledNameReach = 14

    /// Parties introduced by a label without quotation marks, in the preamble: `Party A: Beike Ltd.`,
    /// `Party B (Carrier): Tonglu Logistics Ltd.`, or `Baoding Fengfan Ltd. (hereinafter referred to as Party A)`.
    mutating func readLabelledParties() {
        let limit = min(tokens.count, Self.listReach)
        var t = 0
        while t < limit {
            guard scanner.isCapitalised(t), let label = words.partyLabels.match(tokens, at: t) else {
                t += 1
                continue
            }
            if let marker = aliasMarker(before: t), let open = openBracket(before: marker) {
                addLabelled(entityBefore(open).map(\.name), label: t..<label.next)
            } else if let nameStart = colon(after: label.next) {
                addLabelled(labelledName(from: nameStart, limit: limit), label: t..<label.next)
            }
            t = label.next
        }
    }

    /// The token after the ":" that ends a label, skipping a bracketed role (`Party A (Shipper):`).
    private func colon(after t: Int) -> Int? {
        var i = t
        while i < tokens.count, i - t < 4, tokens[i].parenthesized { i += 1 }
        guard i < tokens.count, scanner.gap(before: i).contains(":") else { return nil }
        return scanner.isCapitalised(i) ? i : nil
    }

    /// The scalar offset of the "(" that opens the aside an alias marker at token `t` stands in.
    private func openBracket(before t: Int) -> Int? {
        var i = t
        while i > 0, t - i < 4 {
            let gap = scanner.gap(before: i)
            if let open = gap.lastIndex(of: "(") { return open }
            if gap.contains(where: { $0 == "\n" || $0 == ")" }) { return nil }
            i -= 1
        }
        return nil
    }

    /// A name after a label: up to the end of its line or the next label; cut after its company form
    /// ("Co., Ltd." then "Legal Representative: …"), else at its first lower-case word.
    private func labelledName(from start: Int, limit: Int) -> Range<Int>? {
        var end = start
        while end < limit, end - start < Self.labelledNameReach {
            if end > start, scanner.gap(before: end).contains(where: { "\n:;(".unicodeScalars.contains($0) }) { break }
            if end > start, words.partyLabels.match(tokens, at: end) != nil { break }
            end += 1
        }
        if let form = (start..<end).last(where: { words.companyForms.contains(tokens[$0].text) && $0 > start }) {
            return start..<(form + 1)
        }
        var cut = start + 1
        while cut < end, scanner.isCapitalised(cut) || words.nameConnectors.contains(tokens[cut].text) { cut += 1 }
        while cut > start + 1, words.nameConnectors.contains(tokens[cut - 1].text) { cut -= 1 }
        return start..<cut
    }

    private mutating func addLabelled(_ name: Range<Int>?, label: Range<Int>) {
        guard let name, !name.isEmpty else { return }
        let nameWords = texts(name)
        guard !nameWords.contains(where: words.documentWords.contains), words.roleOfName(nameWords) == nil,
            !words.distinctive(nameWords).isEmpty
        else { return }
        let labelWords = texts(label)
        add(
            Found(
                role: words.roleOfName(labelWords),
                names: [
                    scanner.text(name.lowerBound, name.upperBound), scanner.text(label.lowerBound, label.upperBound),
                ],
                keys: keys(nameWords, [labelWords])
            )
        )
    }
}
