import FineprintCore
import FineprintKnowledge
import FineprintShare
import FineprintStore

/// The knowledge base as the web app shows it: kill-list moves, model clauses and taxonomy
/// provisions from the corpus, and the patterns, partnerships (with their scorecards),
/// precedents, regulatory provisions and sources of corpus/knowledge. It yields the search
/// index entries and each item's detail sections.
public struct KnowledgeCatalog: Sendable {
    public let corpus: Corpus
    public let knowledge: KnowledgeBase
    public let scorecards: [String: PartnershipScorecard]
    /// The allies' items and those adopted, shown beside ours with their origin.
    public internal(set) var allies = AlliedCatalog()

    public init(corpus: Corpus, knowledge: KnowledgeBase, scorecards: [PartnershipScorecard]) {
        self.corpus = corpus
        self.knowledge = knowledge
        self.scorecards = Dictionary(scorecards.map { ($0.partnership, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The kinds in the order the filter lists them, with their labels.
    static let kinds: [(id: String, label: String)] = [
        ("pattern", "Deal patterns"), ("move", "Kill-list moves"), ("clause", "Model clauses"),
        ("partnership", "Partnerships"), ("precedent", "Precedents"), ("regulation", "Regulatory provisions"),
        ("provision", "Provisions (taxonomy)"), ("source", "Sources"), ("playbook", "Playbooks"),
        ("shared", "Allies' knowledge items"),
    ]

    static func label(_ kind: String) -> String {
        let label = kinds.first { $0.id == kind }?.label ?? kind
        return label.hasSuffix("s") && !label.hasSuffix("ss") ? String(label.dropLast()) : label
    }

    /// Every item as a search-index entry.
    var entries: [KnowledgeEntry] {
        // The order of the search index (ties in rank keep it).
        patternEntries + moveEntries + clauseEntries + partnershipEntries + precedentEntries + regulationEntries
            + provisionEntries + sourceEntries + alliedEntries
    }

    var patternEntries: [KnowledgeEntry] {
        knowledge.patterns.map { p in
            KnowledgeEntry(
                kind: "pattern",
                id: p.id,
                title: p.name,
                summary: p.summary,
                body: ([p.description] + p.subVariants.map { "\($0.name) \($0.description)" }
                    + p.exampleClauses.map { "\($0.title) \($0.text)" }
                    + p.killListMoves.map { "\($0.whyHere) \($0.mitigation)" }).joined(separator: "\n"),
                tags: [p.category.rawValue] + p.killListMoves.map(\.id)
            )
        }
    }

    var moveEntries: [KnowledgeEntry] {
        corpus.moves.map { m in
            KnowledgeEntry(
                kind: "move",
                id: m.id,
                title: m.name,
                summary: m.summary,
                body: m.mechanism,
                tags: [m.severity.rawValue] + m.reveals
            )
        }
    }

    var clauseEntries: [KnowledgeEntry] {
        corpus.clauses.map { c in
            KnowledgeEntry(
                kind: "clause",
                id: c.id,
                title: c.title,
                summary: Format.snippet(c.text, limit: 200),
                body: c.text + "\n" + (c.notes ?? ""),
                tags: c.provides + c.counters + c.mitigates
            )
        }
    }

    var provisionEntries: [KnowledgeEntry] {
        corpus.taxonomy.provisions.map { p in
            KnowledgeEntry(
                kind: "provision",
                id: p.id,
                title: p.name,
                summary: p.meaning,
                body: "Strong: \(p.strong)\nWeak: \(p.weak)",
                tags: [p.dimension, p.polarity.rawValue]
            )
        }
    }

    var partnershipEntries: [KnowledgeEntry] {
        knowledge.partnerships.map { p in
            KnowledgeEntry(
                kind: "partnership",
                id: p.id,
                title: p.name,
                summary: p.summary,
                body: (p.parties + p.countries + p.publicTermsExcerpts.map(\.excerpt)).joined(separator: "\n"),
                tags: p.allPatterns + [p.instrument.rawValue]
            )
        }
    }

    var precedentEntries: [KnowledgeEntry] {
        knowledge.precedents.map { p in
            KnowledgeEntry(
                kind: "precedent",
                id: p.id,
                title: p.name,
                summary: p.summary,
                body: [p.forum, p.reference ?? "", p.relevance].joined(separator: "\n"),
                tags: [p.kind.rawValue] + p.provisions + p.killListMoves
            )
        }
    }

    var regulationEntries: [KnowledgeEntry] {
        knowledge.regulations.map { r in
            KnowledgeEntry(
                kind: "regulation",
                id: r.id,
                title: "\(r.instrument) \(r.article): \(r.title)",
                summary: r.summary,
                body: r.jurisdiction ?? "",
                tags: r.provisions
            )
        }
    }

    var sourceEntries: [KnowledgeEntry] {
        knowledge.sources.map { s in
            KnowledgeEntry(
                kind: "source",
                id: s.id,
                title: s.title,
                summary: "\(s.publisher), \(s.date)",
                body: s.url,
                tags: [s.kind.rawValue]
            )
        }
    }
}
