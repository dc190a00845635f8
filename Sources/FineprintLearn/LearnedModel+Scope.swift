extension LearnedModel.Category {
    /// Where a category applies. The file keeps two booleans, `gated` (default true) and `onlyOutOfDomain`
    /// (default false), so that files written before the scope existed read the same.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Where the domain gate finds the document like the training contracts (or where the model has no gate).
        case inDomain
        /// On every document, whatever the gate says: trained on the documents the gate keeps the others off.
        case everyDocument
        /// Only where the gate keeps the in-domain categories off: trained on vendor terms, it reads contracts
        /// badly (docs/evaluation.md, ninth session).
        case outOfDomain

        init(gated: Bool, onlyOutOfDomain: Bool, codingPath: [any CodingKey]) throws {
            switch (gated, onlyOutOfDomain) {
            case (true, false): self = .inDomain
            case (false, false): self = .everyDocument
            case (false, true): self = .outOfDomain
            case (true, true):
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: codingPath,
                        debugDescription: "a category both gated and only out of domain never applies"
                    )
                )
            }
        }

        /// Whether a document with this gate verdict gets the category.
        public func applies(outOfDomain: Bool) -> Bool {
            switch self {
            case .inDomain: !outOfDomain
            case .everyDocument: true
            case .outOfDomain: outOfDomain
            }
        }
    }
}
