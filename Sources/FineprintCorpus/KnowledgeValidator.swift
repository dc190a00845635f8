import FineprintCore
import Foundation

/// Checks a loaded knowledge base against the corpus it cites into (docs/knowledge-format.md, "Validation").
/// Returns every problem found, each located in its file and item.
public enum KnowledgeValidator {
    /// Longest run of quoted words allowed outside partnership excerpts: a guard against copied prose.
    static let maxQuotedWordsInProse = 8
    static let maxExcerptWords = 40

    public static func validate(
        _ knowledge: KnowledgeBase,
        against corpus: Corpus,
        today: Date = Date()
    ) -> [CorpusError] {
        var check = Checker(knowledge: knowledge, corpus: corpus, today: ISODate.string(from: today))
        check.sources()
        check.reviewers()
        check.patterns()
        check.partnerships()
        check.precedents()
        check.regulations()
        return check.problems
    }
}

/// Walks the knowledge base once, collecting problems.
private struct Checker {
    let knowledge: KnowledgeBase
    let today: String
    let sourcesById: [String: KnowledgeSource]
    let reviewerIds: Set<String>
    let patternIds: Set<String>
    let partnershipsById: [String: Partnership]
    let precedentIds: Set<String>
    let regulationIds: Set<String>
    let moveIds: Set<String>
    let provisionIds: Set<String>
    var problems: [CorpusError] = []

    init(knowledge: KnowledgeBase, corpus: Corpus, today: String) {
        self.knowledge = knowledge
        self.today = today
        sourcesById = Dictionary(knowledge.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        reviewerIds = Set(knowledge.reviewers.map(\.id))
        patternIds = Set(knowledge.patterns.map(\.id))
        partnershipsById = Dictionary(knowledge.partnerships.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        precedentIds = Set(knowledge.precedents.map(\.id))
        regulationIds = Set(knowledge.regulations.map(\.id))
        moveIds = Set(corpus.moves.map(\.id))
        provisionIds = Set(corpus.taxonomy.provisions.map(\.id))
    }

    mutating func problem(_ file: String, _ message: String) {
        problems.append(CorpusError(file: "knowledge/" + file, message: message))
    }

    mutating func ids(_ ids: [String], in file: String, what: String, allowHyphen: Bool = false) {
        var seen = Set<String>()
        for id in ids {
            if !seen.insert(id).inserted { problem(file, "\(what) '\(id)' is defined twice") }
            if !KnowledgeText.isWellFormedId(id, allowHyphen: allowHyphen) {
                problem(file, "\(what) id '\(id)' is not snake_case [a-z0-9_]")
            }
        }
    }

    mutating func sources() {
        let file = "sources.yaml"
        ids(knowledge.sources.map(\.id), in: file, what: "source")
        for s in knowledge.sources {
            if !ISODate.isValid(s.date) {
                problem(file, "source '\(s.id)' date '\(s.date)' is not a valid YYYY-MM-DD date")
            } else if s.date > today {
                problem(file, "source '\(s.id)' is dated \(s.date), in the future")
            }
            if !(s.url.hasPrefix("https://") || s.url.hasPrefix("http://")) || s.url.contains(" ") {
                problem(file, "source '\(s.id)' url '\(s.url)' is not an http(s) address")
            }
            if s.title.isBlank || s.publisher.isBlank {
                problem(file, "source '\(s.id)' needs a title and a publisher")
            }
            if let checked = s.lastChecked { lastChecked(checked, of: s, in: file) }
        }
    }

    mutating func lastChecked(_ checked: String, of s: KnowledgeSource, in file: String) {
        if !ISODate.isValid(checked) {
            problem(file, "source '\(s.id)' last_checked '\(checked)' is not a valid YYYY-MM-DD date")
        } else if checked > today {
            problem(file, "source '\(s.id)' last_checked \(checked) is in the future")
        } else if ISODate.isValid(s.date) && checked < s.date {
            problem(file, "source '\(s.id)' last_checked \(checked) is before the source's own date \(s.date)")
        }
    }

    mutating func reviewers() {
        ids(knowledge.reviewers.map(\.id), in: "reviewers.yaml", what: "reviewer", allowHyphen: true)
    }

    /// The provenance every factual item carries: sources, confidence, review and version.
    mutating func provenance(of item: some KnowledgeItem, in file: String, what: String, dates: [String]) {
        let label = "\(what) '\(item.id)'"
        if item.sources.isEmpty { problem(file, "\(label) cites no source") }
        for id in item.sources where sourcesById[id] == nil { problem(file, "\(label) cites unknown source '\(id)'") }
        if item.confidence == .primarySource {
            let kinds = item.sources.compactMap { sourcesById[$0]?.kind }
            if !kinds.isEmpty && kinds.allSatisfy({ $0 == .secondaryReport }) {
                problem(file, "\(label) is primary_source but cites only secondary reports")
            } else if !kinds.isEmpty && !citesCheckedPrimarySource(item) {
                problem(file, "\(label) is primary_source but none of its primary sources has a last_checked date")
            }
        }
        if !reviewerIds.contains(item.reviewed.by) {
            problem(file, "\(label) reviewed by unknown reviewer '\(item.reviewed.by)'")
        }
        let reviewDate = item.reviewed.on
        if !ISODate.isValid(reviewDate) {
            problem(file, "\(label) review date '\(reviewDate)' is not a valid YYYY-MM-DD date")
        } else if reviewDate > today {
            problem(file, "\(label) review date \(reviewDate) is in the future")
        }
        for date in dates {
            if !ISODate.isValid(date) {
                problem(file, "\(label) date '\(date)' is not a valid YYYY-MM-DD date")
            } else if ISODate.isValid(reviewDate) && date > reviewDate {
                problem(file, "\(label) date \(date) is after its review date \(reviewDate)")
            }
        }
        if item.version < 1 { problem(file, "\(label) version \(item.version) must be at least 1") }
    }

    /// A published fact must rest on a primary text someone has looked up: a cited source that is not a
    /// secondary report and carries a `last_checked` date (its validity is checked with the sources).
    func citesCheckedPrimarySource(_ item: some KnowledgeItem) -> Bool {
        item.sources.contains { id in
            guard let source = sourcesById[id] else { return false }
            return source.kind != .secondaryReport && source.lastChecked != nil
        }
    }

    mutating func prose(_ texts: [String], in file: String, of label: String) {
        for text in texts {
            if let quote = KnowledgeText.longestQuotation(in: text), quote.words > Checker.maxQuoted {
                problem(
                    file,
                    "\(label) quotes \(quote.words) words (\"\(quote.text.prefix(60))…\"); only partnership excerpts may quote more than \(Checker.maxQuoted)"
                )
            }
        }
    }

    static let maxQuoted = KnowledgeValidator.maxQuotedWordsInProse

    mutating func references(_ ids: [String], to known: Set<String>, in file: String, of label: String, kind: String) {
        for id in ids where !known.contains(id) { problem(file, "\(label) names unknown \(kind) '\(id)'") }
    }

    mutating func patterns() {
        ids(knowledge.patterns.map(\.id), in: "patterns/", what: "pattern")
        for p in knowledge.patterns {
            let file = "patterns/\(p.id).yaml"
            let label = "pattern '\(p.id)'"
            provenance(of: p, in: file, what: "pattern", dates: [])
            if p.description.isBlank || p.summary.isBlank {
                problem(file, "\(label) needs a summary and a description")
            }
            ids(p.subVariants.map(\.id), in: file, what: "sub-variant")
            references(p.livePrecedents, to: Set(partnershipsById.keys), in: file, of: label, kind: "partnership")
            for id in p.livePrecedents {
                if let partnership = partnershipsById[id], !partnership.allPatterns.contains(p.id) {
                    problem(file, "\(label) lists live precedent '\(id)', which does not name this pattern")
                }
            }
            references(p.killListMoves.map(\.id), to: moveIds, in: file, of: label, kind: "kill-list move")
            references(p.precedents, to: precedentIds, in: file, of: label, kind: "precedent")
            references(p.regulations, to: regulationIds, in: file, of: label, kind: "regulation")
            for id in p.scholarlyAnchors {
                guard let source = sourcesById[id] else {
                    problem(file, "\(label) names unknown scholarly anchor '\(id)'")
                    continue
                }
                if ![.paper, .governmentRelease, .treaty].contains(source.kind) {
                    problem(
                        file,
                        "\(label) scholarly anchor '\(id)' is a \(source.kind.rawValue), not a paper, government release or treaty"
                    )
                }
            }
            prose(
                [p.summary, p.description] + p.subVariants.map(\.description) + p.exampleClauses.map(\.text)
                    + p.killListMoves.flatMap { [$0.whyHere, $0.mitigation] },
                in: file,
                of: label
            )
        }
    }

    mutating func partnerships() {
        let file = "partnerships.yaml"
        ids(knowledge.partnerships.map(\.id), in: file, what: "partnership")
        for p in knowledge.partnerships {
            let label = "partnership '\(p.id)'"
            provenance(of: p, in: file, what: "partnership", dates: [p.date])
            references(p.allPatterns, to: patternIds, in: file, of: label, kind: "pattern")
            if p.parties.isEmpty { problem(file, "\(label) names no party") }
            for code in p.countries where !KnowledgeText.isCountryCode(code) {
                problem(file, "\(label) country '\(code)' is not an ISO 3166-1 alpha-2 code")
            }
            for excerpt in p.publicTermsExcerpts {
                if !p.sources.contains(excerpt.source) {
                    problem(file, "\(label) excerpt cites '\(excerpt.source)', which is not among the item's sources")
                }
                let words = KnowledgeText.wordCount(excerpt.excerpt)
                if words == 0 { problem(file, "\(label) has an empty excerpt") }
                if words > KnowledgeValidator.maxExcerptWords {
                    problem(
                        file,
                        "\(label) excerpt has \(words) words; at most \(KnowledgeValidator.maxExcerptWords) may be quoted"
                    )
                }
            }
            prose([p.summary], in: file, of: label)
        }
    }

    mutating func precedents() {
        let file = "precedents.yaml"
        ids(knowledge.precedents.map(\.id), in: file, what: "precedent")
        for p in knowledge.precedents {
            let label = "precedent '\(p.id)'"
            provenance(of: p, in: file, what: "precedent", dates: [p.date])
            references(p.provisions, to: provisionIds, in: file, of: label, kind: "provision")
            references(p.killListMoves, to: moveIds, in: file, of: label, kind: "kill-list move")
            prose([p.summary, p.relevance], in: file, of: label)
        }
    }

    mutating func regulations() {
        let file = "regulations.yaml"
        ids(knowledge.regulations.map(\.id), in: file, what: "regulation")
        for r in knowledge.regulations {
            let label = "regulation '\(r.id)'"
            // applies_from may lie ahead of the review: provisions often apply years after adoption.
            provenance(of: r, in: file, what: "regulation", dates: [])
            if let from = r.appliesFrom, !ISODate.isValid(from) {
                problem(file, "\(label) applies_from '\(from)' is not a valid YYYY-MM-DD date")
            }
            references(r.provisions, to: provisionIds, in: file, of: label, kind: "provision")
            if !(r.url.hasPrefix("https://") || r.url.hasPrefix("http://")) {
                problem(file, "\(label) url '\(r.url)' is not an http(s) address")
            }
            prose([r.summary], in: file, of: label)
        }
    }
}
