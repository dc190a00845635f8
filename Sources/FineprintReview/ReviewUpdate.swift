import FineprintCore
import Foundation

/// A quote a reviewer selected in the document: offsets into the stored extracted text, in Unicode
/// scalars, end exclusive. A `quote`, when given, must be the text between them.
public struct QuoteSelection: Hashable, Codable, Sendable {
    public var start: Int
    public var end: Int
    public var quote: String?

    public init(start: Int, end: Int, quote: String? = nil) {
        self.start = start
        self.end = end
        self.quote = quote
    }
}

/// A reviewer's reading of one provision as they send it (the API's PUT, the report's form).
public struct FindingUpdate: Hashable, Codable, Sendable {
    public var provision: String
    public var status: ProvisionStatus
    public var strength: Strength?
    public var value: String?
    public var evidence: [QuoteSelection]
    public var note: String?

    public init(
        provision: String,
        status: ProvisionStatus,
        strength: Strength? = nil,
        value: String? = nil,
        evidence: [QuoteSelection] = [],
        note: String? = nil
    ) {
        self.provision = provision
        self.status = status
        self.strength = strength
        self.value = value
        self.evidence = evidence
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case provision, status, strength, value, evidence, note }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provision = try c.decode(String.self, forKey: .provision)
        status = try c.decode(ProvisionStatus.self, forKey: .status)
        strength = try c.decodeIfPresent(Strength.self, forKey: .strength)
        value = try c.decodeIfPresent(String.self, forKey: .value)
        evidence = try c.decodeIfPresent([QuoteSelection].self, forKey: .evidence) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// A reviewer's decision on a move as they send it.
public struct MoveUpdate: Hashable, Codable, Sendable {
    public var move: String
    public var decision: MoveDecision
    public var reason: String?

    public init(move: String, decision: MoveDecision, reason: String? = nil) {
        self.move = move
        self.decision = decision
        self.reason = reason
    }
}

public struct NoteUpdate: Hashable, Codable, Sendable {
    public var text: String
    public init(text: String) { self.text = text }
}

/// A whole review as a client sends it (PUT): each part given replaces that part; a part left out
/// stays as it was. Who and when are the server's to fill in.
public struct ReviewUpdate: Hashable, Codable, Sendable {
    public var state: ReviewState?
    public var findings: [FindingUpdate]?
    public var moves: [MoveUpdate]?
    public var notes: [NoteUpdate]?

    public init(
        state: ReviewState? = nil,
        findings: [FindingUpdate]? = nil,
        moves: [MoveUpdate]? = nil,
        notes: [NoteUpdate]? = nil
    ) {
        self.state = state
        self.findings = findings
        self.moves = moves
        self.notes = notes
    }
}

/// Why a review change was refused; each says what to do.
public struct ReviewError: Error, Hashable, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
