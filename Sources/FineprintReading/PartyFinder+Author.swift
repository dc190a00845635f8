import FineprintCore
import FineprintText

extension PartyFinder {
    static let authorMinimumPronouns = 5
    static let authorMinimumSubjects = 3
    /// Words after a name that make it the subject of a clause ("Lumora will", "Lumora may").
    static let subjectVerbs: Set<String> = [
        "will", "may", "shall", "must", "can", "does", "reserves", "uses", "collects", "provides", "retains",
    ]

    /// Terms the supplier writes in the first person that never define its name: the capitalised name most
    /// often the subject of a clause ("Lumora will …") is the supplier, when no supplier is named otherwise.
    mutating func readAuthor() {
        guard !parties.contains(where: { $0.role == .supplier && !$0.keys.isEmpty }) else { return }
        let lexicon = words
        let pronouns = tokens.filter { lexicon.pronouns[$0.text] == .supplier }.count
        guard pronouns >= Self.authorMinimumPronouns else { return }
        // Defined terms and class heads ("Services will", "Output may") are things, not the author.
        var things = Set(terms.flatMap(\.words))
        for cues in words.lexicon.termClasses { things.formUnion(cues.heads) }
        var counts: [String: (count: Int, first: Int)] = [:]
        for t in tokens.indices.dropLast() where Self.subjectVerbs.contains(tokens[t + 1].text) {
            let word = tokens[t].text
            guard scanner.isCapitalised(t), word.count > 2, words.roles[word] == nil, words.pronouns[word] == nil,
                !words.documentWords.contains(word), !words.companyForms.contains(word),
                !words.groupWords.contains(word)
            else { continue }
            counts[word, default: (0, t)].count += 1
        }
        guard let best = counts.max(by: { $0.value.count < $1.value.count }),
            best.value.count >= Self.authorMinimumSubjects
        else { return }
        add(Found(role: .supplier, names: [scanner.text(best.value.first, best.value.first + 1)], keys: [best.key]))
    }
}
