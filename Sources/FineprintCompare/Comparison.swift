import FineprintCore
import FineprintReport

/// Several suppliers' documents side by side against one playbook: `fineprint.comparison/1`.
public struct Comparison: Hashable, Codable, Sendable {
    public static let schemaId = "fineprint.comparison/1"

    public var schema: String
    public var profile: String
    public var profileName: String
    public var documents: [ComparedDocument]
    /// One row per taxonomy provision, one cell per document (in `documents` order).
    public var provisions: [ProvisionRow]
    /// One row per kill-list move found in any document.
    public var moves: [MoveRow]
    /// Documents best first: score, then fewer high-severity moves, then fewer gaps, then name.
    public var ranking: [RankEntry]

    public init(
        profile: String,
        profileName: String,
        documents: [ComparedDocument],
        provisions: [ProvisionRow],
        moves: [MoveRow],
        ranking: [RankEntry]
    ) {
        self.schema = Self.schemaId
        self.profile = profile
        self.profileName = profileName
        self.documents = documents
        self.provisions = provisions
        self.moves = moves
        self.ranking = ranking
    }
}

public struct ComparedDocument: Hashable, Codable, Sendable {
    public var name: String
    public var sha256: String
    public var score: Int
    public var dimensions: [DimensionScore]
    public var moves: [ComparedMove]
    public var gaps: Int
    public var rank: Int
    /// The score's parts as the analysis holds them (nil for one stored before breakdowns): the
    /// report's explanation is made from them (`explanation`).
    public var coverage: Int?
    public var hazardCost: Double?
    public var scoreBreakdown: [ScoreContribution]?

    /// The score explained, the same explanation the report opens with.
    public var explanation: ScoreExplanation {
        ScoreExplanation(score: score, coverage: coverage, hazardCost: hazardCost, breakdown: scoreBreakdown)
    }

    /// The document's score in one dimension, as text ("" when it has none).
    func scoreText(_ dimension: String) -> String {
        dimensions.first { $0.id == dimension }.map { "\($0.score)" } ?? ""
    }
}

public struct ComparedMove: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var severity: Severity?
    public var confidence: Double
}

public struct MatrixCell: Hashable, Codable, Sendable {
    public var status: ProvisionStatus
    public var strength: Strength?
    public var value: String?
    public var confidence: Double

    enum CodingKeys: String, StateCodingKeys { case status, strength, value, confidence }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeState(status: status, strength: strength, value: value, confidence: confidence)
    }
}

public struct ProvisionRow: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var dimension: String
    public var polarity: ProvisionPolarity
    /// What the playbook asks: required, preferred, must_be_absent, or nil when it does not care.
    public var requirement: RequirementLevel?
    public var cells: [MatrixCell]
    /// Documents whose cell protects the buyer best, when the documents differ; empty when all agree.
    public var best: [Int]
    /// Which supplier's text is strongest, on rows the playbook asks about; nil elsewhere.
    public var bestOffer: BestOffer?

    enum CodingKeys: String, CodingKey { case id, name, dimension, polarity, requirement, cells, best, bestOffer }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(polarity, forKey: .polarity)
        try c.encode(requirement, forKey: .requirement)
        try c.encode(cells, forKey: .cells)
        try c.encode(best, forKey: .best)
        try c.encodeIfPresent(bestOffer, forKey: .bestOffer)
    }
}

public struct MoveRow: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var severity: Severity?
    public var present: [Bool]
}

public struct RankEntry: Hashable, Codable, Sendable {
    public var rank: Int
    public var document: Int
    public var name: String
    public var score: Int
}

extension Comparison {
    /// Builds the comparison of analyses made against `playbook` over `corpus`.
    public static func build(_ analyses: [Analysis], corpus: Corpus, playbook: Playbook) -> Comparison {
        let ranking = rank(analyses, corpus: corpus)
        var rankOf = [Int](repeating: 0, count: analyses.count)
        for entry in ranking { rankOf[entry.document] = entry.rank }
        let documents = analyses.enumerated().map { index, a in
            ComparedDocument(
                name: a.document.name,
                sha256: a.document.sha256,
                score: a.score,
                dimensions: a.dimensions,
                moves: a.killListMoves.map {
                    ComparedMove(
                        id: $0.id,
                        name: corpus.move($0.id)?.name ?? $0.id,
                        severity: corpus.move($0.id)?.severity,
                        confidence: $0.confidence
                    )
                },
                gaps: a.gaps.count,
                rank: rankOf[index],
                coverage: a.coverage,
                hazardCost: a.hazardCost,
                scoreBreakdown: a.scoreBreakdown
            )
        }
        return Comparison(
            profile: playbook.id,
            profileName: playbook.name,
            documents: documents,
            provisions: provisionRows(analyses, corpus: corpus, playbook: playbook),
            moves: moveRows(analyses, corpus: corpus),
            ranking: ranking
        )
    }

    /// One row per provision (the taxonomy's order), with the cells that protect the buyer best.
    static func provisionRows(_ analyses: [Analysis], corpus: Corpus, playbook: Playbook) -> [ProvisionRow] {
        let order =
            corpus.taxonomy.provisions.isEmpty
            ? (analyses.first?.provisions.map(\.id) ?? []) : corpus.taxonomy.provisions.map(\.id)
        return order.map { id in
            let info = corpus.taxonomy.provision(id)
            let polarity = info?.polarity ?? .protection
            let cells = analyses.map { a -> MatrixCell in
                guard let f = a.finding(id) else {
                    return MatrixCell(status: .absent, strength: nil, value: nil, confidence: 0)
                }
                return MatrixCell(status: f.status, strength: f.strength, value: f.value, confidence: f.confidence)
            }
            let merits = cells.map { merit($0, polarity) }
            let top = merits.max() ?? 0
            let best = Set(merits).count > 1 ? merits.indices.filter { merits[$0] == top } : []
            let requirement = playbook.requirement(for: id)?.level
            return ProvisionRow(
                id: id,
                name: info?.name ?? id,
                dimension: info?.dimension ?? analyses.first?.finding(id)?.dimension ?? "",
                polarity: polarity,
                requirement: requirement,
                cells: cells,
                best: best,
                bestOffer: requirement == nil ? nil : BestOffer.of(id, merits: merits, analyses: analyses)
            )
        }
    }

    /// One row per kill-list move found in any document: the corpus's order, then any it does not know.
    static func moveRows(_ analyses: [Analysis], corpus: Corpus) -> [MoveRow] {
        var moveIds: [String] = corpus.moves.map(\.id).filter { id in analyses.contains { $0.move(id) != nil } }
        for a in analyses { for m in a.killListMoves where !moveIds.contains(m.id) { moveIds.append(m.id) } }
        return moveIds.map { id in
            MoveRow(
                id: id,
                name: corpus.move(id)?.name ?? id,
                severity: corpus.move(id)?.severity,
                present: analyses.map { $0.move(id) != nil }
            )
        }
    }

    /// Documents best first: score, then fewer high-severity moves, then fewer gaps, then name.
    /// Equal scores with equal tie-breaks share a rank.
    static func rank(_ analyses: [Analysis], corpus: Corpus) -> [RankEntry] {
        func highMoves(_ a: Analysis) -> Int { a.killListMoves.filter { corpus.move($0.id)?.severity == .high }.count }
        let ranked = analyses.indices.sorted { x, y in
            let a = analyses[x]
            let b = analyses[y]
            if a.score != b.score { return a.score > b.score }
            if highMoves(a) != highMoves(b) { return highMoves(a) < highMoves(b) }
            if a.gaps.count != b.gaps.count { return a.gaps.count < b.gaps.count }
            return a.document.name != b.document.name ? a.document.name < b.document.name : x < y
        }
        var ranking: [RankEntry] = []
        for (position, index) in ranked.enumerated() {
            var rank = position + 1
            if let prev = ranking.last {
                let p = analyses[prev.document]
                let c = analyses[index]
                if p.score == c.score && highMoves(p) == highMoves(c) && p.gaps.count == c.gaps.count {
                    rank = prev.rank
                }
            }
            let a = analyses[index]
            ranking.append(RankEntry(rank: rank, document: index, name: a.document.name, score: a.score))
        }
        return ranking
    }

    /// How well a cell protects the buyer: absent < weak < adequate < strong for protections;
    /// for hazards, absent is best.
    static func merit(_ cell: MatrixCell, _ polarity: ProvisionPolarity) -> Int {
        if polarity == .hazard { return cell.status == .present ? 0 : 3 }
        guard cell.status == .present else { return 0 }
        switch cell.strength {
        case .weak: return 1
        case .adequate, nil: return 2
        case .strong: return 3
        }
    }
}
