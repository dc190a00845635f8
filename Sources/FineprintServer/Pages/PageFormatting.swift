import FineprintCore
import FineprintReport
import Foundation

/// One entry of a tier drop-down.
struct ProfileOption {
    var id: String
    var name: String
    var selected: Bool

    static func list(_ playbooks: [Playbook], selected: String?) -> [ProfileOption] {
        playbooks.map { ProfileOption(id: $0.id, name: $0.name, selected: $0.id == selected) }
    }
}

/// Small formatting helpers shared by the views.
enum Format {
    /// An uploaded file's name as pages show it: cleaned of control and bidi characters, shortened.
    static func fileName(_ name: String) -> String { FileNameDisplay.shortened(name) }

    /// The whole name, cleaned, for a title attribute when the shown name was shortened (the
    /// tooltip shows what was cut); nil when the name is shown whole.
    static func fullFileName(_ name: String) -> String? {
        let clean = FileNameDisplay.cleaned(name)
        return clean == FileNameDisplay.shortened(name) ? nil : clean
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    static func date(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeSeparator: .colon)
                .year().month().day().time(includingFractionalSeconds: false)
        ) + " UTC"
    }

    /// A word for the score, so it is not conveyed by colour alone.
    static func scoreBand(_ score: Int) -> String {
        switch score {
        case 80...: "good"
        case 60..<80: "fair"
        case 40..<60: "poor"
        default: "very poor"
        }
    }

    static func snippet(_ s: String, limit: Int = 160) -> String {
        let flat = s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    /// Paragraphs of a YAML block text: lines joined, blank lines separate.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map {
            $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }
}
