import Foundation

extension SyntheticCorpus {
    /// Names of real AI and cloud suppliers that must never appear in our synthetic text: the corpus teaches
    /// roles and wording, not who a supplier is.
    public static let forbiddenSupplierNames = [
        "OpenAI", "ChatGPT", "Anthropic", "Claude", "Mistral", "Le Chat", "Google", "Gemini", "Microsoft",
        "Copilot", "Azure", "Meta", "Llama", "Amazon", "AWS", "Cohere", "IBM", "Oracle", "Salesforce", "Nvidia",
        "Hugging Face", "Apple", "xAI", "Grok", "DeepSeek", "Perplexity", "Baidu", "Alibaba",
    ]

    /// Positives and negatives per provision id.
    public func counts() -> [String: (positives: Int, negatives: Int)] {
        var out: [String: (positives: Int, negatives: Int)] = [:]
        for clause in clauses {
            var c = out[clause.provision] ?? (0, 0)
            if clause.positive { c.positives += 1 } else { c.negatives += 1 }
            out[clause.provision] = c
        }
        return out
    }

    /// Every problem at once: a provision of the taxonomy without a file or with fewer clauses than `minimum`
    /// on either side, a file for an unknown provision, a clause repeated anywhere in the corpus, a real
    /// supplier's name.
    public func problems(provisions: [String], minimum: Int) -> [String] {
        var problems: [String] = []
        let counts = counts()
        for id in provisions {
            let c = counts[id] ?? (0, 0)
            if c.positives < minimum || c.negatives < minimum {
                problems.append("\(id): \(c.positives) positives and \(c.negatives) negatives, fewer than \(minimum)")
            }
        }
        let known = Set(provisions)
        for id in Set(clauses.flatMap { [$0.provision] + $0.positiveFor }).subtracting(known).sorted() {
            problems.append("\(id): not a provision of the taxonomy")
        }
        var seen: [String: String] = [:]
        for clause in clauses {
            if let other = seen.updateValue(clause.provision, forKey: clause.text.lowercased()) {
                problems.append("repeated in \(other) and \(clause.provision): \(clause.text)")
            }
            for name in Self.forbiddenSupplierNames where Self.containsWord(name, in: clause.text) {
                problems.append("\(clause.provision): names \(name): \(clause.text)")
            }
        }
        return problems
    }

    static func containsWord(_ word: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let r = text.range(of: word, options: .caseInsensitive, range: searchRange) {
            let before = r.lowerBound == text.startIndex ? " " : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? " " : text[r.upperBound]
            if !before.isLetter && !after.isLetter { return true }
            searchRange = r.upperBound..<text.endIndex
        }
        return false
    }
}
