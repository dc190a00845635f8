import FineprintCompare
import FineprintCore
import FineprintReport
import FineprintStandards
import Foundation

/// Builds the negotiation pack from an analysis. The analysis is the input, so a reviewed reading
/// (once reviewers can correct findings) goes into the pack unchanged.
public struct PackBuilder: Sendable {
    public var input: ReportInput
    public var supplier: String?
    /// The day the pack is made, yyyy-mm-dd.
    public var date: String
    public var standard: String?
    /// The standard's crosswalk (`--standard`): each ask cites the articles it maps to the
    /// provision, and the cover lists the articles the contract does not meet.
    public var crosswalk: Crosswalk?

    public init(
        input: ReportInput,
        supplier: String? = nil,
        date: String,
        standard: String? = nil,
        crosswalk: Crosswalk? = nil
    ) {
        self.input = input
        self.supplier = supplier
        self.date = date
        self.standard = crosswalk?.id ?? standard
        self.crosswalk = crosswalk
    }

    public func build() -> NegotiationPack {
        let a = input.analysis
        let breakdown = a.scoreBreakdown ?? []
        var issues = a.gaps.compactMap(issue(for:))
        let asked = Set(issues.map(\.askTitle))
        issues += a.killListMoves.compactMap { issue(for: $0, skipping: asked) }
        let ordered = issues.enumerated().sorted { x, y in
            let (px, py) = (x.element.pointsLost ?? 0, y.element.pointsLost ?? 0)
            if px != py { return px > py }
            return x.offset < y.offset
        }
        var pack = NegotiationPack(
            documentName: a.document.name,
            supplier: supplier,
            date: date,
            profile: a.profile,
            profileName: input.playbook.name,
            standard: standard,
            score: a.score,
            coverage: a.coverage,
            scoreLosses: breakdown.filter { $0.points < 0 },
            scoreGains: breakdown.filter { $0.points > 0 },
            issues: ordered.enumerated().map { n, item in
                var issue = item.element
                issue.number = n + 1
                return issue
            }
        )
        pack.review = input.reviewMarks.map(Self.reviewLine)
        if let crosswalk { apply(crosswalk, to: &pack) }
        return pack
    }

    /// "reviewed: 2 findings corrected, 1 trap dismissed; the machine scored 17/100".
    static func reviewLine(_ marks: ReviewMarks) -> String {
        var line = marks.state.label
        var parts: [String] = []
        if !marks.changedCells.isEmpty {
            parts.append(
                "\(marks.changedCells.count) finding\(marks.changedCells.count == 1 ? "" : "s") corrected by a reviewer"
            )
        }
        if !marks.dismissedMoves.isEmpty {
            parts.append("\(marks.dismissedMoves.count) trap\(marks.dismissedMoves.count == 1 ? "" : "s") dismissed")
        }
        if !parts.isEmpty {
            line += ": " + parts.joined(separator: ", ") + "; the machine scored \(marks.machineScore)/100"
        }
        return line
    }

    func issue(for gap: Gap) -> NegotiationIssue? {
        let corpus = input.corpus
        let position = corpus.position(for: gap.provision, in: input.playbook)
        guard let clause = corpus.clause(position?.preferred ?? gap.clause ?? "") else { return nil }
        let evidence = gap.reason == .missing ? nil : input.analysis.finding(gap.provision)?.evidence.first
        let kind: NegotiationIssue.Kind =
            switch gap.reason {
            case .missing: .missing
            case .tooWeak: .tooWeak
            case .hazardPresent: .hazardPresent
            }
        let provision = corpus.taxonomy.provision(gap.provision)
        return makeIssue(
            kind: kind,
            subject: gap.provision,
            title: provision?.name ?? gap.provision,
            level: gap.level,
            lost: lost { $0.provision == gap.provision && $0.kind != .move },
            evidence: evidence,
            clause: clause,
            position: position,
            fallbackWhy: provision?.meaning ?? ""
        )
    }

    /// A move becomes its own issue unless a gap already asks for its mitigation clause.
    func issue(for move: MoveFinding, skipping asked: Set<String>) -> NegotiationIssue? {
        let corpus = input.corpus
        guard let clause = corpus.clause(move.mitigation), !asked.contains(clause.title) else { return nil }
        let definition = corpus.move(move.id)
        let position = definition?.reveals.lazy.compactMap { corpus.position(for: $0, in: input.playbook) }.first
        return makeIssue(
            kind: .move,
            subject: move.id,
            title: definition?.name ?? move.id,
            level: nil,
            lost: lost { $0.move == move.id },
            evidence: move.evidence.first,
            clause: clause,
            position: position.map { p in
                var own = p
                own.why = definition?.mechanism ?? p.why
                return own
            },
            fallbackWhy: definition?.summary ?? ""
        )
    }

    func lost(_ matches: (ScoreContribution) -> Bool) -> Double? {
        let items = (input.analysis.scoreBreakdown ?? []).filter { $0.points < 0 && matches($0) }
        return items.isEmpty ? nil : -items.reduce(0) { $0 + $1.points }
    }

    func makeIssue(
        kind: NegotiationIssue.Kind,
        subject: String,
        title: String,
        level: RequirementLevel?,
        lost: Double?,
        evidence: Evidence?,
        clause: ModelClause,
        position: NegotiationPosition?,
        fallbackWhy: String
    ) -> NegotiationIssue {
        let ask = clause.text.paragraphs.joined(separator: " ")
        let quote = evidence.map { XMLText.oneLine($0.quote) }
        return NegotiationIssue(
            number: 0,
            kind: kind,
            subject: subject,
            title: title,
            level: level,
            pointsLost: lost,
            supplierText: quote,
            supplierOffset: evidence?.start,
            supplierClause: evidence.flatMap { ClauseNumber.near($0.start, in: Array(input.text.unicodeScalars)) },
            why: position?.why ?? fallbackWhy,
            askTitle: clause.title,
            askText: ask,
            fallbacks: position?.fallbacks ?? [],
            walkAway: position?.walkAway,
            basis: basisLines(position?.restsOn ?? []),
            changes: quote.map { TrackedChanges.marked(from: $0, to: ask) } ?? [TrackedChange(op: .insert, text: ask)]
        )
    }

    /// The bases as lines a reader follows, those of the chosen standard first.
    func basisLines(_ bases: [PositionBasis]) -> [BasisLine] {
        let ordered =
            bases.filter { $0.standard != nil && $0.standard == standard }
            + bases.filter {
                $0.standard == nil || $0.standard != standard
            }
        return ordered.map { b in
            var name = b.source ?? b.standard ?? ""
            var url: String?
            if let id = b.source, let source = input.corpus.source(id) {
                name = Self.shortTitle(source.title)
                url = source.url
            } else if let id = b.standard, let standard = input.corpus.standard(id) {
                name = standard.name
                url = standard.url
            }
            let citation = "\(name), \(b.article)"
            return BasisLine(text: citation + (b.point.map { ": \($0)" } ?? ""), citation: citation, url: url)
        }
    }

    /// "Regulation (EU) 2016/679 (General Data Protection Regulation)" → "General Data Protection
    /// Regulation"; titles without a closing short name stay whole.
    static func shortTitle(_ title: String) -> String {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "(") else { return title }
        let inner = title[title.index(after: open)..<title.index(before: title.endIndex)]
        return inner.count >= 3 ? String(inner) : title
    }
}

extension String {
    /// Paragraphs of a YAML block text: lines joined, blank lines separating.
    var paragraphs: [String] {
        split(separator: "\n\n", omittingEmptySubsequences: true).map {
            $0.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
    }
}
