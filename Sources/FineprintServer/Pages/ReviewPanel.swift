import FineprintCore
import FineprintStore
import Foundation

/// The review parts of the report page (view: report.mustache): the state and its button, the notes,
/// and per finding and per move the small form a reviewer confirms or corrects it with.
struct ReviewPanel {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }
    struct Quote {
        var start: Int
        var end: Int
        var snippet: String
    }
    /// The form of one provision: prefilled with the current (reviewed) reading.
    struct FindingForm {
        var provision: String
        var statuses: [Option]
        var strengths: [Option]
        var value: String
        var note: String
        var quotes: [Quote]
        /// The machine's reading, in words, shown beside the reviewer's.
        var machine: String
        /// Who changed or confirmed it and when, when someone did.
        var stamp: String?
        var reviewed: Bool
    }
    struct MoveForm {
        var id: String
        var name: String
        var decision: String?
        var reason: String
        var dismissed: Bool
        var stamp: String?
    }
    struct Note {
        var text: String
        var stamp: String
    }

    var state: String
    var stateStamp: String?
    var nextState: String
    var nextLabel: String
    var legend: String?
    var machineScore: Int?
    var notes: [Note]
    var moves: [MoveForm]
    var findings: [String: FindingForm]

    init(review: AnalysisReview, machine: Analysis, marks: ReviewMarks?, names: CorpusNames) {
        state = review.state.label
        stateStamp = review.stateStamp.map(Self.stamp)
        nextState = review.state.next.rawValue
        nextLabel =
            switch review.state {
            case .draft: "Start the review"
            case .inReview: "Mark as reviewed"
            case .reviewed: "Reopen the review"
            }
        // The template puts the marker itself, styled, before the words.
        legend = marks?.hasChanges == true ? String(ReviewMarks.legend.dropFirst(ReviewMarks.marker.count + 1)) : nil
        machineScore = marks?.hasChanges == true ? marks?.machineScore : nil
        notes = review.notes.map { Note(text: $0.text, stamp: Self.stamp($0.stamp)) }
        moves = machine.killListMoves.map { m in
            let reading = review.move(m.id)
            return MoveForm(
                id: m.id,
                name: names.move(m.id),
                decision: reading?.decision.rawValue,
                reason: reading?.reason ?? "",
                dismissed: reading?.decision == .dismissed,
                stamp: reading.map { Self.stamp($0.stamp) }
            )
        }
        var forms: [String: FindingForm] = [:]
        for finding in machine.provisions {
            forms[finding.id] = Self.form(finding, reading: review.finding(finding.id))
        }
        findings = forms
    }

    static func form(_ machine: ProvisionFinding, reading: FindingReading?) -> FindingForm {
        let status = reading?.status ?? machine.status
        let strength = reading.map(\.strength) ?? machine.strength
        let evidence = reading?.evidence ?? machine.evidence
        return FindingForm(
            provision: machine.id,
            statuses: [ProvisionStatus.present, .absent].map {
                Option(value: $0.rawValue, label: StateWording.status($0), selected: $0 == status)
            },
            strengths: [Option(value: "", label: "—", selected: strength == nil)]
                + Strength.allCases.reversed().map {
                    Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == strength)
                },
            value: reading.map { $0.value ?? "" } ?? machine.value ?? "",
            note: reading?.note ?? "",
            quotes: evidence.map { Quote(start: $0.start, end: $0.end, snippet: Format.snippet($0.quote, limit: 120)) },
            machine: Self.words(machine),
            stamp: reading.map { Self.stamp($0.stamp) },
            reviewed: reading != nil
        )
    }

    /// "present, adequate, value Ireland, 2 quotes".
    static func words(_ f: ProvisionFinding) -> String {
        var parts = [StateWording.status(f.status)]
        if let s = f.strength { parts.append(s.rawValue) }
        if let v = f.value { parts.append("value \(v)") }
        parts.append(f.evidence.count == 1 ? "1 quote" : "\(f.evidence.count) quotes")
        return parts.joined(separator: ", ")
    }

    static func stamp(_ s: ReviewStamp) -> String {
        "\(s.by ?? "someone"), \(Format.date(s.at))"
    }
}
