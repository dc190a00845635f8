import Foundation

extension SyntheticCorpus {
    /// A training document composed of synthetic clauses, with the positive clauses of each provision.
    public struct Document: Sendable {
        public var name: String
        public var text: String
        /// Provision id → the clauses in the text that make it present.
        public var clauses: [String: [String]]
    }

    /// Titles a composed document may carry, per party style (the way such documents are headed).
    static let titles = [
        "web terms": "Terms of Service", "enterprise agreement": "Master Services Agreement",
        "public-sector contract": "Contract for the Provision of AI Services",
        "processing agreement": "Data Processing Addendum", "named parties": "Framework Agreement",
        "provider and client": "Software as a Service Agreement", "vendor and agency": "Cloud Services Order",
    ]

    /// The clauses cut into documents of `clausesPerDocument` clauses, one party style per document (a contract
    /// names its parties one way), in an order drawn from a hash of the text (the same corpus, the same documents),
    /// numbered in one of several styles.
    public func documents(clausesPerDocument: Int = 24) -> [Document] {
        let styles = Array(Set(clauses.map(\.style))).sorted()
        var out: [Document] = []
        for style in styles {
            let ordered = clauses.filter { $0.style == style }
                .sorted { SlotFiller.fnv1a($0.text) < SlotFiller.fnv1a($1.text) }
            for start in stride(from: 0, to: ordered.count, by: max(1, clausesPerDocument)) {
                let chunk = Array(ordered[start..<min(start + clausesPerDocument, ordered.count)])
                out.append(document(chunk, name: "synthetic/\(style)/\(start / clausesPerDocument + 1)", style: style))
            }
        }
        return out
    }

    func document(_ chunk: [Clause], name: String, style: String) -> Document {
        let numbering = Int(SlotFiller.fnv1a(name) % 4)
        var paragraphs = [Self.titles[style] ?? "Agreement"]
        var positives: [String: [String]] = [:]
        for (i, clause) in chunk.enumerated() {
            paragraphs.append(Self.number(i, style: numbering) + clause.text)
            for id in clause.positiveFor { positives[id, default: []].append(clause.text) }
        }
        return Document(name: name, text: paragraphs.joined(separator: "\n\n") + "\n", clauses: positives)
    }

    /// "3. ", "1.3 ", "(c) " or no number.
    static func number(_ i: Int, style: Int) -> String {
        switch style {
        case 0: return "\(i + 1). "
        case 1: return "\(i / 5 + 1).\(i % 5 + 1) "
        case 2: return "(\(String(UnicodeScalar(UInt8(97 + i % 26))))) "
        default: return ""
        }
    }
}
