import FineprintAnalysis
import FineprintCore
import Foundation

/// What changed between two versions of one document: first in the buyer's rights, then clause by
/// clause in the text. `fineprint.diff/1`.
public struct VersionDiff: Hashable, Codable, Sendable {
    public static let schemaId = "fineprint.diff/1"

    public var schema: String
    public var old: DiffDocument
    public var new: DiffDocument
    public var profile: String
    public var summary: DiffSummary
    public var rights: RightsChanges
    /// Every clause of either version, in the new version's order; removed clauses sit after the
    /// clause that preceded them.
    public var clauses: [ClauseChange]
    public var timings: DiffTimings

    public init(
        old: DiffDocument,
        new: DiffDocument,
        profile: String,
        summary: DiffSummary,
        rights: RightsChanges,
        clauses: [ClauseChange],
        timings: DiffTimings
    ) {
        self.schema = Self.schemaId
        self.old = old
        self.new = new
        self.profile = profile
        self.summary = summary
        self.rights = rights
        self.clauses = clauses
        self.timings = timings
    }
}

public struct DiffDocument: Hashable, Codable, Sendable {
    public var name: String
    public var sha256: String
    public var characters: Int
    public var clauses: Int
    public var score: Int
}

public struct DiffSummary: Hashable, Codable, Sendable {
    /// The versions differ only in links, dates, whitespace, typography, case or numbering.
    public var cosmeticOnly: Bool
    public var identical: Bool
    public var rightsChanged: Bool
    /// Rights changes that favour the buyer, and those that cost it.
    public var better: Int
    public var worse: Int
    public var unchanged: Int
    public var cosmetic: Int
    public var modified: Int
    public var moved: Int
    public var renumbered: Int
    public var added: Int
    public var removed: Int
    /// One line for a feed title or a terminal.
    public var headline: String
}

public struct DiffTimings: Hashable, Codable, Sendable {
    /// Both analyses (zero when the analyses were given).
    public var analysisMilliseconds: Double
    /// Clause split, alignment and word diffs.
    public var alignmentMilliseconds: Double
    public var totalMilliseconds: Double
}

/// Whether a change helps or costs the buyer.
public enum Effect: String, Codable, Sendable { case better, worse, neutral }

public enum ProvisionChangeKind: String, Codable, Sendable {
    case gained, lost, strengthened, weakened
    case hazardAdded = "hazard_added"
    case hazardRemoved = "hazard_removed"
    case valueChanged = "value_changed"
}

public struct FindingState: Hashable, Codable, Sendable {
    /// The state in words, as every renderer writes it (`StateWording`).
    public var label: String { StateWording.provision(status, strength: strength, value: value) }

    public var status: ProvisionStatus
    public var strength: Strength?
    public var value: String?
    public var confidence: Double
    /// The first evidence quote, if any.
    public var evidence: Evidence?

    init(_ f: ProvisionFinding) {
        status = f.status
        strength = f.strength
        value = f.value
        confidence = f.confidence
        evidence = f.status == .present ? f.evidence.first : nil
    }

    enum CodingKeys: String, StateCodingKeys { case status, strength, value, confidence, evidence }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeState(status: status, strength: strength, value: value, confidence: confidence)
        try c.encode(evidence, forKey: .evidence)
    }
}

public struct ProvisionChange: Hashable, Codable, Sendable {
    public var provision: String
    public var name: String
    public var dimension: String
    public var polarity: ProvisionPolarity
    public var kind: ProvisionChangeKind
    public var effect: Effect
    public var old: FindingState
    public var new: FindingState
    /// The value changed as well as (or instead of) the status or strength.
    public var valueChanged: Bool
}

public struct MoveChange: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var severity: Severity?
    public var effect: Effect
    public var evidence: Evidence?
}

public struct DimensionChange: Hashable, Codable, Sendable {
    public var id: String
    public var old: Int
    public var new: Int
    public var delta: Int
}

public struct RightsChanges: Hashable, Codable, Sendable {
    public var provisions: [ProvisionChange]
    public var movesAdded: [MoveChange]
    public var movesRemoved: [MoveChange]
    public var scoreOld: Int
    public var scoreNew: Int
    public var scoreDelta: Int
    public var dimensions: [DimensionChange]
    /// Provisions that count against the playbook now but did not before, and the reverse.
    public var gapsOpened: [String]
    public var gapsClosed: [String]

    public var isEmpty: Bool {
        provisions.isEmpty && movesAdded.isEmpty && movesRemoved.isEmpty && scoreDelta == 0
            && gapsOpened.isEmpty && gapsClosed.isEmpty
    }
}

public struct ClauseRef: Hashable, Codable, Sendable {
    public var kind: BlockKind
    public var number: String?
    public var start: Int
    public var end: Int
    public var section: String?
}

public struct ClauseChange: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable { case unchanged, cosmetic, modified, added, removed }
    public var status: Status
    /// A matched clause that left its place in the order.
    public var moved: Bool
    /// Its number changed.
    public var renumbered: Bool
    /// For `cosmetic`: what kind of cosmetic change (numbering when only the number changed).
    public var cosmetic: [CosmeticKind]
    public var old: ClauseRef?
    public var new: ClauseRef?
    /// Token-set similarity of the matched clauses (1 for identical).
    public var similarity: Double?
    /// The clause text (new version; old for removed clauses).
    public var text: String
    /// Word-level changes, for `modified` clauses.
    public var segments: [DiffSegment]?
}

extension VersionDiff {
    /// Analyses both versions and diffs them.
    public static func compute(
        old: ExtractedDocument,
        new: ExtractedDocument,
        analyzer: Analyzer,
        playbook: Playbook
    ) -> VersionDiff {
        let started = DispatchTime.now().uptimeNanoseconds
        // The two analyses are independent: run them side by side.
        let results = ResultSlots<Analysis>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            results.set(k, analyzer.analyze(k == 0 ? old : new, playbook: playbook))
        }
        let (oldAnalysis, newAnalysis) = (results.get(0), results.get(1))
        let analysed = DispatchTime.now().uptimeNanoseconds
        var diff = compute(
            old: old,
            new: new,
            oldAnalysis: oldAnalysis,
            newAnalysis: newAnalysis,
            corpus: analyzer.corpus
        )
        let ended = DispatchTime.now().uptimeNanoseconds
        diff.timings.analysisMilliseconds = Double(analysed - started) / 1e6
        diff.timings.totalMilliseconds = Double(ended - started) / 1e6
        return diff
    }

    /// Diffs two versions whose analyses are already known.
    public static func compute(
        old: ExtractedDocument,
        new: ExtractedDocument,
        oldAnalysis: Analysis,
        newAnalysis: Analysis,
        corpus: Corpus
    ) -> VersionDiff {
        let started = DispatchTime.now().uptimeNanoseconds
        let sa = Array(old.text.unicodeScalars)
        let sb = Array(new.text.unicodeScalars)
        var interner = WordInterner()
        let ua = ClauseSplitter.units(of: old, scalars: sa, interner: &interner)
        let ub = ClauseSplitter.units(of: new, scalars: sb, interner: &interner)
        let pairs = Aligner.align(ua, ub)

        let clauses = ClauseChanges(old: ua, new: ub, oldScalars: sa, newScalars: sb).changes(pairs)
        let rights = RightsDiff.changes(old: oldAnalysis, new: newAnalysis, corpus: corpus)
        let summary = summarize(clauses, rights: rights, identical: old.text == new.text)
        let ended = DispatchTime.now().uptimeNanoseconds
        let ms = Double(ended - started) / 1e6
        return VersionDiff(
            old: DiffDocument(
                name: old.name,
                sha256: old.sha256,
                characters: sa.count,
                clauses: ua.count,
                score: oldAnalysis.score
            ),
            new: DiffDocument(
                name: new.name,
                sha256: new.sha256,
                characters: sb.count,
                clauses: ub.count,
                score: newAnalysis.score
            ),
            profile: newAnalysis.profile,
            summary: summary,
            rights: rights,
            clauses: clauses,
            timings: DiffTimings(analysisMilliseconds: 0, alignmentMilliseconds: ms, totalMilliseconds: ms)
        )
    }

    /// The counts and headline of a diff.
    static func summarize(_ clauses: [ClauseChange], rights: RightsChanges, identical: Bool) -> DiffSummary {
        let count = { (s: ClauseChange.Status) in clauses.filter { $0.status == s }.count }
        let moved = clauses.filter(\.moved).count
        let better = rights.provisions.filter { $0.effect == .better }.count + rights.movesRemoved.count
        let worse = rights.provisions.filter { $0.effect == .worse }.count + rights.movesAdded.count
        let textChanged = count(.modified) + count(.added) + count(.removed) + moved > 0
        var summary = DiffSummary(
            cosmeticOnly: !identical && !textChanged && rights.isEmpty,
            identical: identical,
            rightsChanged: !rights.isEmpty,
            better: better,
            worse: worse,
            unchanged: count(.unchanged),
            cosmetic: count(.cosmetic),
            modified: count(.modified),
            moved: moved,
            renumbered: clauses.filter(\.renumbered).count,
            added: count(.added),
            removed: count(.removed),
            headline: ""
        )
        summary.headline = headline(summary, rights)
        return summary
    }

    static func headline(_ s: DiffSummary, _ r: RightsChanges) -> String {
        if s.identical { return "No change" }
        if s.cosmeticOnly { return "Cosmetic changes only" }
        var parts: [String] = []
        let lost = r.provisions.filter { $0.kind == .lost }.map(\.provision)
        let gained = r.provisions.filter { $0.kind == .gained }.map(\.provision)
        let weakened = r.provisions.filter { $0.kind == .weakened }.map(\.provision)
        let strengthened = r.provisions.filter { $0.kind == .strengthened }.map(\.provision)
        let hazards = r.provisions.filter { $0.kind == .hazardAdded }.map(\.provision)
        let hazardsGone = r.provisions.filter { $0.kind == .hazardRemoved }.map(\.provision)
        let values = r.provisions.filter { $0.kind == .valueChanged }.map(\.provision)
        if !lost.isEmpty { parts.append("lost " + lost.joined(separator: ", ")) }
        if !hazards.isEmpty { parts.append("hazard added " + hazards.joined(separator: ", ")) }
        if !weakened.isEmpty { parts.append("weakened " + weakened.joined(separator: ", ")) }
        if !r.movesAdded.isEmpty {
            parts.append("kill-list move added " + r.movesAdded.map(\.id).joined(separator: ", "))
        }
        if !gained.isEmpty { parts.append("gained " + gained.joined(separator: ", ")) }
        if !strengthened.isEmpty { parts.append("strengthened " + strengthened.joined(separator: ", ")) }
        if !hazardsGone.isEmpty { parts.append("hazard removed " + hazardsGone.joined(separator: ", ")) }
        if !r.movesRemoved.isEmpty {
            parts.append("kill-list move removed " + r.movesRemoved.map(\.id).joined(separator: ", "))
        }
        if !values.isEmpty { parts.append("value changed " + values.joined(separator: ", ")) }
        if r.scoreDelta != 0 { parts.append("score \(r.scoreOld) → \(r.scoreNew)") }
        if parts.isEmpty {
            return
                "Wording changed (\(s.modified) modified, \(s.added) added, \(s.removed) removed, \(s.moved) moved); no change in rights found"
        }
        return parts.joined(separator: "; ")
    }
}

enum RightsDiff {
    static let order: [Strength?: Int] = [nil: 0, .weak: 1, .adequate: 2, .strong: 3]

    static func changes(old: Analysis, new: Analysis, corpus: Corpus) -> RightsChanges {
        let oldById = Dictionary(old.provisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let provisions = new.provisions.compactMap { n in
            oldById[n.id].flatMap { change(from: $0, to: n, corpus: corpus) }
        }
        let oldMoves = Set(old.killListMoves.map(\.id))
        let newMoves = Set(new.killListMoves.map(\.id))
        let added = new.killListMoves.filter { !oldMoves.contains($0.id) }.map {
            moveChange($0, effect: .worse, corpus: corpus)
        }
        let removed = old.killListMoves.filter { !newMoves.contains($0.id) }.map {
            moveChange($0, effect: .better, corpus: corpus)
        }
        let oldDims = Dictionary(old.dimensions.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
        let dims = new.dimensions.compactMap { d -> DimensionChange? in
            guard let o = oldDims[d.id], o != d.score else { return nil }
            return DimensionChange(id: d.id, old: o, new: d.score, delta: d.score - o)
        }
        let oldGaps = Set(old.gaps.map(\.provision))
        let newGaps = Set(new.gaps.map(\.provision))
        return RightsChanges(
            provisions: provisions,
            movesAdded: added,
            movesRemoved: removed,
            scoreOld: old.score,
            scoreNew: new.score,
            scoreDelta: new.score - old.score,
            dimensions: dims,
            gapsOpened: new.gaps.map(\.provision).filter { !oldGaps.contains($0) },
            gapsClosed: old.gaps.map(\.provision).filter { !newGaps.contains($0) }
        )
    }

    /// What changed in one provision between the versions, for the buyer; nil when nothing did.
    static func change(from o: ProvisionFinding, to n: ProvisionFinding, corpus: Corpus) -> ProvisionChange? {
        let info = corpus.taxonomy.provision(n.id)
        let polarity = info?.polarity ?? .protection
        let valueChanged = n.status == .present && o.status == .present && (o.value ?? "") != (n.value ?? "")
        guard let (kind, effect) = kindAndEffect(o, n, polarity: polarity, valueChanged: valueChanged) else {
            return nil
        }
        return ProvisionChange(
            provision: n.id,
            name: info?.name ?? n.id,
            dimension: n.dimension,
            polarity: polarity,
            kind: kind,
            effect: effect,
            old: FindingState(o),
            new: FindingState(n),
            valueChanged: valueChanged
        )
    }

    static func kindAndEffect(
        _ o: ProvisionFinding,
        _ n: ProvisionFinding,
        polarity: ProvisionPolarity,
        valueChanged: Bool
    ) -> (ProvisionChangeKind, Effect)? {
        let hazard = polarity == .hazard
        switch (o.status, n.status) {
        case (.absent, .present): return hazard ? (.hazardAdded, .worse) : (.gained, .better)
        case (.present, .absent): return hazard ? (.hazardRemoved, .better) : (.lost, .worse)
        case (.present, .present):
            // Strength always says how protective for the buyer, for hazards too.
            let a = order[o.strength] ?? 0
            let b = order[n.strength] ?? 0
            if b > a { return (.strengthened, .better) }
            if b < a { return (.weakened, .worse) }
            return valueChanged ? (.valueChanged, .neutral) : nil
        default: return nil
        }
    }

    static func moveChange(_ move: MoveFinding, effect: Effect, corpus: Corpus) -> MoveChange {
        MoveChange(
            id: move.id,
            name: corpus.move(move.id)?.name ?? move.id,
            severity: corpus.move(move.id)?.severity,
            effect: effect,
            evidence: move.evidence.first
        )
    }
}
