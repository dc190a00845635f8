/// A model of the provisions learned from vendor terms and the synthetic corpus, added to a model of contracts
/// (`LearnedModel.adding`): the contract model's categories keep their domain gate and their say over the rules;
/// the added ones only add provisions the rules saw without confirming them (`needsRuleSupport`), and only on
/// documents the gate finds unlike contracts (on every document when the contract model has no gate;
/// docs/evaluation.md, ninth session).
extension LearnedModel {
    public struct AddingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// This model with `other`'s categories for `provisions` appended as adding-only, applied out of domain, their
    /// features merged into this model's. A provision this model already has keeps its own category. `other` must be
    /// linear: the hidden layer is this model's, and the added categories read none of it.
    public func adding(_ provisions: Set<String>, from other: LearnedModel) throws -> LearnedModel {
        guard other.hidden == nil else {
            throw AddingError(description: "the added model must have linear sentence classifiers (--hidden-units 0)")
        }
        // Adding twice would keep the first additions (a provision this model has keeps its category): start from
        // the contract model as trained.
        guard !categories.contains(where: { $0.addsOnly && $0.scope != .inDomain }) else {
            throw AddingError(
                description: "the model already has added categories: add to the contract model `train --data` wrote"
            )
        }
        let own = Set(categories.map(\.provision))
        let added = other.categories.filter { provisions.contains($0.provision) && !own.contains($0.provision) }
        var merged = self
        var index = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
        func renumber(_ pairs: [[Int]]) -> [[Int]] {
            pairs.map { pair in
                let name = other.features[pair[0]]
                if let i = index[name] { return [i, pair[1]] }
                index[name] = merged.features.count
                merged.features.append(name)
                return [merged.features.count - 1, pair[1]]
            }
        }
        for var category in added {
            category.weights = renumber(category.weights)
            category.documentWeights = renumber(category.documentWeights)
            category.addsOnly = true
            category.scope = domain == nil ? .everyDocument : .outOfDomain
            category.needsRuleSupport = true
            merged.categories.append(category)
        }
        // The hidden layer's read-out gains a row of zeros per added category: it adds nothing to their logits.
        if let hidden {
            merged.hidden?.readout = hidden.readout + [Int](repeating: 0, count: added.count * hidden.units)
        }
        merged.trainedOn =
            trainedOn + "; adding " + added.map(\.provision).joined(separator: ", ")
            + " from " + other.trainedOn
        return merged
    }
}
