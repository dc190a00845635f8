import FineprintText

/// A compiled cue pattern (the language of docs/corpus-format.md).
public struct Pattern: Hashable, Sendable {
    /// One alternative of a term: an exact word or a prefix.
    enum Alternative: Hashable, Sendable {
        case word(String)
        case prefix(String)
        case number
        /// `{buyer_data}`, `{supplier}`: a class of defined terms or a party, as the document's reading
        /// names it (Sources/FineprintReading). Only the engine's test knows the document, so a plain word
        /// test never accepts it.
        case termClass(String)

        func matches(_ token: Token) -> Bool {
            switch self {
            case .word(let w): token.text == w
            case .prefix(let p): token.text.utf8.starts(with: p.utf8)
            case .number: token.isNumber
            case .termClass: false
            }
        }
    }

    /// A term, with the gap of tokens allowed before it.
    struct Step: Hashable, Sendable {
        let alternatives: [Alternative]
        let optional: Bool
        let gapBefore: Int
        /// A step of one number alone: it may consume a number written over several tokens.
        let isNumber: Bool

        init(alternatives: [Alternative], optional: Bool, gapBefore: Int) {
            self.alternatives = alternatives
            self.optional = optional
            self.gapBefore = gapBefore
            isNumber = alternatives == [.number]
        }

        func matches(_ token: Token) -> Bool {
            for alternative in alternatives where alternative.matches(token) { return true }
            return false
        }
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
            let alternatives = try Self.alternatives(body, of: part, in: source)
            steps.append(Step(alternatives: alternatives, optional: optional, gapBefore: pendingGap))
            pendingGap = 0
        }
        guard !steps.isEmpty else { throw SyntaxError(pattern: source, reason: "a pattern needs at least one word") }
        guard steps.contains(where: { !$0.optional }) else {
            throw SyntaxError(pattern: source, reason: "a pattern needs at least one word that is not optional")
        }
        if pendingGap > 0 { throw SyntaxError(pattern: source, reason: "a pattern cannot end with a gap") }
        self.steps = steps
        anchorWords = Self.anchorWords(of: steps)
    }

    /// The alternatives of one step (`word`, `prefix*`, `#num`, `{class}`, separated by `|`).
    private static func alternatives(_ body: Substring, of part: Substring, in source: String) throws -> [Alternative] {
        var alternatives: [Alternative] = []
        for alt in body.split(separator: "|", omittingEmptySubsequences: false) {
            if alt == "#num" {
                alternatives.append(.number)
                continue
            }
            if alt.hasPrefix("{") {
                alternatives.append(try Self.termClass(alt, in: source))
                continue
            }
            let isPrefix = alt.hasSuffix("*")
            let stem = isPrefix ? alt.dropLast() : alt
            guard !stem.isEmpty else {
                throw SyntaxError(pattern: source, reason: "empty alternative in \"\(part)\"")
            }
            let tokens = Tokenizer.tokens(in: String(stem))
            guard tokens.count == 1, tokens[0].text == stem.lowercased() || tokens[0].text == String(stem) else {
                throw SyntaxError(
                    pattern: source,
                    reason:
                        "\"\(stem)\" is not a single lower-case token (write words separately, without punctuation)"
                )
            }
            alternatives.append(isPrefix ? .prefix(tokens[0].text) : .word(tokens[0].text))
        }
        return alternatives
    }

    /// The anchor: the required step with only exact words and the fewest alternatives.
    private static func anchorWords(of steps: [Step]) -> [String]? {
        let candidates = steps.filter { step in
            !step.optional && step.alternatives.allSatisfy { if case .word = $0 { true } else { false } }
        }
        if let best = candidates.min(by: { $0.alternatives.count < $1.alternatives.count }) {
            return best.alternatives.compactMap { if case .word(let w) = $0 { w } else { nil } }
        } else {
            return nil
        }
    }

    /// `{name}`: lower-case letters and underscores between braces.
    private static func termClass(_ alt: Substring, in source: String) throws -> Alternative {
        let name = alt.dropFirst().dropLast()
        guard alt.hasSuffix("}"), !name.isEmpty, name.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) else {
            throw SyntaxError(pattern: source, reason: "\"\(alt)\" is not a class name such as {buyer_data}")
        }
        return .termClass(String(name))
    }

    /// A match: token indices of its first and last tokens (inclusive).
    public struct Match: Hashable, Sendable {
        public var first: Int
        public var last: Int
    }

    /// Decides whether step `s` of the pattern accepts token `t`. The engine implements it with
    /// precomputed bit sets; `WordTest` compares strings.
    protocol StepTest {
        func step(_ s: Int, accepts t: Int) -> Bool
        /// The token after what step `s` consumed at `t`: a class occurrence may span several tokens.
        func next(step s: Int, at t: Int) -> Int
    }

    struct WordTest: StepTest {
        let steps: [Step]
        let tokens: [Token]
        func step(_ s: Int, accepts t: Int) -> Bool { steps[s].matches(tokens[t]) }
        func next(step s: Int, at t: Int) -> Int { t + 1 }
    }

    /// The leftmost match within `tokens[lower..<upper]`.
    public func firstMatch(in tokens: [Token], from lower: Int, to upper: Int) -> Match? {
        let test = WordTest(steps: steps, tokens: tokens)
        var start = lower
        while start < upper {
            if let m = match(in: tokens, test: test, startingAt: start, upper: upper) { return m }
            start += 1
        }
        return nil
    }

    /// All non-overlapping matches within `tokens[lower..<upper]`, left to right.
    public func matches(in tokens: [Token], from lower: Int, to upper: Int) -> [Match] {
        matches(in: tokens, test: WordTest(steps: steps, tokens: tokens), from: lower, to: upper)
    }

    func matches<T: StepTest>(in tokens: [Token], test: T, from lower: Int, to upper: Int) -> [Match] {
        var found: [Match] = []
        var start = lower
        while start < upper {
            if let m = match(in: tokens, test: test, startingAt: start, upper: upper) {
                found.append(m)
                start = m.last + 1
            } else {
                start += 1
            }
        }
        return found
    }

    /// A match whose first required step lands exactly at `start` (leading optionals may precede).
    private func match<T: StepTest>(in tokens: [Token], test: T, startingAt start: Int, upper: Int) -> Match? {
        var firstToken: Int?
        guard let end = matchStep(0, in: tokens, test: test, at: start, slack: 0, upper: upper, first: &firstToken)
        else {
            return nil
        }
        return Match(first: firstToken ?? start, last: end - 1)
    }

    /// Tries steps[index...] with the token for steps[index] at position p…p+slack+gap. Returns the
    /// index after the match's last token.
    private func matchStep<T: StepTest>(
        _ index: Int,
        in tokens: [Token],
        test: T,
        at position: Int,
        slack: Int,
        upper: Int,
        first: inout Int?
    ) -> Int? {
        if index == steps.count { return position }
        let gapBefore = steps[index].gapBefore
        let window = index == 0 ? 0 : slack + gapBefore
        var p = position
        while p <= position + window && p < upper {
            if test.step(index, accepts: p) {
                var next = test.next(step: index, at: p)
                if steps[index].isNumber {
                    // A number may run over several tokens: "twenty four (24)".
                    if let read = NumberWords.read(tokens, at: p, upTo: upper) { next = max(next, read.next) }
                }
                let savedFirst = first
                if first == nil { first = p }
                if let end = matchStep(
                    index + 1,
                    in: tokens,
                    test: test,
                    at: next,
                    slack: 0,
                    upper: upper,
                    first: &first
                ) {
                    return end
                }
                first = savedFirst
            }
            p += 1
        }
        if steps[index].optional {
            // Skip the optional step; its gap carries over to the next one.
            if index == 0 {
                return matchStep(1, in: tokens, test: test, at: position, slack: 0, upper: upper, first: &first)
            }
            return matchStep(
                index + 1,
                in: tokens,
                test: test,
                at: position,
                slack: slack + gapBefore,
                upper: upper,
                first: &first
            )
        }
        return nil
    }
}
