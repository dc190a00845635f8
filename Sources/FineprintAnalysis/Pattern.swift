import FineprintText

/// A compiled cue pattern (the language of docs/corpus-format.md).
public struct Pattern: Hashable, Sendable {
    /// One alternative of a term: an exact word or a prefix.
    enum Alternative: Hashable, Sendable {
        case word(String)
        case prefix(String)
        case number

        func matches(_ token: Token) -> Bool {
            switch self {
            case .word(let w): token.text == w
            case .prefix(let p): token.text.hasPrefix(p)
            case .number: token.isNumber
            }
        }
    }

    /// A term, with the gap of tokens allowed before it.
    struct Step: Hashable, Sendable {
        var alternatives: [Alternative]
        var optional: Bool
        var gapBefore: Int

        func matches(_ token: Token) -> Bool { alternatives.contains { $0.matches(token) } }
        var isNumber: Bool { alternatives == [.number] }
    }

    public let source: String
    let steps: [Step]

    /// Exact words of which at least one must occur in a sentence for the pattern to match there;
    /// nil when the pattern has no such word (then it is tried on every sentence).
    let anchorWords: [String]?

    public struct SyntaxError: Error, CustomStringConvertible, Equatable {
        public var pattern: String
        public var reason: String
        public var description: String { "pattern \"\(pattern)\": \(reason)" }
    }

    public static let defaultGap = 8
    public static let maximumGap = 40

    public init(_ source: String) throws {
        self.source = source
        var steps: [Step] = []
        var pendingGap = 0
        let parts = source.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard !parts.isEmpty else { throw SyntaxError(pattern: source, reason: "empty pattern") }
        for part in parts {
            if part == "..." {
                pendingGap += Self.defaultGap
                continue
            }
            if part.hasPrefix(".."), let n = Int(part.dropFirst(2)) {
                guard n >= 0 && n <= Self.maximumGap else {
                    throw SyntaxError(pattern: source, reason: "gap \(part) must be ..0 to ..\(Self.maximumGap)")
                }
                pendingGap += n
                continue
            }
            var body = Substring(part)
            let optional = body.hasPrefix("?")
            if optional { body = body.dropFirst() }
            var alternatives: [Alternative] = []
            for alt in body.split(separator: "|", omittingEmptySubsequences: false) {
                if alt == "#num" {
                    alternatives.append(.number)
                    continue
                }
                let isPrefix = alt.hasSuffix("*")
                let stem = isPrefix ? alt.dropLast() : alt
                guard !stem.isEmpty else {
                    throw SyntaxError(pattern: source, reason: "empty alternative in \"\(part)\"")
                }
                let tokens = Tokenizer.tokens(in: String(stem))
                guard tokens.count == 1, tokens[0].text == stem.lowercased() || tokens[0].text == String(stem) else {
                    throw SyntaxError(pattern: source,
                        reason: "\"\(stem)\" is not a single lower-case token (write words separately, without punctuation)")
                }
                alternatives.append(isPrefix ? .prefix(tokens[0].text) : .word(tokens[0].text))
            }
            steps.append(Step(alternatives: alternatives, optional: optional, gapBefore: pendingGap))
            pendingGap = 0
        }
        guard !steps.isEmpty else { throw SyntaxError(pattern: source, reason: "a pattern needs at least one word") }
        guard steps.contains(where: { !$0.optional }) else {
            throw SyntaxError(pattern: source, reason: "a pattern needs at least one word that is not optional")
        }
        if pendingGap > 0 { throw SyntaxError(pattern: source, reason: "a pattern cannot end with a gap") }
        self.steps = steps
        // The anchor: the required step with only exact words and the fewest alternatives.
        let candidates = steps.filter { step in
            !step.optional && step.alternatives.allSatisfy { if case .word = $0 { true } else { false } }
        }
        if let best = candidates.min(by: { $0.alternatives.count < $1.alternatives.count }) {
            anchorWords = best.alternatives.compactMap { if case .word(let w) = $0 { w } else { nil } }
        } else {
            anchorWords = nil
        }
    }

    /// A match: token indices of its first and last tokens (inclusive).
    public struct Match: Hashable, Sendable {
        public var first: Int
        public var last: Int
    }

    /// The leftmost match within `tokens[lower..<upper]`.
    public func firstMatch(in tokens: [Token], from lower: Int, to upper: Int) -> Match? {
        var start = lower
        while start < upper {
            if let m = match(in: tokens, startingAt: start, upper: upper) { return m }
            start += 1
        }
        return nil
    }

    /// All non-overlapping matches within `tokens[lower..<upper]`, left to right.
    public func matches(in tokens: [Token], from lower: Int, to upper: Int) -> [Match] {
        var found: [Match] = []
        var start = lower
        while start < upper {
            if let m = match(in: tokens, startingAt: start, upper: upper) {
                found.append(m)
                start = m.last + 1
            } else {
                start += 1
            }
        }
        return found
    }

    /// A match whose first required step lands exactly at `start` (leading optionals may precede).
    private func match(in tokens: [Token], startingAt start: Int, upper: Int) -> Match? {
        var firstToken: Int?
        guard let end = matchStep(0, in: tokens, at: start, slack: 0, upper: upper, first: &firstToken) else {
            return nil
        }
        return Match(first: firstToken ?? start, last: end - 1)
    }

    /// Tries steps[index...] with the token for steps[index] at position p…p+slack+gap. Returns the
    /// index after the match's last token.
    private func matchStep(_ index: Int, in tokens: [Token], at position: Int, slack: Int, upper: Int,
                           first: inout Int?) -> Int? {
        if index == steps.count { return position }
        let step = steps[index]
        let window = index == 0 ? 0 : slack + step.gapBefore
        var p = position
        while p <= position + window && p < upper {
            if step.matches(tokens[p]) {
                var next = p + 1
                if step.isNumber {
                    // A number may run over several tokens: "twenty four (24)".
                    if let read = NumberWords.read(tokens, at: p, upTo: upper) { next = max(next, read.next) }
                }
                let savedFirst = first
                if first == nil { first = p }
                if let end = matchStep(index + 1, in: tokens, at: next, slack: 0, upper: upper, first: &first) {
                    return end
                }
                first = savedFirst
            }
            p += 1
        }
        if step.optional {
            // Skip the optional step; its gap carries over to the next one.
            let carried = index == 0 ? 0 : slack + step.gapBefore
            if index == 0 {
                return matchStep(1, in: tokens, at: position, slack: 0, upper: upper, first: &first)
            }
            return matchStep(index + 1, in: tokens, at: position, slack: carried, upper: upper, first: &first)
        }
        return nil
    }
}
