import FineprintText

/// A name in quotation marks ("Supplier", “Customer Data”, « Prestataire »), with the tokens inside it.
struct QuotedName {
    var text: String
    /// Scalar offsets of the opening mark and just after the closing one.
    var start: Int
    var end: Int
    /// Tokens inside the marks: `firstToken..<nextToken`.
    var firstToken: Int
    var nextToken: Int
    /// Scalar offset of the "(" of the parenthetical the name stands in, if any.
    var parenthesis: Int?
}

/// Finds quoted names in a text and maps scalar offsets to tokens.
struct QuotedNameScanner {
    static let openers: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{AB}", "\u{201E}", "\u{2018}"]
    static let closers: Set<Unicode.Scalar> = ["\"", "\u{201D}", "\u{BB}", "\u{201C}", "\u{2019}"]
    static let maximumLength = 80
    static let parenthesisReach = 120

    let scalars: [Unicode.Scalar]
    let tokens: [Token]

    /// Index of the first token that starts at or after `offset`.
    func token(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The scalars between two tokens (exclusive): punctuation and spaces.
    func gap(before t: Int) -> ArraySlice<Unicode.Scalar> {
        let from = t > 0 ? tokens[t - 1].end : 0
        let to = t < tokens.count ? tokens[t].start : scalars.count
        return from < to ? scalars[from..<to] : []
    }

    func names() -> [QuotedName] {
        var found: [QuotedName] = []
        var i = 0
        while i < scalars.count {
            guard Self.openers.contains(scalars[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < scalars.count, j - i <= Self.maximumLength, !isCloser(j), scalars[j] != "\n" { j += 1 }
            guard j < scalars.count, isCloser(j), j - i <= Self.maximumLength else {
                i += 1
                continue
            }
            let first = token(atOrAfter: i + 1)
            var next = token(atOrAfter: j)
            if next - first >= 2, isPluralMarker(next - 1) { next -= 1 }
            if next > first {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[tokens[first].start..<tokens[next - 1].end])
                found.append(
                    QuotedName(
                        text: String(view),
                        start: i,
                        end: j + 1,
                        firstToken: first,
                        nextToken: next,
                        parenthesis: openParenthesis(before: i)
                    )
                )
            }
            i = j + 1
        }
        return found
    }

    /// The "s" of "Service(s)": a plural written into the name, not a word of it.
    private func isPluralMarker(_ t: Int) -> Bool {
        ["s", "es", "ies"].contains(tokens[t].text) && gap(before: t).last == "("
    }

    /// A closing mark; a typographic apostrophe inside a word ("Customer’s") is not one.
    private func isCloser(_ j: Int) -> Bool {
        guard Self.closers.contains(scalars[j]) else { return false }
        guard scalars[j] == "\u{2019}", j + 1 < scalars.count else { return true }
        return !scalars[j + 1].properties.isAlphabetic
    }

    /// The "(" that opens the parenthetical containing offset `i`, when it is close and still open.
    private func openParenthesis(before i: Int) -> Int? {
        var k = i - 1
        while k >= 0, i - k <= Self.parenthesisReach {
            switch scalars[k] {
            case "(": return k
            case ")", "\n": return nil
            default: k -= 1
            }
        }
        return nil
    }

    /// The words the text writes in lower case somewhere (`all`: common nouns and verbs, never a coined name), and
    /// those of them written between spaces (`ordinary`): a word of a web address or an e-mail ("openai.com",
    /// "legal@lumora.ai") is not one.
    func lowerCaseWords() -> (all: Set<String>, ordinary: Set<String>) {
        var all = Set<String>()
        var ordinary = Set<String>()
        for t in tokens.indices where scalars[tokens[t].start].properties.isLowercase {
            all.insert(tokens[t].text)
            let before = gap(before: t)
            let after = gap(before: t + 1)
            guard before.allSatisfy(\.properties.isWhitespace), !after.contains("/"), !after.contains("@"),
                !(after.count == 1 && after.first == ".")
            else { continue }
            ordinary.insert(tokens[t].text)
        }
        return (all, ordinary)
    }

    /// Whether the first letter of token `t` is upper-case in the text.
    func isCapitalised(_ t: Int) -> Bool {
        guard t < tokens.count else { return false }
        return scalars[tokens[t].start].properties.isUppercase
    }

    /// Whether token `t` is written as a plain lower-case word (letters only): a word of a clause, where "i3" or
    /// "eBay" may be part of a name.
    func isPlainLowerCase(_ t: Int) -> Bool {
        guard t < tokens.count else { return false }
        return scalars[tokens[t].start..<tokens[t].end].allSatisfy { $0.properties.isLowercase }
    }

    func text(_ first: Int, _ next: Int) -> String {
        guard next > first else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[first].start..<tokens[next - 1].end])
        return String(view)
    }
}
