import FineprintText

extension MarkdownExtractor {
    /// A bold lead: a short bold run that opens a paragraph or list item and ends before its clause text, the clause's
    /// own title written into its first line ("**12. Governing Law** These Terms are governed…", "**Termination.** We
    /// may…"). A bold phrase that goes on as the sentence ("**All fees** are final", a defined term "**“Account”**
    /// means…") is no title, nor is bold text inside a sentence, nor a label a colon or dash ties to what follows
    /// ("**Data location:** United States", "**SLA**: the service level agreement"): that is a field or a definition.
    enum BoldLead {
        /// Most words a bold lead has.
        static let maximumWords = 12

        /// The length, in scalars of the stripped text, of the title a line opens with; nil when it opens with none.
        static func titleLength(_ line: String) -> Int? {
            let s = Array(line.unicodeScalars)
            guard let end = leadEnd(s) else { return nil }
            let title = stripped(s[0..<end])
            let whole = stripped(s[...])
            guard !title.isEmpty, whole.count > title.count, Array(whole[0..<title.count]) == title else { return nil }
            return title.count
        }

        /// Where the bold run (and a period right after it) ends, when it is a title.
        private static func leadEnd(_ s: [Unicode.Scalar]) -> Int? {
            guard s.count > 4, let c = s.first, c == "*" || c == "_", s[1] == c, s[2] != c,
                let close = Inline.findRun(c, length: 2, in: s, from: 3)
            else { return nil }
            return titleEnd(inner: Array(s[2..<close]), in: s, after: close + 2)
        }

        /// Where a title ends when the bold text `inner` opens a line `s` and `s[after...]` follows it (Markdown's
        /// `**…**`, HTML's `<strong>`): short, with a letter, not quoted, and closed by a period (inside or after it)
        /// or followed by a capital or digit, or by nothing on its line. nil when it is no title.
        static func titleEnd(inner: [Unicode.Scalar], in s: [Unicode.Scalar], after: Int) -> Int? {
            guard let first = inner.first, !SentenceSegmenter.isWhitespace(first), !isQuote(first) else { return nil }
            // Words beyond a clause number or letter: "**(a)**" or "**10.2**" alone numbers the clause, no title.
            let marker = LineShape.marker(in: inner, at: 0, limit: inner.count)
            let words = marker.map { inner[$0.markerEnd...] } ?? inner[...]
            guard let last = inner.last, !SentenceSegmenter.isWhitespace(last),
                words.contains(where: { $0.properties.isAlphabetic }), inner.count <= LineShape.maxHeadingLength,
                count(words) <= maximumWords, last != ":"
            else { return nil }
            var end = after
            if end < s.count, s[end] == "." { end += 1 }
            var next = end
            while next < s.count, SentenceSegmenter.isWhitespace(s[next]) { next += 1 }
            guard next < s.count else { return end }
            let stopped = s[end - 1] == "." || last == "."
            let capital = next > end && (s[next].properties.isUppercase || SentenceSegmenter.isDigit(s[next]))
            return stopped || capital ? end : nil
        }

        private static func count(_ s: ArraySlice<Unicode.Scalar>) -> Int {
            s.split(whereSeparator: { SentenceSegmenter.isWhitespace($0) }).count
        }

        private static func isQuote(_ c: Unicode.Scalar) -> Bool {
            ["\"", "'", "\u{201C}", "\u{2018}", "\u{00AB}"].contains(c)
        }

        /// The text as the block will hold it: markup stripped, invisible characters dropped, trimmed.
        private static func stripped(_ s: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
            let text = Inline.strip(String(String.UnicodeScalarView(s)))
            var out = Array(text.unicodeScalars.lazy.filter { !InvisibleCharacters.contains($0) })
            while let l = out.last, SentenceSegmenter.isWhitespace(l) { out.removeLast() }
            while let f = out.first, SentenceSegmenter.isWhitespace(f) { out.removeFirst() }
            return out
        }
    }
}
