import FineprintCore

/// Which supplier's text is strongest for one requirement: one supplier, a tie, or none, with the
/// words that earn it, so an evaluation committee can check the claim against the text.
public struct BestOffer: Hashable, Codable, Sendable {
    public enum Verdict: String, Hashable, Codable, Sendable {
        /// One supplier's text is strongest.
        case one
        /// Several suppliers are equally strong and better than the rest (or all are equal and good).
        case tie
        /// No supplier offers it: the protection is absent everywhere, or the hazard present everywhere.
        case none
    }

    /// One supplier's offer: its column, and the quote that earns it (nil for a hazard it leaves out).
    public struct Offer: Hashable, Codable, Sendable {
        public var document: Int
        public var quote: String?
        /// Where the quote starts in the extracted text (Unicode scalars).
        public var start: Int?
    }

    public var verdict: Verdict
    /// The strongest offers, in document order; empty when the verdict is `none`.
    public var offers: [Offer]

    /// The best offer on a row from each document's merit (`Comparison.merit`): the top merit wins
    /// unless it is 0, which no supplier offers.
    static func of(_ provision: String, merits: [Int], analyses: [Analysis]) -> BestOffer {
        let top = merits.max() ?? 0
        guard top > 0 else { return BestOffer(verdict: .none, offers: []) }
        let offers = merits.indices.filter { merits[$0] == top }.map { i -> Offer in
            let finding = analyses[i].finding(provision)
            // A hazard's best offer is its absence: there are no words to quote.
            let evidence = finding?.status == .present ? finding?.evidence.first : nil
            return Offer(document: i, quote: evidence.map(\.quote), start: evidence?.start)
        }
        return BestOffer(verdict: offers.count == 1 ? .one : .tie, offers: offers)
    }

    /// In words, with the supplier names of `documents`: "Acme", "tie: Acme and Borealis",
    /// "none: no supplier offers it" (for a hazard: "none: every supplier's text has it").
    public func wording(_ documents: [ComparedDocument], hazard: Bool) -> String {
        let names = offers.map { documents[$0.document].name }
        switch verdict {
        case .one: return names.first ?? ""
        case .tie:
            return names.count == documents.count ? "tie: all equally good" : "tie: " + Self.joined(names)
        case .none: return hazard ? "none: every supplier's text has it" : "none: no supplier offers it"
        }
    }

    /// The first quote among the offers, shortened to `limit` characters, in typographic quotes.
    public func quote(limit: Int = 160) -> String? {
        guard let text = offers.lazy.compactMap(\.quote).first else { return nil }
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "“" + (line.count > limit ? String(line.prefix(limit - 1)) + "…" : line) + "”"
    }

    static func joined(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
