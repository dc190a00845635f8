import ArgumentParser
import FineprintCore
import Foundation

/// The texts `fineprint bench` analyses: contract wording repeated to a size, in four shapes that
/// stress the segmenter and everything after it in different ways.
enum BenchText: String, CaseIterable, ExpressibleByArgument {
    /// The fixture contracts as written.
    case ordinary
    /// The same with every full stop, question and exclamation mark removed: no sentence ends.
    case noStops = "no-stops"
    /// The same with every line break replaced by a space: one line.
    case oneLine = "one-line"
    /// Sentences made only of the words the corpus's cue patterns look for.
    case cueWords = "cue-words"

    /// The text of this kind, `bytes` long in UTF-8 (cut at the last whole scalar within it).
    func make(bytes: Int, contracts: String, cueWords: [String]) -> String {
        let base: String
        switch self {
        case .ordinary: base = contracts
        case .noStops:
            base = String(String.UnicodeScalarView(contracts.unicodeScalars.filter { !Self.stops.contains($0) }))
        case .oneLine:
            let joined = contracts.unicodeScalars.map { Self.lineBreaks.contains($0) ? " " : $0 }
            base = String(String.UnicodeScalarView(joined))
        case .cueWords: base = Self.cueSentences(cueWords)
        }
        return Self.repeated(base, toBytes: bytes)
    }

    static let stops: Set<Unicode.Scalar> = [".", "!", "?", "…"]
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// About 64 KB of sentences of 12 to 40 cue words each, in a fixed pseudo-random order.
    static func cueSentences(_ words: [String]) -> String {
        guard !words.isEmpty else { return "" }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var out = ""
        while out.utf8.count < 65_536 {
            let count = 12 + next(29)
            var sentence: [String] = []
            for _ in 0..<count { sentence.append(words[next(words.count)]) }
            out += sentence.joined(separator: " ").capitalizedFirst + ". "
            if next(6) == 0 { out += "\n\n" }
        }
        return out
    }

    static func repeated(_ base: String, toBytes bytes: Int) -> String {
        let unit = Array(base.utf8)
        guard !unit.isEmpty, bytes > 0 else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 4)
        while out.count < bytes { out.append(contentsOf: unit.prefix(bytes - out.count)) }
        // Drop the bytes of a scalar cut in two at the end.
        while let last = out.last, last & 0xC0 == 0x80 || last >= 0xC0 { _ = out.popLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// The words of the corpus's cue and trigger patterns: every run of letters, once each.
    static func cueWords(_ corpus: Corpus) -> [String] {
        let patterns =
            corpus.rules.flatMap { $0.cues.map(\.pattern) }
            + corpus.moves.flatMap { $0.triggers.compactMap(\.pattern) }
        var seen = Set<String>()
        var words: [String] = []
        for pattern in patterns {
            for word in pattern.split(whereSeparator: { !$0.isLetter }) where word.count > 1 {
                let w = String(word).lowercased()
                if seen.insert(w).inserted { words.append(w) }
            }
        }
        return words
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
