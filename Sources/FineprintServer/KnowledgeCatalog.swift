import FineprintCore
import FineprintKnowledge
import FineprintStore

/// The knowledge base as the web app shows it: kill-list moves, model clauses and taxonomy
/// provisions from the corpus, and the patterns, partnerships (with their scorecards),
/// precedents, regulatory provisions and sources of corpus/knowledge. It yields the search
/// index entries and each item's detail sections.
public struct KnowledgeCatalog: Sendable {
    public let corpus: Corpus
    public let knowledge: KnowledgeBase
    public let scorecards: [String: PartnershipScorecard]

    public init(corpus: Corpus, knowledge: KnowledgeBase, scorecards: [PartnershipScorecard]) {
        self.corpus = corpus
        self.knowledge = knowledge
        self.scorecards = Dictionary(scorecards.map { ($0.partnership, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The kinds in the order the filter lists them, with their labels.
    static let kinds: [(id: String, label: String)] = [
        ("pattern", "Deal patterns"), ("move", "Kill-list moves"), ("clause", "Model clauses"),
        ("partnership", "Partnerships"), ("precedent", "Precedents"), ("regulation", "Regulatory provisions"),
        ("provision", "Provisions (taxonomy)"), ("source", "Sources"),
    ]

    static func label(_ kind: String) -> String {
        let label = kinds.first { $0.id == kind }?.label ?? kind
        return label.hasSuffix("s") && !label.hasSuffix("ss") ? String(label.dropLast()) : label
    }

    /// Every item as a search-index entry.
    var entries: [KnowledgeEntry] {
        var out: [KnowledgeEntry] = []
        for p in knowledge.patterns {
            out.append(
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
            )
        }
        for m in corpus.moves {
            out.append(
                KnowledgeEntry(
                    kind: "move",
                    id: m.id,
                    title: m.name,
                    summary: m.summary,
                    body: m.mechanism,
                    tags: [m.severity.rawValue] + m.reveals
                )
            )
        }
        for c in corpus.clauses {
            out.append(
                KnowledgeEntry(
                    kind: "clause",
                    id: c.id,
                    title: c.title,
                    summary: Format.snippet(c.text, limit: 200),
                    body: c.text + "\n" + (c.notes ?? ""),
                    tags: c.provides + c.counters + c.mitigates
                )
            )
        }
        for p in knowledge.partnerships {
            out.append(
                KnowledgeEntry(
                    kind: "partnership",
                    id: p.id,
                    title: p.name,
                    summary: p.summary,
                    body: (p.parties + p.countries + p.publicTermsExcerpts.map(\.excerpt)).joined(separator: "\n"),
                    tags: p.allPatterns + [p.instrument.rawValue]
                )
            )
        }
        for p in knowledge.precedents {
            out.append(
                KnowledgeEntry(
                    kind: "precedent",
                    id: p.id,
                    title: p.name,
                    summary: p.summary,
                    body: [p.forum, p.reference ?? "", p.relevance].joined(separator: "\n"),
                    tags: [p.kind.rawValue] + p.provisions + p.killListMoves
                )
            )
        }
        for r in knowledge.regulations {
            out.append(
                KnowledgeEntry(
                    kind: "regulation",
                    id: r.id,
                    title: "\(r.instrument) \(r.article): \(r.title)",
                    summary: r.summary,
                    body: r.jurisdiction ?? "",
                    tags: r.provisions
                )
            )
        }
        for p in corpus.taxonomy.provisions {
            out.append(
                KnowledgeEntry(
                    kind: "provision",
                    id: p.id,
                    title: p.name,
                    summary: p.meaning,
                    body: "Strong: \(p.strong)\nWeak: \(p.weak)",
                    tags: [p.dimension, p.polarity.rawValue]
                )
            )
        }
        for s in knowledge.sources {
            out.append(
                KnowledgeEntry(
                    kind: "source",
                    id: s.id,
                    title: s.title,
                    summary: "\(s.publisher), \(s.date)",
                    body: s.url,
                    tags: [s.kind.rawValue]
                )
            )
        }
        return out
    }

    /// The detail page of one item, or nil if there is no such item.
    func detail(kind: String, id: String) -> KnowledgeEntryView? {
        func view(
            _ title: String,
            _ summary: String,
            _ sections: [KnowledgeSection],
            tags: [String] = []
        ) -> KnowledgeEntryView {
            KnowledgeEntryView(
                title: title,
                kind: kind,
                kindLabel: Self.label(kind),
                id: id,
                summary: summary.isEmpty ? nil : summary,
                sections: sections.filter { !$0.paragraphs.isEmpty || !$0.items.isEmpty },
                tags: tags
            )
        }
        func section(_ heading: String, _ text: String = "", items: [String] = []) -> KnowledgeSection {
            KnowledgeSection(heading: heading, paragraphs: Format.paragraphs(text), items: items)
        }
        func sources(_ ids: [String]) -> KnowledgeSection {
            section(
                "Sources",
                items: ids.map { id in
                    knowledge.source(id).map { "\($0.publisher), “\($0.title)” (\($0.date)) — \($0.url)" } ?? id
                }
            )
        }
        func moveName(_ id: String) -> String { corpus.move(id)?.name ?? id }
        func provisionName(_ id: String) -> String { corpus.taxonomy.provision(id)?.name ?? id }

        switch kind {
        case "pattern":
            guard let p = knowledge.pattern(id) else { return nil }
            // The same resolved page the CLI prints, with the scorecards computed at start-up.
            let page = PatternPage(pattern: p, knowledge: knowledge, corpus: corpus, scorecard: { scorecards[$0.id] })
            return view(
                p.name,
                p.summary,
                [
                    section("Description", p.description),
                    section("Variants", items: p.subVariants.map { "\($0.name): \($0.description)" }),
                    section(
                        "Tracked partnerships, scored on their public terms",
                        items: page.partnerships.map { tracked in
                            let live = tracked.isLivePrecedent ? ", live precedent" : ""
                            guard let card = tracked.scorecard else {
                                return "\(tracked.partnership.name) (\(tracked.partnership.date)\(live))"
                            }
                            return
                                "\(tracked.partnership.name) (\(tracked.partnership.date)\(live)): \(card.visibleMoves.count) kill-list moves visible, "
                                + "\(card.evidentProtections.count) protections evident, \(tracked.unknownPatternMoves.count) of the pattern's \(page.moves.count) moves unknown"
                        }
                    ),
                    section(
                        "Kill-list moves to expect",
                        items: page.moves.map { m in
                            "\(m.move.name) — \(m.whyHere) Instead: \(m.mitigationNote)"
                                + (m.clause.map { " Model clause: \($0.title)." } ?? "")
                        }
                    ),
                    section("Example clauses", items: p.exampleClauses.map { "\($0.title): \($0.text)" }),
                    section("Precedents", items: page.precedents.map { "\($0.name) (\($0.forum), \($0.date))" }),
                    section(
                        "Regulations",
                        items: page.regulations.map { "\($0.instrument) \($0.article): \($0.title)" }
                    ),
                    section(
                        "Scholarly anchors",
                        items: page.scholarlyAnchors.map { "\($0.title) (\($0.publisher), \($0.date)) — \($0.url)" }
                    ),
                    sources(p.sources),
                ],
                tags: [p.category.rawValue, "confidence: \(p.confidence.rawValue)"]
            )
        case "move":
            guard let m = corpus.move(id) else { return nil }
            return view(
                m.name,
                m.summary,
                [
                    section("How it works", m.mechanism),
                    section(
                        "Mitigation",
                        items: [corpus.clause(m.mitigation).map { "\($0.title): \($0.text)" } ?? m.mitigation]
                    ),
                    section("Shows up as", items: m.reveals.map(provisionName)),
                ],
                tags: ["severity: \(m.severity.rawValue)"]
            )
        case "clause":
            guard let c = corpus.clause(id) else { return nil }
            return view(
                c.title,
                "",
                [
                    section("Clause text", c.text),
                    section("Notes", c.notes ?? ""),
                    section("Supplies", items: c.provides.map(provisionName)),
                    section("Counters", items: c.counters.map(provisionName)),
                    section("Mitigates", items: c.mitigates.map(moveName)),
                    section(
                        "Basis",
                        items: c.basis.map { [$0.ref, $0.url].compactMap { $0 }.joined(separator: " — ") }
                    ),
                ]
            )
        case "partnership":
            guard let p = knowledge.partnership(id) else { return nil }
            var sections = [
                section("Parties", items: p.parties),
                section("Countries", items: p.countries),
                section(
                    "Public terms read",
                    items: p.publicTermsExcerpts.map { "“\($0.excerpt)” (\($0.source), \($0.checked.rawValue))" }
                ),
            ]
            if let card = scorecards[p.id] {
                func sightings(_ list: [PartnershipScorecard.Sighting]) -> [String] {
                    list.map {
                        "\($0.name)\($0.strength.map { " (\($0.rawValue))" } ?? "") — “\(Format.snippet($0.quote))” [\($0.source)]"
                    }
                }
                sections += [
                    section(
                        "Scorecard",
                        "Read from \(card.excerptsRead) public-terms excerpt\(card.excerptsRead == 1 ? "" : "s"): "
                            + "\(card.visibleMoves.count) kill-list moves visible, \(card.evidentProtections.count) protections and "
                            + "\(card.evidentHazards.count) hazards evident, \(card.unknownMoves.count) moves and "
                            + "\(card.unknownProtections.count) protections the public record leaves unknown."
                    ),
                    section(
                        "Scorecard: kill-list moves visible in the public terms",
                        items: sightings(card.visibleMoves)
                    ),
                    section("Scorecard: protections evident", items: sightings(card.evidentProtections)),
                    section("Scorecard: hazards evident", items: sightings(card.evidentHazards)),
                    section(
                        "Scorecard: moves the public record leaves unknown",
                        items: card.unknownMoves.map(moveName)
                    ),
                    section(
                        "Scorecard: protections the public terms do not speak to",
                        items: card.unknownProtections.map(provisionName)
                    ),
                ]
            }
            sections.append(section("Patterns", items: p.allPatterns.map { knowledge.pattern($0)?.name ?? $0 }))
            sections.append(sources(p.sources))
            return view(
                p.name,
                p.summary,
                sections,
                tags: [p.instrument.rawValue, p.date, "confidence: \(p.confidence.rawValue)"]
            )
        case "precedent":
            guard let p = knowledge.precedent(id) else { return nil }
            return view(
                p.name,
                p.summary,
                [
                    section("Forum", [p.forum, p.reference ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")),
                    section("Why it matters", p.relevance),
                    section("Provisions", items: p.provisions.map(provisionName)),
                    section("Kill-list moves", items: p.killListMoves.map(moveName)),
                    sources(p.sources),
                ],
                tags: [p.kind.rawValue, p.date]
            )
        case "regulation":
            guard let r = knowledge.regulation(id) else { return nil }
            return view(
                "\(r.instrument) \(r.article): \(r.title)",
                r.summary,
                [
                    section(
                        "Where",
                        [r.jurisdiction, r.appliesFrom.map { "applies from \($0)" }].compactMap { $0 }.joined(
                            separator: ", "
                        )
                    ),
                    section("Provisions", items: r.provisions.map(provisionName)),
                    section("Text", items: [r.url]),
                    sources(r.sources),
                ]
            )
        case "provision":
            guard let p = corpus.taxonomy.provision(id) else { return nil }
            return view(
                p.name,
                p.meaning,
                [
                    section("Strong wording", p.strong),
                    section("Weak wording", p.weak),
                    section(
                        "Standards",
                        items: p.standards.map { [$0.ref, $0.url].compactMap { $0 }.joined(separator: " — ") }
                    ),
                ],
                tags: [p.dimension, p.polarity.rawValue]
            )
        case "source":
            guard let s = knowledge.source(id) else { return nil }
            return view(
                s.title,
                "\(s.publisher), \(s.date)",
                [section("Address", items: [s.url])],
                tags: [s.kind.rawValue]
            )
        default:
            return nil
        }
    }
}
