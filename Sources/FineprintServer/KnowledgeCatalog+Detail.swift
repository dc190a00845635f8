import FineprintCore
import FineprintKnowledge

/// Each knowledge item's detail page: one function per kind.
extension KnowledgeCatalog {
    /// The detail page of one item (ours first, then an ally's or one adopted), or nil if there is none.
    func detail(kind: String, id: String) -> KnowledgeEntryModel? {
        ownDetail(kind: kind, id: id) ?? alliedDetail(kind: kind, id: id)
    }

    func ownDetail(kind: String, id: String) -> KnowledgeEntryModel? {
        let page = DetailPage(kind: kind, id: id, catalog: self)
        switch kind {
        case "pattern": return knowledge.pattern(id).map { patternDetail($0, page) }
        case "move": return corpus.move(id).map { moveDetail($0, page) }
        case "clause": return corpus.clause(id).map { clauseDetail($0, page) }
        case "partnership": return knowledge.partnership(id).map { partnershipDetail($0, page) }
        case "precedent": return knowledge.precedent(id).map { precedentDetail($0, page) }
        case "regulation": return knowledge.regulation(id).map { regulationDetail($0, page) }
        case "provision": return corpus.taxonomy.provision(id).map { provisionDetail($0, page) }
        case "source":
            return knowledge.source(id).map { s in
                page.model(
                    s.title,
                    "\(s.publisher), \(s.date)",
                    [page.section("Address", items: [s.url])],
                    tags: [s.kind.rawValue]
                )
            }
        default: return nil
        }
    }

    func patternDetail(_ p: DealPattern, _ page: DetailPage) -> KnowledgeEntryModel {
        // The same resolved page the CLI prints, with the scorecards computed at start-up.
        let resolved = PatternPage(pattern: p, knowledge: knowledge, corpus: corpus, scorecard: { scorecards[$0.id] })
        let tracked = resolved.partnerships.map { tracked in
            let live = tracked.isLivePrecedent ? ", live precedent" : ""
            guard let card = tracked.scorecard else {
                return "\(tracked.partnership.name) (\(tracked.partnership.date)\(live))"
            }
            return
                "\(tracked.partnership.name) (\(tracked.partnership.date)\(live)): \(card.visibleMoves.count) kill-list moves visible, "
                + "\(card.evidentProtections.count) protections evident, \(tracked.unknownPatternMoves.count) of the pattern's \(resolved.moves.count) moves unknown"
        }
        let moves = resolved.moves.map { m in
            "\(m.move.name) — \(m.whyHere) Instead: \(m.mitigationNote)"
                + (m.clause.map { " Model clause: \($0.title)." } ?? "")
        }
        let sections = [
            page.section("Description", p.description),
            page.section("Variants", items: p.subVariants.map { "\($0.name): \($0.description)" }),
            page.section("Tracked partnerships, scored on their public terms", items: tracked),
            page.section("Kill-list moves to expect", items: moves),
            page.section("Example clauses", items: p.exampleClauses.map { "\($0.title): \($0.text)" }),
            page.section("Precedents", items: resolved.precedents.map { "\($0.name) (\($0.forum), \($0.date))" }),
            page.section(
                "Regulations",
                items: resolved.regulations.map { "\($0.instrument) \($0.article): \($0.title)" }
            ),
            page.section(
                "Scholarly anchors",
                items: resolved.scholarlyAnchors.map { "\($0.title) (\($0.publisher), \($0.date)) — \($0.url)" }
            ),
            page.sources(p.sources),
        ]
        return page.model(
            p.name,
            p.summary,
            sections,
            tags: [p.category.rawValue, "confidence: \(p.confidence.rawValue)"]
        )
    }

    func moveDetail(_ m: KillListMove, _ page: DetailPage) -> KnowledgeEntryModel {
        let mitigation = corpus.clause(m.mitigation).map { "\($0.title): \($0.text)" } ?? m.mitigation
        let sections = [
            page.section("How it works", m.mechanism),
            page.section("Mitigation", items: [mitigation]),
            page.section("Shows up as", items: m.reveals.map(page.names.provision)),
        ]
        return page.model(m.name, m.summary, sections, tags: ["severity: \(m.severity.rawValue)"])
    }

    func clauseDetail(_ c: ModelClause, _ page: DetailPage) -> KnowledgeEntryModel {
        let sections = [
            page.section("Clause text", c.text),
            page.section("Notes", c.notes ?? ""),
            page.section("Supplies", items: c.provides.map(page.names.provision)),
            page.section("Counters", items: c.counters.map(page.names.provision)),
            page.section("Mitigates", items: c.mitigates.map(page.names.move)),
            page.section("Basis", items: c.basis.map { [$0.ref, $0.url].compactMap { $0 }.joined(separator: " — ") }),
        ]
        return page.model(c.title, "", sections)
    }

    func partnershipDetail(_ p: Partnership, _ page: DetailPage) -> KnowledgeEntryModel {
        var sections = [
            page.section("Parties", items: p.parties),
            page.section("Countries", items: p.countries),
            page.section(
                "Public terms read",
                items: p.publicTermsExcerpts.map { "“\($0.excerpt)” (\($0.source), \($0.checked.rawValue))" }
            ),
        ]
        if let card = scorecards[p.id] { sections += scorecardSections(card, page) }
        sections.append(page.section("Patterns", items: p.allPatterns.map { knowledge.pattern($0)?.name ?? $0 }))
        sections.append(page.sources(p.sources))
        let tags = [p.instrument.rawValue, p.date, "confidence: \(p.confidence.rawValue)"]
        return page.model(p.name, p.summary, sections, tags: tags)
    }

    /// A partnership's scorecard: what its public terms show and leave unknown.
    func scorecardSections(_ card: PartnershipScorecard, _ page: DetailPage) -> [KnowledgeSection] {
        func sightings(_ list: [PartnershipScorecard.Sighting]) -> [String] {
            list.map {
                "\($0.name)\($0.strength.map { " (\($0.rawValue))" } ?? "") — “\(Format.snippet($0.quote))” [\($0.source)]"
            }
        }
        let summary =
            "Read from \(card.excerptsRead) public-terms excerpt\(card.excerptsRead == 1 ? "" : "s"): "
            + "\(card.visibleMoves.count) kill-list moves visible, \(card.evidentProtections.count) protections and "
            + "\(card.evidentHazards.count) hazards evident, \(card.unknownMoves.count) moves and "
            + "\(card.unknownProtections.count) protections the public record leaves unknown."
        return [
            page.section("Scorecard", summary),
            page.section("Scorecard: kill-list moves visible in the public terms", items: sightings(card.visibleMoves)),
            page.section("Scorecard: protections evident", items: sightings(card.evidentProtections)),
            page.section("Scorecard: hazards evident", items: sightings(card.evidentHazards)),
            page.section(
                "Scorecard: moves the public record leaves unknown",
                items: card.unknownMoves.map(page.names.move)
            ),
            page.section(
                "Scorecard: protections the public terms do not speak to",
                items: card.unknownProtections.map(page.names.provision)
            ),
        ]
    }

    func precedentDetail(_ p: Precedent, _ page: DetailPage) -> KnowledgeEntryModel {
        let sections = [
            page.section("Forum", [p.forum, p.reference ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")),
            page.section("Why it matters", p.relevance),
            page.section("Provisions", items: p.provisions.map(page.names.provision)),
            page.section("Kill-list moves", items: p.killListMoves.map(page.names.move)),
            page.sources(p.sources),
        ]
        return page.model(p.name, p.summary, sections, tags: [p.kind.rawValue, p.date])
    }

    func regulationDetail(_ r: RegulatoryProvision, _ page: DetailPage) -> KnowledgeEntryModel {
        let place = [r.jurisdiction, r.appliesFrom.map { "applies from \($0)" }].compactMap { $0 }
        let sections = [
            page.section("Where", place.joined(separator: ", ")),
            page.section("Provisions", items: r.provisions.map(page.names.provision)),
            page.section("Text", items: [r.url]),
            page.sources(r.sources),
        ]
        return page.model("\(r.instrument) \(r.article): \(r.title)", r.summary, sections)
    }

    func provisionDetail(_ p: Provision, _ page: DetailPage) -> KnowledgeEntryModel {
        let sections = [
            page.section("Strong wording", p.strong),
            page.section("Weak wording", p.weak),
            page.section(
                "Standards",
                items: p.standards.map { [$0.ref, $0.url].compactMap { $0 }.joined(separator: " — ") }
            ),
        ]
        return page.model(p.name, p.meaning, sections, tags: [p.dimension, p.polarity.rawValue])
    }
}

/// The pieces every detail page is built from: its sections, the sources list, the names of ids.
struct DetailPage {
    let kind: String
    let id: String
    let catalog: KnowledgeCatalog
    var names: CorpusNames { CorpusNames(catalog.corpus) }

    func model(
        _ title: String,
        _ summary: String,
        _ sections: [KnowledgeSection],
        tags: [String] = []
    )
        -> KnowledgeEntryModel
    {
        KnowledgeEntryModel(
            title: title,
            kind: kind,
            kindLabel: KnowledgeCatalog.label(kind),
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
                catalog.knowledge.source(id).map { "\($0.publisher), “\($0.title)” (\($0.date)) — \($0.url)" } ?? id
            }
        )
    }
}
