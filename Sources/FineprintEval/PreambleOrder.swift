import FineprintText

/// Lists the two parties of a preamble in the other order: "between A (…) and B (…)" becomes
/// "between B (…) and A (…)". Only when both sides carry a parenthetical and the list ends within the line.
enum PreambleOrder {
    static let reach = 600

    static func swapped(_ text: String, listMarker: String = "between", joiner: String = "and") -> String? {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokens(in: scalars, from: 0, to: min(scalars.count, 8000))
        guard let marker = tokens.firstIndex(where: { $0.text == listMarker }), marker + 1 < tokens.count else {
            return nil
        }
        let firstStart = tokens[marker + 1].start
        // The joiner after the first party's parenthetical closes.
        var j = marker + 2
        while j < tokens.count, tokens[j].start - firstStart < reach {
            if tokens[j].text == joiner, String.UnicodeScalarView(scalars[firstStart..<tokens[j].start]).contains(")") {
                break
            }
            j += 1
        }
        guard j + 1 < tokens.count, tokens[j].text == joiner else { return nil }
        let secondStart = tokens[j + 1].start
        var firstEnd = tokens[j].start
        while firstEnd > firstStart, " ,\n".unicodeScalars.contains(scalars[firstEnd - 1]) { firstEnd -= 1 }
        // The second party runs to its last ")" before the end of the line or sentence.
        var k = secondStart
        var secondEnd: Int?
        while k < scalars.count, k - secondStart < reach, scalars[k] != "\n", scalars[k] != ";" {
            if scalars[k] == ")" { secondEnd = k + 1 }
            k += 1
        }
        guard let secondEnd, scalars[firstStart..<firstEnd].contains("(") else { return nil }
        var out = String.UnicodeScalarView(scalars[0..<firstStart])
        out.append(contentsOf: scalars[secondStart..<secondEnd])
        out.append(contentsOf: scalars[firstEnd..<secondStart])
        out.append(contentsOf: scalars[firstStart..<firstEnd])
        out.append(contentsOf: scalars[secondEnd...])
        return String(out)
    }
}
