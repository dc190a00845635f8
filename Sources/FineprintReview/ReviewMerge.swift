import FineprintCore
import Foundation

/// Applying a reviewer's changes to a stored review: every reading is checked against the analysis
/// and the document's text, and keeps its old stamp unless it says something new.
public struct ReviewEditor: Sendable {
    /// The machine's analysis the review belongs to.
    public var machine: Analysis
    /// The stored extracted text its offsets refer to.
    public var text: String
    public var stamp: ReviewStamp

    public static let maximumQuoteLength = 1_200
    public static let maximumQuotes = 20
    public static let maximumTextLength = 2_000
    public static let maximumNotes = 200

    public init(machine: Analysis, text: String, stamp: ReviewStamp) {
        self.machine = machine
        self.text = text
        self.stamp = stamp
    }

    /// `review` with `update` applied. A draft that a reviewer changes is in review from then on.
    public func apply(_ update: ReviewUpdate, to review: AnalysisReview) throws -> AnalysisReview {
        var out = review
        if let findings = update.findings {
            var seen: Set<String> = []
            out.findings = try findings.map { change in
                guard seen.insert(change.provision).inserted else {
                    throw ReviewError("provision '\(change.provision)' is given twice; send one reading per provision")
                }
                return try reading(change, replacing: review.finding(change.provision))
            }
        }
        if let moves = update.moves {
            var seen: Set<String> = []
            out.moves = try moves.map { change in
                guard seen.insert(change.move).inserted else {
                    throw ReviewError("move '\(change.move)' is given twice; send one decision per move")
                }
                return try decision(change, replacing: review.move(change.move))
            }
        }
        if let notes = update.notes {
            guard notes.count <= Self.maximumNotes else {
                throw ReviewError("at most \(Self.maximumNotes) notes; shorten the list")
            }
            out.notes = try notes.map { note in
                let text = try Self.bounded(note.text, "a note")
                guard !text.isEmpty else { throw ReviewError("a note is empty; write something or leave it out") }
                return review.notes.first { $0.text == text } ?? ReviewNote(text: text, stamp: stamp)
            }
        }
        try moveState(&out, to: update.state, from: review)
        return out
    }

    /// Sets or replaces the reading of one provision (the report's form).
    public func setFinding(_ change: FindingUpdate, in review: AnalysisReview) throws -> AnalysisReview {
        var findings = review.findings.filter { $0.provision != change.provision }.map(Self.findingUpdate)
        findings.append(change)
        return try apply(ReviewUpdate(findings: findings), to: review)
    }

    /// Drops the reading of one provision: the machine's stands again.
    public func clearFinding(_ provision: String, in review: AnalysisReview) throws -> AnalysisReview {
        let findings = review.findings.filter { $0.provision != provision }.map(Self.findingUpdate)
        return try apply(ReviewUpdate(findings: findings), to: review)
    }

    /// Sets or replaces the decision on one move (the report's form).
    public func setMove(_ change: MoveUpdate, in review: AnalysisReview) throws -> AnalysisReview {
        var moves = review.moves.filter { $0.move != change.move }.map {
            MoveUpdate(move: $0.move, decision: $0.decision, reason: $0.reason)
        }
        moves.append(change)
        return try apply(ReviewUpdate(moves: moves), to: review)
    }

    /// Adds a note (the report's form).
    public func addNote(_ text: String, to review: AnalysisReview) throws -> AnalysisReview {
        var out = review
        guard out.notes.count < Self.maximumNotes else {
            throw ReviewError("at most \(Self.maximumNotes) notes")
        }
        let text = try Self.bounded(text, "a note")
        guard !text.isEmpty else { throw ReviewError("the note is empty; write something first") }
        out.notes.append(ReviewNote(text: text, stamp: stamp))
        try moveState(&out, to: nil, from: review)
        return out
    }

    /// Moves the state (the report's button).
    public func setState(_ state: ReviewState, in review: AnalysisReview) throws -> AnalysisReview {
        try apply(ReviewUpdate(state: state), to: review)
    }

    func moveState(_ out: inout AnalysisReview, to state: ReviewState?, from review: AnalysisReview) throws {
        if let state {
            out.state = state
        } else if review.state == .draft, out != review {
            out.state = .inReview
        }
        if out.state != review.state { out.stateStamp = stamp }
    }

    func reading(_ change: FindingUpdate, replacing old: FindingReading?) throws -> FindingReading {
        guard machine.provisions.contains(where: { $0.id == change.provision }) else {
            throw ReviewError("'\(change.provision)' is not a provision of this analysis")
        }
        if change.status == .absent, change.strength != nil {
            throw ReviewError("\(change.provision): a provision judged absent has no strength; leave strength out")
        }
        guard change.evidence.count <= Self.maximumQuotes else {
            throw ReviewError("\(change.provision): at most \(Self.maximumQuotes) quotes")
        }
        let value = try change.value.map { try Self.bounded($0, "a value") }.flatMap { $0.isEmpty ? nil : $0 }
        let note = try change.note.map { try Self.bounded($0, "a note") }.flatMap { $0.isEmpty ? nil : $0 }
        var evidence: [Evidence] = []
        for selection in change.evidence {
            var quote = try QuoteCheck.evidence(selection, in: text, provision: change.provision)
            // A quote the machine chose keeps its decisive sentence (focus) and source.
            let chosen = machine.provisions.first { $0.id == change.provision }?.evidence
            if let same = chosen?.first(where: { $0.span == quote.span }) { quote = same }
            if !evidence.contains(where: { $0.span == quote.span }) { evidence.append(quote) }
        }
        let fresh = FindingReading(
            provision: change.provision,
            status: change.status,
            strength: change.strength,
            value: value,
            evidence: evidence,
            note: note,
            stamp: stamp
        )
        if let old, old.saysSame(as: fresh) { return old }
        return fresh
    }

    func decision(_ change: MoveUpdate, replacing old: MoveReading?) throws -> MoveReading {
        guard machine.killListMoves.contains(where: { $0.id == change.move }) else {
            throw ReviewError("'\(change.move)' is not a kill-list move this analysis found")
        }
        let reason = try change.reason.map { try Self.bounded($0, "a reason") }.flatMap { $0.isEmpty ? nil : $0 }
        if change.decision == .dismissed, reason == nil {
            throw ReviewError("\(change.move): say why the move is dismissed (a reason is required)")
        }
        if let old, old.decision == change.decision, old.reason == reason { return old }
        return MoveReading(move: change.move, decision: change.decision, reason: reason, stamp: stamp)
    }

    static func bounded(_ text: String, _ what: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.unicodeScalars.count <= maximumTextLength else {
            throw ReviewError("\(what) is longer than \(maximumTextLength) characters; shorten it")
        }
        return trimmed
    }

    static func findingUpdate(_ r: FindingReading) -> FindingUpdate {
        FindingUpdate(
            provision: r.provision,
            status: r.status,
            strength: r.strength,
            value: r.value,
            evidence: r.evidence.map { QuoteSelection(start: $0.start, end: $0.end) },
            note: r.note
        )
    }
}

/// Checks a selected quote against the stored text.
public enum QuoteCheck {
    /// The evidence item for `selection`: its offsets inside the text, its quote the text between them.
    public static func evidence(_ selection: QuoteSelection, in text: String, provision: String) throws -> Evidence {
        let scalars = text.unicodeScalars
        let count = scalars.count
        let (start, end) = (selection.start, selection.end)
        guard start >= 0, end <= count, start < end else {
            throw ReviewError(
                "\(provision): the quote's offsets \(start)–\(end) are outside the document's text "
                    + "(0–\(count)); select the quote in the document again"
            )
        }
        guard end - start <= ReviewEditor.maximumQuoteLength else {
            throw ReviewError(
                "\(provision): a quote is at most \(ReviewEditor.maximumQuoteLength) characters; select less"
            )
        }
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: end - start)
        let quote = String(scalars[from..<to])
        if let given = selection.quote, given != quote {
            throw ReviewError(
                "\(provision): the quote does not match the text at \(start)–\(end); select it in the document again"
            )
        }
        guard !quote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReviewError("\(provision): the quote at \(start)–\(end) is only white space")
        }
        return Evidence(start: start, end: end, quote: quote)
    }
}
