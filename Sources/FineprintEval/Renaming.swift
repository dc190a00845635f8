import FineprintCore
import FineprintReading
import FineprintText

/// Metamorphic transformations of a contract's text that must not change its findings: the parties
/// renamed, the classed defined terms renamed, the parties of the preamble listed in the other order.
public enum Transformation: String, CaseIterable, Sendable {
    case renameParties = "rename-parties"
    case renameTerms = "rename-terms"
    case reorderPreamble = "reorder-preamble"
}

/// Rewrites text consistently: every capitalised occurrence of a name becomes another, in the same case.
enum Renaming {
    /// Made-up words no lexicon knows, handed out in order.
    static let freshWords = [
        "Quorvane", "Telmaris", "Brackwell", "Ostrival", "Pemberlyn", "Vasquoy", "Duranthe", "Killowen", "Marsgate",
        "Tirnavel", "Hollisk", "Wendacre", "Corvessa", "Ambrith", "Falstone", "Yarrowby",
    ]

    /// Replaces capitalised occurrences of each word sequence in `names` (lower-case words) by its new name.
    static func apply(_ names: [[String]: String], to text: String) -> String {
        guard !names.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokens(in: scalars, from: 0, to: scalars.count)
        let byFirst = Dictionary(grouping: names.keys, by: { $0[0] }).mapValues { $0.sorted { $0.count > $1.count } }
        var out = String.UnicodeScalarView()
        var copied = 0
        var t = 0
        while t < tokens.count {
            guard scalars[tokens[t].start].properties.isUppercase, let candidates = byFirst[tokens[t].text],
                let words = candidates.first(where: { w in
                    t + w.count <= tokens.count && w.indices.allSatisfy { tokens[t + $0].text == w[$0] }
                })
            else {
                t += 1
                continue
            }
            let last = tokens[t + words.count - 1]
            // A possessive's "'s" stays after the new name.
            let nameEnd = last.hasPossessive ? last.end - 2 : last.end
            out.append(contentsOf: scalars[copied..<tokens[t].start])
            let original = String(String.UnicodeScalarView(scalars[tokens[t].start..<nameEnd]))
            out.append(contentsOf: cased(names[words]!, like: original).unicodeScalars)
            copied = nameEnd
            t += words.count
        }
        out.append(contentsOf: scalars[copied...])
        return String(out)
    }

    static func cased(_ name: String, like original: String) -> String {
        let letters = original.unicodeScalars.filter { $0.properties.isAlphabetic }
        return !letters.isEmpty && letters.allSatisfy({ $0.properties.isUppercase }) ? name.uppercased() : name
    }

    /// The parties' distinctive names (labelled ones when given, and those the reading found), each to a
    /// fresh word. Role words ("Supplier") and pronouns are not names and are kept, and so is a word the text
    /// also writes in lower case ("Each", "Escrow", "Distributor"): renaming its capitalised occurrences would
    /// change sentences and headings that use the ordinary word, not only the party's name.
    static func partyNames(
        _ reading: DocumentReading,
        labelled: [String],
        skip: Set<String>,
        text: String
    ) -> [[String]: String] {
        let ordinary = ContractReader.ordinaryWords(in: text)
        // Each name's first distinctive word ("NORTHERN COUNTIES SHARED SERVICES" → "northern"): renaming
        // every word would also rename ordinary words such as "Services" throughout the contract.
        var words: [String] = []
        for name in labelled + reading.parties.flatMap(\.names) {
            let first = Tokenizer.tokens(in: name).map(\.text).first { word in
                word.count > 2 && !skip.contains(word) && !ordinary.contains(word)
                    && word.unicodeScalars.first!.properties.isAlphabetic
            }
            if let first, !words.contains(first) { words.append(first) }
        }
        var map: [[String]: String] = [:]
        for (i, word) in words.enumerated() { map[[word]] = freshWords[i % freshWords.count] + (i < 16 ? "" : "\(i)") }
        return map
    }

    /// The defined terms the reading put in one of `classes`, each to a fresh two-word name, and the same terms
    /// in the other number to that name in the other number ("User Submissions" → "Ostrival Killowens"), as a
    /// document that coined the name would write it.
    static func termNames(
        _ reading: DocumentReading,
        classes: Set<String>,
        numbers: NumberForms
    ) -> [[String]: String] {
        var map: [[String]: String] = [:]
        var count = 0
        let defined = Set(reading.terms.map(\.words))
        for term in reading.terms where term.termClass.map(classes.contains) == true && map[term.words] == nil {
            let first = freshWords[(count + 7) % freshWords.count]
            let last = freshWords[(count + 3) % freshWords.count]
            count += 1
            map[term.words] = first + " " + last
            guard let termLast = term.words.last else { continue }
            for form in numbers.forms(of: termLast) {
                let words = Array(term.words.dropLast()) + [form.word]
                guard !defined.contains(words), map[words] == nil else { continue }
                map[words] = first + " " + numbers.changed(last, like: form)
            }
        }
        return map
    }
}
