import FineprintCore

/// A document as counsel reads it before its clauses: who the parties are and every name each goes by,
/// and the defined terms with the class each belongs to. Produced by `ContractReader`.
public struct DocumentReading: Sendable, Equatable {
    /// One party: its role when the text tells it, and the names it is defined by, as written.
    public struct PartyReading: Sendable, Equatable {
        public var role: Party?
        /// The entity's name first when known ("NORTHWIND LTD"), then its defined names ("Supplier").
        public var names: [String]

        public init(role: Party?, names: [String]) {
            self.role = role
            self.names = names
        }
    }

    /// A defined term that is not a party ("User Content"), with its class when the lexicon recognises it.
    public struct DefinedTerm: Sendable, Equatable {
        public var name: String
        /// The term's tokens, lower-case.
        public var words: [String]
        public var termClass: String?

        public init(name: String, words: [String], termClass: String?) {
            self.name = name
            self.words = words
            self.termClass = termClass
        }
    }

    /// An occurrence of a class in the text: tokens `first..<next` (a defined term or a class phrase).
    public struct ClassOccurrence: Sendable, Equatable {
        public var termClass: String
        public var first: Int
        public var next: Int
    }

    /// The language of the lexicon the document was read with ("en", "fr").
    public var language: String
    public var parties: [PartyReading]
    public var terms: [DefinedTerm]
    /// Single lower-case words that name a party in this document ("northwind" → supplier).
    public var partyWords: [String: Party]
    /// Words of the parties' own names that the text never writes as ordinary words, not role words ("changepoint",
    /// not "customer"), with their party's role (`any` when unknown): a cue's word prefix never matches them.
    public var properNameWords: [String: Party]
    /// Occurrences of term classes, keyed by their first token.
    public var occurrences: [Int: [ClassOccurrence]]

    public init(
        language: String,
        parties: [PartyReading] = [],
        terms: [DefinedTerm] = [],
        partyWords: [String: Party] = [:],
        properNameWords: [String: Party] = [:],
        occurrences: [Int: [ClassOccurrence]] = [:]
    ) {
        self.language = language
        self.parties = parties
        self.terms = terms
        self.partyWords = partyWords
        self.properNameWords = properNameWords
        self.occurrences = occurrences
    }

    /// The parties' proper name words and their party words: what the learned model reads as a party, whatever it is
    /// called.
    public var nameWords: [String: Party] { properNameWords.merging(partyWords) { _, known in known } }

    /// The party with this role, if the document names one.
    public func party(_ role: Party) -> PartyReading? { parties.first { $0.role == role } }
}
