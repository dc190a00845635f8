import FineprintCore
import FineprintText

/// Reads a document's parties and defined terms with the lexicon of its language. Pure and cheap: one
/// pass over the quoted names and one over the tokens.
public struct ContractReader: Sendable {
    let lexicons: [ReadingLexicon]

    /// `lexicons`: one per language; the first is the default when a text shows no language's words.
    public init(lexicons: [ReadingLexicon]) {
        self.lexicons = lexicons
    }

    /// Words the text writes in lower case between spaces ("each", "escrow"), not in a web or mail address: ordinary
    /// words, which the reading never takes for a party's name.
    public static func ordinaryWords(in text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokens(in: scalars, from: 0, to: scalars.count)
        return QuotedNameScanner(scalars: scalars, tokens: tokens).lowerCaseWords().ordinary
    }

    public func read(text: String) -> DocumentReading {
        let scalars = Array(text.unicodeScalars)
        return read(scalars: scalars, tokens: Tokenizer.tokens(in: scalars, from: 0, to: scalars.count))
    }

    public func read(scalars: [Unicode.Scalar], tokens: [Token]) -> DocumentReading {
        guard !lexicons.isEmpty else { return DocumentReading(language: "") }
        let sample = tokens.prefix(3000).map(\.text)[...]
        let candidates = lexicons.map(ReadingWords.init)
        var words = candidates[0]
        var best = words.affinity(sample)
        for candidate in candidates.dropFirst() {
            let a = candidate.affinity(sample)
            if a > best {
                best = a
                words = candidate
            }
        }
        let scanner = QuotedNameScanner(scalars: scalars, tokens: tokens)
        let lowerCase = scanner.lowerCaseWords()
        var finder = PartyFinder(words: words, scanner: scanner, ordinaryWords: lowerCase.ordinary)
        finder.read(scanner.names())
        finder.readLabelledParties()
        finder.readWebTerms()
        finder.readPartyList()
        finder.readSignatures()
        finder.readAuthor()
        finder.completeRoles()
        let partyWords = finder.partyWords
        let classifier = TermClassifier(
            words: words,
            partyWords: partyWords,
            commonWords: lowerCase.all
        )
        let terms = zip(finder.terms, classifier.classifyAll(finder.terms)).map { term, termClass in
            DocumentReading.DefinedTerm(name: term.name, words: term.words, termClass: termClass)
        }
        return DocumentReading(
            language: words.lexicon.language,
            parties: finder.parties.map { DocumentReading.PartyReading(role: $0.role, names: $0.names) },
            terms: terms,
            partyWords: partyWords,
            properNameWords: finder.properNameWords,
            occurrences: Self.occurrences(of: terms, words: words, tokens: tokens)
        )
    }

    /// Where each class occurs: the document's classified defined terms and the lexicon's class phrases.
    static func occurrences(
        of terms: [DocumentReading.DefinedTerm],
        words: ReadingWords,
        tokens: [Token]
    ) -> [Int: [DocumentReading.ClassOccurrence]] {
        let defined = terms.compactMap { t in t.termClass.map { (t.words, $0) } }
        // The same terms in the other number ("User Submission" written "User Submissions"), unless that form is
        // a term of its own.
        let termWords = Set(terms.map(\.words))
        let otherNumber = defined.flatMap { entry in
            words.numberForms.otherForms(of: entry.0).filter { !termWords.contains($0) }.map { ($0, entry.1) }
        }
        let list = PhraseList(defined + otherNumber + words.classPhrases)
        var found: [Int: [DocumentReading.ClassOccurrence]] = [:]
        var t = 0
        while t < tokens.count {
            if let m = list.match(tokens, at: t) {
                found[t, default: []].append(.init(termClass: m.value, first: t, next: m.next))
                t = m.next
            } else {
                t += 1
            }
        }
        return found
    }
}
