/// The number of the clause a quote sits in, read from the text itself: the line the quote starts
/// on, or the nearest numbered heading above it ("12.3", "Section 4", "Article 7").
enum ClauseNumber {
    /// How far back to look for a heading, in Unicode scalars.
    static let reach = 4000

    static func near(_ offset: Int, in scalars: [Unicode.Scalar]) -> String? {
        var end = min(max(offset, 0), scalars.count)
        let floor = max(0, end - reach)
        // Walk line by line from the quote's line upwards.
        while end >= floor {
            var start = end
            while start > 0, scalars[start - 1] != "\n" { start -= 1 }
            var lineEnd = start
            while lineEnd < scalars.count, scalars[lineEnd] != "\n", lineEnd - start < 80 { lineEnd += 1 }
            var line = String.UnicodeScalarView()
            line.append(contentsOf: scalars[start..<lineEnd])
            if let number = number(String(line)) { return number }
            guard start > 0 else { return nil }
            end = start - 1
        }
        return nil
    }

    /// "12.3 Data" → "12.3"; "Section 4 — Fees" → "Section 4"; "(b) the" → nil (a list item, not a clause).
    static func number(_ line: String) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(2).map(String.init)
        guard let first = words.first else { return nil }
        let named = ["section", "clause", "article", "art.", "§"]
        if named.contains(first.lowercased()), words.count > 1, let n = numeral(words[1]) {
            return first.prefix(1).uppercased() + first.dropFirst() + " " + n
        }
        return numeral(first)
    }

    /// "12.3." → "12.3"; "4)" → "4"; anything else → nil.
    static func numeral(_ word: String) -> String? {
        var w = Substring(word)
        while let last = w.last, last == "." || last == ")" || last == ":" { w = w.dropLast() }
        guard let head = w.first, head.isNumber, w.count <= 10 else { return nil }
        guard w.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        return String(w)
    }
}
