import FineprintCore

/// A word of the text: lower-cased, with its Unicode-scalar offsets in the source text.
public struct Token: Hashable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int
    /// True when a `;` or `:` stands between this token and the previous one: a clause boundary.
    public var clauseBreakBefore: Bool
    /// True inside round brackets (on the same line): an aside such as "(not through promotional credits)".
    public var parenthesized: Bool

    public init(text: String, start: Int, end: Int, clauseBreakBefore: Bool = false, parenthesized: Bool = false) {
        self.text = text
        self.start = start
        self.end = end
        self.clauseBreakBefore = clauseBreakBefore
        self.parenthesized = parenthesized
    }

    /// Whether the word was written with a possessive "'s" that its text leaves out ("Customer's" gives "customer"):
    /// its span is then two scalars longer than its text.
    public var hasPossessive: Bool { end - start == text.unicodeScalars.count + 2 }

    /// Digits ("72", "1,000.50") or a number word ("thirty").
    public var isNumber: Bool {
        if let first = text.unicodeScalars.first, first.properties.numericType != nil { return true }
        return NumberWords.value(of: text) != nil
    }
}

/// Cuts text into tokens as docs/corpus-format.md describes: runs of letters and digits,
/// lower-cased; an inner apostrophe is kept, a possessive 's dropped; digit groups such as
/// "1,000.50" stay one token.
public enum Tokenizer {
    public static func tokens(in text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        return tokens(in: scalars, from: 0, to: scalars.count)
    }

    public static func tokens(in scalars: [Unicode.Scalar], from lower: Int, to upper: Int) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity((upper - lower) / 5)
        var i = lower
        var pendingBreak = false
        // Bracket depth, reset at a line end so that one unclosed bracket cannot cover a whole document.
        var depth = 0
        // UTF-8 bytes, turned into a String once per token: appending to a String scalar by scalar is slow.
        var word: [UInt8] = []
        var last: Unicode.Scalar?
        while i < upper {
            let s = scalars[i]
            guard isWordScalar(s) else {
                if s == ";" || s == ":" { pendingBreak = true }
                if s == "(" {
                    depth += 1
                } else if s == ")" {
                    depth = max(depth - 1, 0)
                } else if s == "\n" {
                    depth = 0
                }
                i += 1
                continue
            }
            let start = i
            word.removeAll(keepingCapacity: true)
            last = nil
            while i < upper {
                let c = scalars[i]
                if isWordScalar(c) {
                    appendLowercased(c, to: &word)
                    last = c
                    i += 1
                } else if isApostrophe(c), i + 1 < upper, isLetter(scalars[i + 1]), !word.isEmpty {
                    word.append(UInt8(ascii: "'"))
                    last = "'"
                    i += 1
                } else if c == "," || c == ".", i + 1 < upper, isDigit(scalars[i + 1]), let l = last, isDigit(l) {
                    word.append(UInt8(c.value))
                    last = c
                    i += 1
                } else {
                    break
                }
            }
            var text = String(decoding: word, as: UTF8.self)
            if text.hasSuffix("'s") { text.removeLast(2) }
            tokens.append(
                Token(text: text, start: start, end: i, clauseBreakBefore: pendingBreak, parenthesized: depth > 0)
            )
            pendingBreak = false
            // A trailing apostrophe of a plural possessive ("parties'") is simply skipped.
        }
        return tokens
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}"
    }

    @inline(__always) static func appendLowercased(_ s: Unicode.Scalar, to word: inout [UInt8]) {
        if s.isASCII {
            let v = UInt8(s.value)
            word.append(v >= 0x41 && v <= 0x5A ? v + 32 : v)
        } else {
            word.append(contentsOf: s.properties.lowercaseMapping.utf8)
        }
    }
}
