import Foundation

/// Where a person's review of an analysis stands: a fresh analysis is a draft, a reviewer's first
/// change puts it in review, and the reviewer declares it reviewed.
public enum ReviewState: String, Codable, Sendable, CaseIterable {
    case draft
    case inReview = "in_review"
    case reviewed

    /// The state the "move on" button leads to (a reviewed analysis is reopened for review).
    public var next: ReviewState {
        switch self {
        case .draft: .inReview
        case .inReview: .reviewed
        case .reviewed: .inReview
        }
    }

    /// The state in words.
    public var label: String {
        switch self {
        case .draft: "draft"
        case .inReview: "in review"
        case .reviewed: "reviewed"
        }
    }
}

/// Who made a change and when. `by` is nil when the workbench has no accounts.
public struct ReviewStamp: Hashable, Codable, Sendable {
    public var by: String?
    public var at: Date

    /// Times are kept to the millisecond, the precision both databases store exactly.
    public init(by: String?, at: Date) {
        self.by = by
        self.at = Date(timeIntervalSince1970: (at.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

/// A reviewer's reading of one provision: it replaces the machine's status, strength, value and
/// evidence (the machine's finding is kept untouched beside it).
public struct FindingReading: Hashable, Codable, Sendable {
    public var provision: String
    public var status: ProvisionStatus
    public var strength: Strength?
    public var value: String?
    /// The quotes the reviewer keeps or added, offsets into the stored extracted text.
    public var evidence: [Evidence]
    public var note: String?
    public var stamp: ReviewStamp

    public init(
        provision: String,
        status: ProvisionStatus,
        strength: Strength?,
        value: String?,
        evidence: [Evidence],
        note: String? = nil,
        stamp: ReviewStamp
    ) {
        self.provision = provision
        self.status = status
        self.strength = status == .present ? strength : nil
        self.value = value
        self.evidence = evidence
        self.note = note
        self.stamp = stamp
    }

    /// Whether two readings say the same thing (stamps aside).
    public func saysSame(as other: FindingReading) -> Bool {
        status == other.status && strength == other.strength && value == other.value
            && evidence.map(\.span) == other.evidence.map(\.span) && note == other.note
    }
}

/// What a reviewer decided about a kill-list move the machine found.
public enum MoveDecision: String, Codable, Sendable, CaseIterable {
    case confirmed, dismissed
}

public struct MoveReading: Hashable, Codable, Sendable {
    public var move: String
    public var decision: MoveDecision
    /// Why (required to dismiss).
    public var reason: String?
    public var stamp: ReviewStamp

    public init(move: String, decision: MoveDecision, reason: String?, stamp: ReviewStamp) {
        self.move = move
        self.decision = decision
        self.reason = reason
        self.stamp = stamp
    }
}

public struct ReviewNote: Hashable, Codable, Sendable {
    public var text: String
    public var stamp: ReviewStamp

    public init(text: String, stamp: ReviewStamp) {
        self.text = text
        self.stamp = stamp
    }
}

/// A person's review of one stored analysis, keyed by the analysis's stored id. Only what the
/// reviewer touched is here; everything else stands as the machine read it.
public struct AnalysisReview: Hashable, Codable, Sendable {
    public var analysisId: Int64
    public var state: ReviewState
    /// Who last moved the state, and when (nil while it has never moved).
    public var stateStamp: ReviewStamp?
    public var findings: [FindingReading]
    public var moves: [MoveReading]
    public var notes: [ReviewNote]

    public init(
        analysisId: Int64,
        state: ReviewState = .draft,
        stateStamp: ReviewStamp? = nil,
        findings: [FindingReading] = [],
        moves: [MoveReading] = [],
        notes: [ReviewNote] = []
    ) {
        self.analysisId = analysisId
        self.state = state
        self.stateStamp = stateStamp
        self.findings = findings
        self.moves = moves
        self.notes = notes
    }

    /// A draft nobody has touched.
    public var isEmpty: Bool { state == .draft && findings.isEmpty && moves.isEmpty && notes.isEmpty }

    public func finding(_ provision: String) -> FindingReading? { findings.first { $0.provision == provision } }
    public func move(_ id: String) -> MoveReading? { moves.first { $0.move == id } }
}

/// A cell of a provision finding a person may change.
public enum ReviewedCell: String, Codable, Sendable, CaseIterable {
    case status, strength, value, evidence
}

/// Which cells of an analysis a person changed, for the marker and legend every output shows.
public struct ReviewMarks: Hashable, Codable, Sendable {
    public var state: ReviewState
    /// Per provision, the cells whose reviewed value differs from the machine's.
    public var changedCells: [String: [ReviewedCell]]
    /// Provisions a person confirmed as the machine read them.
    public var confirmedProvisions: [String]
    /// Moves a person dismissed, with the reason.
    public var dismissedMoves: [String: String]
    public var confirmedMoves: [String]
    /// The machine's score before the review.
    public var machineScore: Int

    public init(
        state: ReviewState,
        changedCells: [String: [ReviewedCell]] = [:],
        confirmedProvisions: [String] = [],
        dismissedMoves: [String: String] = [:],
        confirmedMoves: [String] = [],
        machineScore: Int
    ) {
        self.state = state
        self.changedCells = changedCells
        self.confirmedProvisions = confirmedProvisions
        self.dismissedMoves = dismissedMoves
        self.confirmedMoves = confirmedMoves
        self.machineScore = machineScore
    }

    public func changed(_ provision: String, _ cell: ReviewedCell) -> Bool {
        changedCells[provision]?.contains(cell) ?? false
    }

    public func changed(_ provision: String) -> Bool { !(changedCells[provision] ?? []).isEmpty }

    /// Whether a person changed anything the outputs show.
    public var hasChanges: Bool { !changedCells.isEmpty || !dismissedMoves.isEmpty }

    /// The marker put beside a changed cell, and the legend that explains it.
    public static let marker = "✎"
    public static let legend = "✎ changed by a reviewer (the machine's reading is kept beside it)"
}
